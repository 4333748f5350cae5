import SverkaSyntax

/// The rows a load with `on_error: "skip"` sets aside: `NAME_rejects (line, raw, reason)`,
/// built beside the table in the same transaction and published with it.
final class CSVRejects {
    static let columns = [ResultColumn(name: "line", type: .integer), ResultColumn(name: "raw", type: .text),
                          ResultColumn(name: "reason", type: .text)]
    static let stagingName = "_sverka_loading_rejects"

    let writer: TableWriter
    private let insert: PreparedStatement
    private(set) var count = 0

    /// The table that holds the rejects of `table`.
    static func tableName(for table: String) -> String { table + "_rejects" }

    init(table: String, database: SQLiteDatabase) throws(Diagnostic) {
        writer = TableWriter(database: database, table: CSVRejects.tableName(for: table), columns: CSVRejects.columns,
                             stagingTable: CSVRejects.stagingName)
        try writer.createStaging()
        insert = try writer.insertStatement()
    }

    func add(line: Int, raw: UnsafeBufferPointer<UInt8>, reason: String) throws(Diagnostic) {
        try insert.bindInt64(Int64(line), at: 1)
        try insert.bindText(copying: raw, at: 2)
        try insert.bindText(reason, at: 3)
        _ = try insert.step()
        insert.reset()
        count += 1
    }

    func publish(catalog: Catalog) throws(Diagnostic) {
        try writer.publish(catalog: catalog, source: nil)
    }
}
