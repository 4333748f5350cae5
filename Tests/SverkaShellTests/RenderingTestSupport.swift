import SverkaEngine
@testable import SverkaShell

/// Renders a whole result to a string, as the shell would stream it.
func renderToString(_ settings: RenderSettings, _ columns: [ResultColumn], _ rows: [[Value]]) -> String {
    let sink = StringSink()
    var renderer = makeRenderer(settings, sink: sink)
    renderer.begin(columns)
    for row in rows { renderer.row(row) }
    renderer.finish()
    return sink.text
}

/// A decimal from its text, for readable test data; zero when the text is not a number.
func money(_ text: String) -> Value {
    .decimal(ExactDecimal(parsing: Substring(text)) ?? ExactDecimal(units: 0, scale: 0))
}

/// A date from ISO text; null when the text is not a date.
func day(_ text: String) -> Value {
    CalendarDate(iso: Substring(text)).map(Value.date) ?? .null
}
