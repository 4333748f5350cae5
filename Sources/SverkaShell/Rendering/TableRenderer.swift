import SverkaEngine

/// Renders an aligned box-drawn table, keeping only the rows it will show.
///
///     ┌───────────┬───────────────┬──────────────┐
///     │ client_id │ name          │      revenue │
///     ├───────────┼───────────────┼──────────────┤
///     │        17 │ ООО "Ромашка" │ 1,234,567.50 │
///     │        18 │ ИП Иванов     │            ∅ │
///     └───────────┴───────────────┴──────────────┘
///     2 rows
///
/// Numeric columns (header included) are right-aligned, others left-aligned; widths are
/// display widths. A cut result shows a `…` row between its head and tail and says
/// `N rows (40 shown)` under the table.
struct TableRenderer: ResultRenderer {
    /// Longer cells are cut: one runaway comment must not push every other column off screen.
    static let maximumCellWidth = 60

    private let settings: RenderSettings
    private let sink: any TextSink
    private var columns: [ResultColumn] = []
    private var window: RowWindow<[Value]>

    init(settings: RenderSettings, sink: any TextSink) {
        self.settings = settings
        self.sink = sink
        window = RowWindow(maxRows: settings.maxRows)
    }

    mutating func begin(_ columns: [ResultColumn]) {
        self.columns = columns
        window = RowWindow(maxRows: settings.maxRows)
    }

    mutating func row(_ values: [Value]) {
        window.append(values)
    }

    mutating func finish() {
        sink.write(render())
        sink.flush()
    }

    private func render() -> String {
        let footer = Self.footer(total: window.count, shown: window.isCut ? window.keptCount : nil)
        guard !columns.isEmpty else { return "(no columns)\n" + footer }

        let head = window.head
        let tail = window.tail
        let kept = head + tail
        var grid = TableGrid(columnCount: columns.count)
        grid.rightAligned = columns.indices.map { index in
            CellText.isRightAligned(columns[index].type, values: kept.lazy.map { Self.value(in: $0, at: index) })
        }
        grid.addHeader(columns.map { cell($0.name) })
        if settings.showTypes {
            grid.addHeader(columns.map { $0.type.description })
        }
        for values in head {
            grid.addRow(cells(values))
        }
        if window.isCut {
            grid.addRow(Array(repeating: "…", count: columns.count))
        }
        for values in tail {
            grid.addRow(cells(values))
        }
        return grid.render() + footer
    }

    private func cells(_ values: [Value]) -> [String] {
        columns.indices.map { index in
            cell(CellText.display(Self.value(in: values, at: index), nullText: settings.nullText))
        }
    }

    private func cell(_ text: String) -> String {
        CellText.truncated(CellText.singleLine(text), toWidth: Self.maximumCellWidth)
    }

    /// A short row reads as nulls rather than trapping.
    private static func value(in values: [Value], at index: Int) -> Value {
        index < values.count ? values[index] : .null
    }

    static func footer(total: Int, shown: Int?) -> String {
        var text = total == 1 ? "1 row" : "\(total) rows"
        if let shown { text += " (\(shown) shown)" }
        return text + "\n"
    }
}
