import Foundation
import SverkaSyntax

/// One sverka workspace: a SQLite file (or memory) with user tables and the `_sverka_` catalog.
public final class Workspace {
    public let database: SQLiteDatabase
    /// nil for an in-memory workspace.
    public let path: String?

    /// Opens a workspace, creating it when the file is missing. A file that is not a workspace
    /// (empty, not a SQLite database, another program's database) or is read-only is refused
    /// without being touched.
    public init(path: String?) throws(Diagnostic) {
        if let path, try !WorkspaceProbe.check(path) { try WorkspaceCreation.create(at: path) }
        database = try SQLiteDatabase(path: path)
        self.path = path
        try WorkspaceSchema.migrate(database)
    }

    public var catalog: Catalog { Catalog(database: database) }

    /// Every table and named query, with row counts for tables.
    public func tables() throws(Diagnostic) -> [TableSummary] {
        let catalog = self.catalog
        var summaries: [TableSummary] = []
        for entry in try catalog.entries() {
            let schema = try catalog.load(entry)
            switch entry.kind {
            case .table:
                summaries.append(TableSummary(name: entry.name, kind: .table, rows: try rowCount(entry.name),
                                              columnCount: schema.columns.count,
                                              source: catalog.storedSource(named: entry.name)?.path))
            case .query:
                summaries.append(TableSummary(name: entry.name, kind: .query, rows: nil,
                                              columnCount: schema.columns.count, source: entry.definition))
            }
        }
        return summaries
    }

    /// Columns with their types, null counts and a few example values, and the load's notes.
    public func describe(_ name: String) throws(Diagnostic) -> TableDescription {
        let catalog = self.catalog
        guard let entry = catalog.resolve(name) else { throw unknownName(name) }
        let schema = try catalog.load(entry)
        guard entry.kind == .table else {
            let columns = schema.columns.map { ColumnDescription(name: $0.name, type: $0.type, nullCount: nil, examples: []) }
            return TableDescription(name: entry.name, kind: .query, rows: nil, columns: columns,
                                    source: nil, definition: entry.definition)
        }
        let table = SQLiteQuoting.identifier(entry.name)
        // One scan counts the rows and every column's non-null values.
        let counts = schema.columns.map { "count(\(SQLiteQuoting.identifier($0.name)))" }
        let totals = try database.query("SELECT \((["count(*)"] + counts).joined(separator: ", ")) FROM \(table)") { row in
            (0...counts.count).map { Int(row.int64(at: $0)) }
        }.first ?? []
        let rows = totals.first ?? 0
        var columns: [ColumnDescription] = []
        for (offset, column) in schema.columns.enumerated() {
            let quoted = SQLiteQuoting.identifier(column.name)
            let examples = try database.query(
                "SELECT DISTINCT \(quoted) FROM \(table) WHERE \(quoted) IS NOT NULL LIMIT 3"
            ) { row in Value.decode(row.storedValue(at: 0), as: column.type) }
            let nonNull = offset + 1 < totals.count ? totals[offset + 1] : rows
            columns.append(ColumnDescription(name: column.name, type: column.type, nullCount: rows - nonNull,
                                             examples: examples))
        }
        return TableDescription(name: entry.name, kind: .table, rows: rows, columns: columns,
                                source: catalog.storedSource(named: entry.name), definition: nil)
    }

    /// Drops a table with its catalog entries, or forgets a named query.
    public func drop(_ name: String) throws(Diagnostic) {
        let catalog = self.catalog
        guard let entry = catalog.resolve(name) else { throw unknownName(name) }
        try database.inTransaction { () throws(Diagnostic) in
            if entry.kind == .table {
                let keyword = entry.sqliteType == "view" ? "VIEW" : "TABLE"
                try database.execute("DROP \(keyword) IF EXISTS \(SQLiteQuoting.identifier(entry.name))")
            }
            try catalog.remove(entry.name)
        }
    }

    func rowCount(_ table: String) throws(Diagnostic) -> Int {
        guard case .integer(let count)? = try database.scalar("SELECT count(*) FROM \(SQLiteQuoting.identifier(table))") else {
            return 0
        }
        return Int(count)
    }

    /// "no table or named query 'x'", with the closest name when there is one.
    func unknownName(_ name: String) -> Diagnostic {
        let error = Diagnostic("no table or named query named '\(name)'")
        if let suggestion = Suggestion.closest(to: name, among: catalog.allNames()) {
            return error.hint("did you mean '\(suggestion)'?")
        }
        return error.hint("'tables' lists what the workspace holds")
    }
}
