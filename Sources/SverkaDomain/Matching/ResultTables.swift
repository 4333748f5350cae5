import SverkaEngine
import SverkaSyntax

/// A table a domain command produces: ordinary rows, registered in the catalog with logical
/// types, so users query it like any other (`from matches | where method == "name"`).
public struct ResultTable: Sendable, Hashable {
    public var name: String
    public var columns: [ResultColumn]
    public var rows: [[Value]]

    public init(name: String, columns: [ResultColumn], rows: [[Value]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// Replaces result tables, all of them or none: one transaction, so an error half-way leaves
/// the previous results as they were.
enum ResultTables {
    static func replace(_ tables: [ResultTable], in workspace: Workspace, by command: String) throws(Diagnostic) {
        let database = workspace.database
        let catalog = workspace.catalog
        for table in tables { try checkReplaceable(table.name, in: workspace, by: command) }
        try database.inTransaction { () throws(Diagnostic) in
            for table in tables {
                let existing = try database.query(
                    "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
                    [.text(table.name)]
                ) { row in (row.text(at: 0), row.text(at: 1)) }
                for (type, name) in existing {
                    try database.execute("DROP \(type == "view" ? "VIEW" : "TABLE") \(SQLiteQuoting.identifier(name))")
                }
                let definitions = table.columns.map { "\(SQLiteQuoting.identifier($0.name)) \($0.type.storageDeclaration)" }
                try database.execute("CREATE TABLE \(SQLiteQuoting.identifier(table.name)) (\(definitions.joined(separator: ", ")))")
                let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                let insert = try database.prepare("INSERT INTO \(SQLiteQuoting.identifier(table.name)) VALUES (\(placeholders))")
                for row in table.rows {
                    try insert.bind(row.map(\.storage))
                    _ = try insert.step()
                    insert.reset()
                }
                try catalog.register(table: table.name, columns: table.columns, source: nil)
            }
        }
    }

    /// A table loaded from a file, or a named query, under a result's name is the user's own:
    /// it is never overwritten silently.
    private static func checkReplaceable(_ name: String, in workspace: Workspace, by command: String) throws(Diagnostic) {
        guard let schema = workspace.catalog.schema(of: name), schema.name.lowercased() == name.lowercased() else { return }
        if schema.kind == .query {
            throw Diagnostic("'\(schema.name)' is a named query, and \(command) writes its results to a table of that name")
                .hint("drop \(schema.name), or define the query under another name")
        }
        if let source = workspace.catalog.source(of: schema.name) {
            throw Diagnostic("'\(schema.name)' was loaded from \(source.path), and \(command) writes its results to a table of that name")
                .hint("load that file under another name, or drop \(schema.name) first")
        }
    }
}
