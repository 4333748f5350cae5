import Foundation
import SverkaSyntax

/// Reads and writes the `_sverka_` system tables: logical column types, named queries, sources.
///
/// Readers return nil or empty on a database error: a catalog that cannot be read behaves as empty,
/// and the statement that needs the table then reports it missing.
public struct Catalog {
    let database: SQLiteDatabase

    init(database: SQLiteDatabase) {
        self.database = database
    }

    /// A table or named query: exact name first, then ignoring case (Cyrillic included).
    public func schema(of name: String) -> TableSchema? {
        guard let entry = resolve(name) else { return nil }
        return try? load(entry)
    }

    /// Every table and named query, sorted by name.
    public func allSchemas() -> [TableSchema] {
        guard let entries = try? entries() else { return [] }
        return entries.compactMap { try? load($0) }
    }

    /// Every user-visible name, for "did you mean".
    public func allNames() -> [String] {
        ((try? entries()) ?? []).map(\.name)
    }

    /// Where a loaded table came from; nil for tables made otherwise.
    public func source(of table: String) -> SourceRecord? {
        storedSource(named: resolve(table)?.name ?? table)
    }

    /// The source of a table under its stored name, without resolving it again.
    func storedSource(named name: String) -> SourceRecord? {
        let rows = try? database.query(
            "SELECT path, content_hash, options, rows, loaded_at, notes FROM _sverka_sources WHERE table_name = ?",
            [.text(name)]
        ) { row in
            SourceRecord(path: row.text(at: 0), contentHash: row.text(at: 1), options: row.text(at: 2),
                         rows: Int(row.int64(at: 3)),
                         loadedAt: UTCTimestamp.parse(row.text(at: 4)) ?? Date(timeIntervalSince1970: 0),
                         notes: row.text(at: 5).isEmpty ? [] : row.text(at: 5).components(separatedBy: "\n"))
        }
        return rows?.first
    }

    // MARK: entries

    /// A name as the catalog or SQLite knows it, before its columns are read.
    struct Entry {
        var name: String
        var kind: TableKind
        var definition: String?
        /// True for a table made by raw SQL, known to SQLite but not registered.
        var unregistered: Bool
        /// `table` or `view`, from sqlite_master, for unregistered entries.
        var sqliteType: String?
    }

    func resolve(_ name: String) -> Entry? {
        guard let all = try? entries() else { return nil }
        if let exact = all.first(where: { $0.name == name }) { return exact }
        let folded = name.lowercased()
        return all.first { $0.name.lowercased() == folded }
    }

    /// Registered names, then tables and views created with raw SQL that the catalog has not seen.
    func entries() throws(Diagnostic) -> [Entry] {
        var result = try database.query("SELECT name, kind, definition FROM _sverka_tables ORDER BY name") { row in
            Entry(name: row.text(at: 0), kind: TableKind(rawValue: row.text(at: 1)) ?? .table,
                  definition: row.isNull(at: 2) ? nil : row.text(at: 2), unregistered: false, sqliteType: nil)
        }
        let known = Set(result.map { $0.name.lowercased() })
        let others = try database.query(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"
        ) { row in (row.text(at: 0), row.text(at: 1)) }
        for (name, type) in others where !TableNames.isInternal(name) && !known.contains(name.lowercased()) {
            result.append(Entry(name: name, kind: .table, definition: nil, unregistered: true, sqliteType: type))
        }
        return result.sorted { $0.name < $1.name }
    }

    func load(_ entry: Entry) throws(Diagnostic) -> TableSchema {
        let columns: [ResultColumn]
        if entry.unregistered {
            columns = try database.query("SELECT name, type FROM pragma_table_info(?)", [.text(entry.name)]) { row in
                ResultColumn(name: row.text(at: 0), type: Catalog.logicalType(declared: row.text(at: 1)))
            }
        } else {
            columns = try database.query(
                "SELECT name, type FROM _sverka_columns WHERE table_name = ? ORDER BY position", [.text(entry.name)]
            ) { row in
                ResultColumn(name: row.text(at: 0), type: LogicalType(catalogName: row.text(at: 1)) ?? .text)
            }
        }
        return TableSchema(name: entry.name, kind: entry.kind, columns: columns, definition: entry.definition)
    }

    /// A best guess for tables made by raw SQL, from SQLite's declared column type.
    static func logicalType(declared: String) -> LogicalType {
        let type = declared.uppercased()
        if type.contains("INT") { return .integer }
        if type.contains("BOOL") { return .bool }
        if type.contains("DATETIME") || type.contains("TIMESTAMP") { return .datetime }
        if type.contains("DATE") { return .date }
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") || type.contains("NUM")
            || type.contains("DEC") { return .number }
        return .text
    }
}
