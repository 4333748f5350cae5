import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Turns what one statement did — rows changed per table (SQLite's update hook), tables made
/// or dropped, files written — into an audit-trail entry. A statement that changed nothing
/// leaves no entry; one that failed changed nothing (its transaction rolled back).
struct StatementAudit {
    /// The catalog's own bookkeeping: every change goes with a change to a table that is listed.
    static let bookkeeping: Set<String> = [
        "_sverka_tables", "_sverka_columns", "_sverka_meta", "_sverka_runs", "_sverka_run_statements", "_sverka_audit",
        "_sverka_sources",
    ]
    /// The loader builds a table under this name and swaps it in: its rows are the loaded table's.
    static let loadingTable = "_sverka_loading"

    var statement: String
    var loadTarget: String?
    var changes: [(table: String, rows: Int)]
    var tablesBefore: Set<String>
    var tablesAfter: Set<String>
    var files: [String]
    /// Server tables written (`postgres sverka@host/db table won`), with their rows.
    var serverWrites: [(target: String, rows: Int)] = []
    /// `sql write`: recorded even when it changed no row (an index, a view), as the issue asks.
    var isDeclaredWrite = false

    /// `deals 1000 rows, matches 80 rows, old (dropped)`; nil when nothing changed. Rows the
    /// update hook does not see — a table made by CREATE TABLE … AS, the loader's swapped-in
    /// table — are counted in the table itself (`rowCount`).
    func summary(rowCount: (String) -> Int?) -> (tables: String, rows: Int)? {
        var parts: [String] = []
        var rows = 0
        var named: Set<String> = []
        let isListed = { (table: String) in
            !Self.bookkeeping.contains(table) && !table.hasPrefix("sqlite_") && !table.hasPrefix(Self.loadingTable)
        }
        func add(_ name: String, _ count: Int) {
            named.insert(name.lowercased())
            parts.append("\(name) \(count) row\(count == 1 ? "" : "s")")
            rows += count
        }
        let loaded = changes.contains { $0.table.hasPrefix(Self.loadingTable) }
        if let loadTarget, loaded || !tablesBefore.contains(loadTarget), tablesAfter.contains(loadTarget),
           let count = rowCount(loadTarget) {
            add(loadTarget, count)
        }
        for (table, count) in changes where isListed(table) && !named.contains(table.lowercased()) {
            add(table, count)
        }
        let user = { (name: String) in !name.hasPrefix("_sverka_") && !name.hasPrefix("sqlite_") }
        for made in tablesAfter.subtracting(tablesBefore).filter(user).sorted() where !named.contains(made.lowercased()) {
            add(made, rowCount(made) ?? 0)
        }
        for gone in tablesBefore.subtracting(tablesAfter).filter(user).sorted() {
            parts.append("\(gone) (dropped)")
        }
        for write in serverWrites { add(write.target, write.rows) }
        if parts.isEmpty, changes.contains(where: { Self.bookkeeping.contains($0.table) }) {
            parts.append("catalog")
        }
        if parts.isEmpty, isDeclaredWrite { parts.append("no rows changed") }
        guard !parts.isEmpty || !files.isEmpty else { return nil }
        return (parts.joined(separator: ", "), rows)
    }

    /// Appends the entries (one per file written, or one for the tables) to the trail.
    func record(in workspace: Workspace, runID: Int64?) throws(Diagnostic) {
        let database = workspace.database
        let quoting = SQLiteDialect()
        guard let summary = summary(rowCount: { table in
            guard case .integer(let count)? = try? database.scalar("SELECT count(*) FROM \(quoting.quoteIdentifier(table))") else { return nil }
            return Int(count)
        }) else { return }
        let trail = AuditTrail(workspace: workspace)
        let moment = ProcessIdentity.timestamp()
        let user = ProcessIdentity.userName
        if files.isEmpty {
            try trail.append(at: moment, user: user, runID: runID, statement: statement, tables: summary.tables,
                             rows: summary.rows, file: nil, fileSHA256: nil)
        }
        for file in files {
            try trail.append(at: moment, user: user, runID: runID, statement: statement, tables: summary.tables,
                             rows: summary.rows, file: file, fileSHA256: SHA256.ofFile(atPath: file))
        }
    }
}
