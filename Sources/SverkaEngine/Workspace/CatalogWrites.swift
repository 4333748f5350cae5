import Foundation
import SverkaSyntax

/// Changes to the catalog. Each is atomic on its own and joins the caller's transaction when
/// there is one, so a load's data and its catalog entry commit together.
extension Catalog {
    /// Saves a `let NAME = from …` named query, replacing an earlier query of that name.
    public func saveQuery(name: String, definition: String, columns: [ResultColumn]) throws(Diagnostic) {
        try TableNames.validate(name)
        if let existing = resolve(name), existing.kind == .table, existing.name.lowercased() == name.lowercased() {
            throw Diagnostic("'\(existing.name)' is a table; a named query cannot replace it",
                             hints: ["choose another name, or 'drop \(existing.name)' first"])
        }
        try database.inTransaction { () throws(Diagnostic) in
            try deleteEntries(name)
            try insertEntry(name: name, kind: .query, definition: definition, columns: columns)
        }
    }

    /// Registers a table with its logical column types, replacing any earlier entry of that name.
    public func register(table: String, columns: [ResultColumn], source: SourceRecord?) throws(Diagnostic) {
        try TableNames.validate(table)
        try database.inTransaction { () throws(Diagnostic) in
            try deleteEntries(table)
            try insertEntry(name: table, kind: .table, definition: nil, columns: columns)
            if let source {
                try database.run("""
                    INSERT INTO _sverka_sources(table_name, path, content_hash, options, rows, loaded_at, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(table), .text(source.path), .text(source.contentHash), .text(source.options),
                          .integer(Int64(source.rows)), .text(UTCTimestamp.format(source.loadedAt)),
                          .text(source.notes.joined(separator: "\n"))])
            }
        }
    }

    /// Forgets a table or query; the table's rows are the caller's to drop.
    public func remove(_ name: String) throws(Diagnostic) {
        let stored = resolve(name).flatMap { $0.unregistered ? nil : $0.name } ?? name
        try database.inTransaction { () throws(Diagnostic) in try deleteEntries(stored) }
    }

    private func deleteEntries(_ name: String) throws(Diagnostic) {
        // NOCASE columns: 'Deals' and 'deals' are one table to SQLite, so one entry here.
        try database.run("DELETE FROM _sverka_tables WHERE name = ?", [.text(name)])
        try database.run("DELETE FROM _sverka_columns WHERE table_name = ?", [.text(name)])
        try database.run("DELETE FROM _sverka_sources WHERE table_name = ?", [.text(name)])
    }

    private func insertEntry(name: String, kind: TableKind, definition: String?, columns: [ResultColumn]) throws(Diagnostic) {
        try database.run("INSERT INTO _sverka_tables(name, kind, definition, created_at) VALUES (?, ?, ?, ?)",
                         [.text(name), .text(kind.rawValue), definition.map(StoredValue.text) ?? .null,
                          .text(UTCTimestamp.format(Date()))])
        let insert = try database.prepare("INSERT INTO _sverka_columns(table_name, position, name, type) VALUES (?, ?, ?, ?)")
        for (position, column) in columns.enumerated() {
            try insert.bind([.text(name), .integer(Int64(position)), .text(column.name), .text(column.type.description)])
            _ = try insert.step()
            insert.reset()
        }
    }
}
