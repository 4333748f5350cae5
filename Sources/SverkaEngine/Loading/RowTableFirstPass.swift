import Foundation
import SverkaSyntax

/// What the first pass over a row table decided: the columns with their types, and why.
struct RowTablePlan {
    var columns: [ResultColumn]
    var notes: [String]
    var rows: Int
}

/// The first pass over rows already split into fields: every column's type judged on all of its
/// values by the same inference as CSV, or checked against a type fixed by the user or the format.
enum RowTableFirstPass {
    static let maximumColumns = 2000

    static func run(_ source: some RowTableSource, options: LoadOptions, path: String,
                    database: SQLiteDatabase) throws(Diagnostic) -> RowTablePlan {
        let (names, headerNotes) = HeaderNames.make(source.columns.map(\.name))
        let width = names.count
        guard width > 0 else {
            throw Diagnostic("cannot load '\(path)': it holds no columns", location: path)
        }
        guard width <= maximumColumns else {
            throw Diagnostic("cannot load '\(path)': it has \(width) columns; a table holds at most \(maximumColumns)",
                             location: path)
        }
        let requested = try RequestedColumnTypes.resolve(options.columnTypes, names: names, path: path)
        let fixed = (0..<width).map { requested[$0] ?? source.columns[$0].fixedType }
        var states = [ColumnInference](repeating: ColumnInference(), count: width)
        for rowIndex in 0..<source.rowCount {
            let row = source.row(rowIndex)
            for column in 0..<width {
                guard let field = row.field(column), !field.isEmpty else {
                    states[column].nulls += 1
                    continue
                }
                if let type = fixed[column] {
                    states[column].values += 1
                    try check(field, as: type, name: names[column]) { source.location(row: rowIndex, column: column) }
                } else {
                    var text = field
                    text.withUTF8 { states[column].observe($0, line: row.line) }
                }
            }
            if rowIndex & 0xFFFF == 0xFFFF, database.isInterruptRequested { throw CSVLoadError.interrupted() }
        }

        var columns: [ResultColumn] = []
        var notes = headerNotes
        for index in 0..<width {
            let (type, decided) = decide(states[index], name: names[index], requested: requested[index],
                                         column: source.columns[index])
            // Inference words a disqualifying value as "(line N has …)"; a sheet counts rows.
            let note = source.lineName == "line" ? decided
                : decided.replacingOccurrences(of: "(line ", with: "(\(source.lineName) ")
            columns.append(ResultColumn(name: names[index], type: type))
            notes.append(note)
        }
        if source.rowCount == 0 { notes.append("rows: none, only the columns") }
        return RowTablePlan(columns: columns, notes: notes, rows: source.rowCount)
    }

    /// The type and note of one column: the user's type, else the format's, else inference.
    private static func decide(_ state: ColumnInference, name: String, requested: LogicalType?,
                               column: RowTableColumn) -> (LogicalType, String) {
        var (type, note): (LogicalType, String)
        if requested == nil, let fixedType = column.fixedType {
            let empties = state.nulls > 0 ? "; \(state.nulls) empty → null" : ""
            (type, note) = (fixedType, "\(name): \(fixedType) (\(column.fixedReason ?? "fixed by the format"))\(empties)")
        } else {
            (type, note) = ColumnDecision.decide(state, name: name, override: requested)
        }
        if let detail = column.detail { note += "; \(detail)" }
        return (type, note)
    }

    /// A value of a column with a fixed type must convert; the first that does not stops the load.
    private static func check(_ field: String, as type: LogicalType, name: String,
                              location: () -> String) throws(Diagnostic) {
        var text = field
        let failure = text.withUTF8 { bytes -> FieldConverter.Failure? in
            if case .failure(let failure) = FieldConverter.convert(bytes, to: type) { return failure }
            return nil
        }
        if let failure {
            throw CSVLoadError.cannotHold(column: name, type: type, value: field, failure: failure, at: location())
        }
    }
}
