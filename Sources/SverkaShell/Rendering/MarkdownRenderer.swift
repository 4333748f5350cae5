import SverkaEngine

/// Streams a GitHub-flavoured Markdown table, numeric columns right-aligned:
///
///     | client_id | name | revenue |
///     |--:|---|--:|
///     | 17 | ООО "Ромашка" | 1,234,567.50 |
///
/// Cells read as in table mode (money grouped, nulls as the null text) but are never cut;
/// `|` is escaped and line breaks become `<br>`. Cells are not padded: rows stream.
struct MarkdownRenderer: ResultRenderer {
    private let settings: RenderSettings
    private let sink: any TextSink
    private var columnCount = 0

    init(settings: RenderSettings, sink: any TextSink) {
        self.settings = settings
        self.sink = sink
    }

    mutating func begin(_ columns: [ResultColumn]) {
        columnCount = columns.count
        // A Markdown table needs at least one column.
        guard !columns.isEmpty else { return }
        sink.write(Self.line(columns.map { MarkdownText.cell($0.name) }))
        sink.write("|" + columns.map { $0.type.isNumeric ? "--:" : "---" }.joined(separator: "|") + "|\n")
    }

    mutating func row(_ values: [Value]) {
        guard columnCount > 0 else { return }
        let cells = (0..<columnCount).map { index in
            MarkdownText.cell(CellText.display(index < values.count ? values[index] : .null, nullText: settings.nullText))
        }
        sink.write(Self.line(cells))
    }

    mutating func finish() {
        sink.flush()
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }
}
