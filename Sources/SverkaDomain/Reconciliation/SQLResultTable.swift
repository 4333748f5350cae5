import SverkaEngine
import SverkaSyntax

/// A table a domain command fills with SQL (`mismatches`, `proposals`, `conflicts`): made
/// afresh in the caller's transaction and registered in the catalog with its logical types, so
/// the pipeline language reads it like any loaded table and shows money as money. (Matching's
/// `ResultTable` carries its rows in Swift; these never leave SQLite.)
struct SQLResultTable {
    let name: String
    let columns: [ResultColumn]

    /// Replaces whatever held the name (a table, a view made with raw SQL, a named query) by an
    /// empty table with these columns.
    func create(in workspace: Workspace, sql: DomainSQL) throws(Diagnostic) {
        let database = workspace.database
        try checkReplaceable(in: workspace)
        let existing = try database.query(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
            [.text(name)]
        ) { row in (row.text(at: 0), row.text(at: 1)) }
        for (type, stored) in existing {
            try database.execute("DROP \(type == "view" ? "VIEW" : "TABLE") \(sql.quote(stored))")
        }
        let declarations = columns.map { "\(sql.quote($0.name)) \($0.type.storageDeclaration)" }
        try database.execute("CREATE TABLE \(sql.quote(name)) (\(declarations.joined(separator: ", ")))")
        try workspace.catalog.register(table: name, columns: columns, source: nil)
    }

    /// A loaded table or a named query under the result's name is the user's own: it is never
    /// overwritten silently.
    private func checkReplaceable(in workspace: Workspace) throws(Diagnostic) {
        guard let schema = workspace.catalog.schema(of: name), schema.name.lowercased() == name.lowercased() else { return }
        if schema.kind == .query {
            throw Diagnostic("'\(schema.name)' is a named query, and this command writes its results to a table of that name")
                .hint("drop \(schema.name), or define the query under another name")
        }
        if let source = workspace.catalog.source(of: schema.name) {
            throw Diagnostic("'\(schema.name)' was loaded from \(source.path), and this command writes its results to a table of that name")
                .hint("load that file under another name, or drop \(schema.name) first")
        }
    }

    /// `INSERT INTO name (columns) ` followed by the caller's SELECT.
    func insertPrefix(sql: DomainSQL) -> String {
        "INSERT INTO \(sql.quote(name)) (\(columns.map { sql.quote($0.name) }.joined(separator: ", "))) "
    }

    /// The number of rows it holds.
    func count(in workspace: Workspace, sql: DomainSQL) throws(Diagnostic) -> Int {
        guard case .integer(let rows)? = try workspace.database.scalar("SELECT count(*) FROM \(sql.quote(name))") else { return 0 }
        return Int(rows)
    }
}
