import SverkaSyntax

/// Builds a table under a staging name and swaps it in for the old one. The caller holds the
/// transaction, so a failure anywhere leaves the old table as it was.
struct TableWriter {
    /// Inside the load's transaction only, so never seen by anyone else.
    static let stagingName = "_sverka_loading"

    let database: SQLiteDatabase
    let table: String
    let columns: [ResultColumn]
    /// The staging table's name; a load that builds two tables (rows and rejects) needs two.
    var stagingTable: String = TableWriter.stagingName

    private var staging: String { SQLiteQuoting.identifier(stagingTable) }

    func createStaging() throws(Diagnostic) {
        let definitions = columns.map { "\(SQLiteQuoting.identifier($0.name)) \($0.type.storageDeclaration)" }
        try database.execute("DROP TABLE IF EXISTS \(staging)")
        try database.execute("CREATE TABLE \(staging) (\(definitions.joined(separator: ", ")))")
    }

    func insertStatement() throws(Diagnostic) -> PreparedStatement {
        let placeholders = [String](repeating: "?", count: columns.count).joined(separator: ", ")
        return try database.prepare("INSERT INTO \(staging) VALUES (\(placeholders))", persistent: true)
    }

    /// Drops whatever held the name (a table, or a view made with raw SQL), renames the staging
    /// table into its place and records it in the catalog.
    func publish(catalog: Catalog, source: SourceRecord?) throws(Diagnostic) {
        let existing = try database.query(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
            [.text(table)]
        ) { row in (row.text(at: 0), row.text(at: 1)) }
        for (type, name) in existing {
            try database.execute("DROP \(type == "view" ? "VIEW" : "TABLE") \(SQLiteQuoting.identifier(name))")
        }
        // Modern RENAME re-checks every view and fails on one that named the dropped table;
        // the legacy form leaves views alone, and they see the new table under the old name.
        try database.execute("PRAGMA legacy_alter_table = ON")
        defer { try? database.execute("PRAGMA legacy_alter_table = OFF") }
        try database.execute("ALTER TABLE \(staging) RENAME TO \(SQLiteQuoting.identifier(table))")
        try catalog.register(table: table, columns: columns, source: source)
    }
}
