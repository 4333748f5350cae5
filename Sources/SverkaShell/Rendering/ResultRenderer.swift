import SverkaEngine

/// Turns a result, streamed row by row, into text on a sink.
///
/// Call `begin` once, `row` for each row, then `finish` once; `finish` flushes the sink.
public protocol ResultRenderer {
    mutating func begin(_ columns: [ResultColumn])
    mutating func row(_ values: [Value])
    mutating func finish()
}

/// The renderer for the settings' format, writing to `sink`.
public func makeRenderer(_ settings: RenderSettings, sink: any TextSink) -> any ResultRenderer {
    switch settings.format {
    case .table: return TableRenderer(settings: settings, sink: sink)
    case .csv: return CSVRenderer(sink: sink)
    case .json: return JSONRenderer(sink: sink)
    case .markdown: return MarkdownRenderer(settings: settings, sink: sink)
    }
}
