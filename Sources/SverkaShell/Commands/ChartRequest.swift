import SverkaEngine
import SverkaSyntax

/// One `chart` as the user wrote it, checked against the result it draws from.
struct ChartRequest {
    enum Kind: String { case bar, line }

    let kind: Kind
    let column: Name
    let key: Name
    let pipeline: Pipeline
    var width: Int?
    var height = LineChart.defaultHeight

    init(_ invocation: CommandInvocation, session: Session) throws(Diagnostic) {
        guard case .word(let kindWord)? = invocation.argument("kind")?.value, let kind = Kind(rawValue: kindWord.text.lowercased()),
              case .word(let column)? = invocation.argument("column")?.value,
              case .word(let key)? = invocation.clause("by")?.value,
              case .query(let pipeline)? = invocation.clause("from")?.value else {
            throw Diagnostic("chart needs a kind, a column, a key and a query", at: invocation.span)
                .hint("write: chart bar revenue by region from report_sales")
        }
        // A bare name parses as a query too; one spelling, with its `from`, keeps scripts alike.
        if pipeline.steps.isEmpty, pipeline.span == pipeline.source.name.span {
            let name = pipeline.source.name.description
            throw Diagnostic("the rows to draw come after 'from'", at: pipeline.span)
                .hint("write: chart \(kind.rawValue) \(column.text) by \(key.text) from \(name)")
        }
        self.kind = kind
        self.column = column
        self.key = key
        self.pipeline = pipeline
        if case .options(let entries)? = invocation.clause("with")?.value {
            let reader = AnalyticsOptionReader(command: "chart", known: ChartCommands.options, session: session)
            for entry in entries {
                switch try reader.key(entry) {
                case "width": width = try reader.integer(entry, in: ChartWidth.range, example: 80)
                default:
                    guard kind == .line else {
                        throw Diagnostic("height is for line charts: a bar chart has one line per key", at: entry.key.span)
                    }
                    height = try reader.integer(entry, in: 3...40, example: 8)
                }
            }
        }
    }

    /// Runs the query and draws the chart.
    func draw(session: Session) throws(Diagnostic) -> String {
        let query = try session.compile(pipeline, in: session.currentSource)
        let valueIndex = try Self.index(of: column, in: query.columns, role: "column")
        let keyIndex = try Self.index(of: key, in: query.columns, role: "key")
        let valueColumn = query.columns[valueIndex], keyColumn = query.columns[keyIndex]
        guard valueColumn.type.isNumeric || valueColumn.type == .null else {
            throw Self.notNumeric(valueColumn, at: column.span, columns: query.columns, kind: kind)
        }
        if kind == .line, !LineKeys.accepts(keyColumn.type) {
            throw Self.unordered(keyColumn, example: nil, at: key.span)
        }
        var series = ChartSeries(valueType: valueColumn.type)
        var failure: Diagnostic?
        try QueryRunner(database: session.workspace.database).run(query) { row in
            guard failure == nil else { return }
            do throws(Diagnostic) {
                try series.add(key: row[keyIndex], value: row[valueIndex])
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        let title = "\(valueColumn.name) by \(keyColumn.name)"
        let width = ChartWidth.current(option: width)
        let entries = series.entries
        guard !entries.isEmpty else { return title + "\n(no rows to draw)\n" }
        switch kind {
        case .bar:
            return bar(title: title, entries: entries, width: width, maxRows: session.settings.render.maxRows)
        case .line:
            if let example = LineKeys.firstUnordered(entries.map(\.key)) {
                throw Self.unordered(keyColumn, example: example, at: key.span)
            }
            if entries.contains(where: { $0.key.isNull }) {
                session.messages.write("chart: the rows with no \(keyColumn.name) are left out\n")
            }
            let ordered = LineKeys.ordered(entries)
            let points = ordered.map { ChartPoint(key: $0.key, total: $0.total) }
            guard points.contains(where: { $0.value != nil }) else { return title + "\n(no values to draw)\n" }
            let zero = ChartText.value(Self.zero(of: valueColumn.type))
            return LineChart(title: title, points: points, width: width, height: height, zeroText: zero).render()
        }
    }

    private func bar(title: String, entries: [(key: Value, total: Value)], width: Int, maxRows: Int) -> String {
        let shown = maxRows > 0 ? Array(entries.prefix(maxRows)) : entries
        var text = BarChart(title: title, points: shown.map { ChartPoint(key: $0.key, total: $0.total) }, width: width).render()
        if shown.count < entries.count {
            text += "… \(entries.count - shown.count) more (\(entries.count) keys; set maxrows 0 draws them all)\n"
        }
        return text
    }

    // MARK: - Errors

    private static func index(of name: Name, in columns: [ResultColumn], role: String) throws(Diagnostic) -> Int {
        if let exact = columns.firstIndex(where: { $0.name == name.text }) { return exact }
        if let folded = columns.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() }) { return folded }
        var error = Diagnostic("the result has no column '\(name.text)'", at: name.span)
        if let suggestion = Suggestion.closest(to: name.text, among: columns.map(\.name)) {
            error = error.hint("did you mean '\(suggestion)'?")
        }
        throw error.hint("its columns: " + columns.map(\.name).joined(separator: ", "))
    }

    private static func notNumeric(_ column: ResultColumn, at span: Span, columns: [ResultColumn], kind: Kind) -> Diagnostic {
        let what = kind == .bar ? "a bar's length" : "a line's height"
        let numeric = columns.filter { $0.type.isNumeric }.map(\.name)
        let error = Diagnostic("'\(column.name)' is \(column.type): \(what) needs numbers", at: span)
        guard !numeric.isEmpty else {
            return error.hint("the result has no numeric column: count or sum something first, e.g. | group \(column.name) (n = count())")
        }
        return error.hint("numeric columns: " + numeric.joined(separator: ", "))
    }

    private static func unordered(_ column: ResultColumn, example: String?, at span: Span) -> Diagnostic {
        let what = example.map { "text such as \"\($0)\"" } ?? "\(column.type)"
        return Diagnostic("a line runs along dates, months or numbers, and '\(column.name)' is \(what)", at: span)
            .hint("for a month key: group month = yearmonth(DATE_COLUMN) (…)")
            .hint("for one bar per \(column.name): chart bar …")
    }

    private static func zero(of type: LogicalType) -> Value {
        switch type {
        case .decimal(let scale): return .decimal(ExactDecimal(units: 0, scale: scale))
        case .number: return .number(0)
        default: return .integer(0)
        }
    }
}
