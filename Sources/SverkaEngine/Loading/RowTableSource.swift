import SverkaSyntax

/// One column of rows that a structured reader hands over.
struct RowTableColumn {
    /// The name as the source has it; made unique and non-empty before use.
    var name: String
    /// A type the source format itself fixes (a 1C amount is money with two places), checked
    /// value by value like a user's override; nil: inferred from the values.
    var fixedType: LogicalType?
    /// Why the type is fixed, for the note: "1C statement field".
    var fixedReason: String?
    /// Something about how the values were read, appended to the column's note.
    var detail: String?

    init(name: String, fixedType: LogicalType? = nil, fixedReason: String? = nil, detail: String? = nil) {
        self.name = name
        self.fixedType = fixedType
        self.fixedReason = fixedReason
        self.detail = detail
    }
}

/// One row: its fields as text (nil for null or missing; a row may be shorter than the header,
/// the rest is null) and the line it starts on, for notes.
struct RowTableRow {
    var fields: [String?]
    var line: Int

    @inline(__always)
    func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
}

/// Rows already split into text fields, read twice: once to decide the types, once to insert.
protocol RowTableSource {
    var columns: [RowTableColumn] { get }
    var rowCount: Int { get }
    func row(_ index: Int) -> RowTableRow
    /// Where a field is in the file, for messages: `path:line:column`, or `book.xlsx:Sheet!C5`.
    func location(row: Int, column: Int) -> String
    /// What a row's `line` counts, for notes: "line" in text files, "row" in a sheet.
    var lineName: String { get }
}

extension RowTableSource {
    var lineName: String { "line" }
}

/// Rows held in memory, with a function that names where each field came from.
struct RowTable: RowTableSource {
    var columns: [RowTableColumn]
    var rows: [RowTableRow]
    var locate: (_ row: Int, _ column: Int) -> String
    var lineName = "line"

    init(columns: [RowTableColumn], rows: [RowTableRow], lineName: String = "line",
         locate: @escaping (_ row: Int, _ column: Int) -> String) {
        self.columns = columns
        self.rows = rows
        self.lineName = lineName
        self.locate = locate
    }

    var rowCount: Int { rows.count }
    func row(_ index: Int) -> RowTableRow { rows[index] }
    func location(row: Int, column: Int) -> String { locate(row, column) }
}

extension RowTable {
    /// Rows given as plain arrays under a header, e.g. from a source that is not a file. Row `i`
    /// is reported as line `i + 2` (the header is line 1) and located as `origin:line`.
    init(header: [String], fixedTypes: [LogicalType?] = [], rows: [[String?]], origin: String) {
        let columns = header.enumerated().map { index, name in
            RowTableColumn(name: name, fixedType: index < fixedTypes.count ? fixedTypes[index] : nil,
                           fixedReason: "fixed by the source")
        }
        let rows = rows.enumerated().map { RowTableRow(fields: $0.element, line: $0.offset + 2) }
        self.init(columns: columns, rows: rows) { row, _ in "\(origin):\(row + 2)" }
    }
}
