import SverkaEngine
import SverkaSyntax

/// What `export … to postgres … table NAME` does when the table is already there.
public enum PostgresExistingTable: String, Sendable, CaseIterable {
    /// Refuse: the server's data is not sverka's to overwrite unless told.
    case fail
    /// Drop it and create it anew with the result's columns.
    case replace
    /// Add the rows; the table must have every column of the result.
    case append
}

/// Writes a result into a server table: the table made or emptied, and every row sent with
/// COPY, in one transaction — the server sees all the rows or, after any error, none.
public struct PostgresTableExport {
    let server: PostgresServer

    public init(server: PostgresServer) {
        self.server = server
    }

    /// `produce` calls `send` once per row, values in column order.
    public func export(columns: [ResultColumn], to table: String, ifExists: PostgresExistingTable,
                       produce: (_ send: ([Value]) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void) throws(Diagnostic) -> Int {
        let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
        let schema = parts.count == 2 ? parts[0] : nil, name = parts.last ?? table
        let quoted = parts.map(PostgresIdentifier.quoted).joined(separator: ".")
        try server.execute("BEGIN")
        do throws(Diagnostic) {
            let exists = try server.scalarText("SELECT CAST(to_regclass($1) AS text)", parameters: [quoted]) != nil
            switch (exists, ifExists) {
            case (true, .fail):
                throw Diagnostic("the server already has a table \(table)")
                    .hint("with (if_exists: \"replace\") drops and recreates it; with (if_exists: \"append\") adds the rows")
            case (true, .replace):
                try server.execute("DROP TABLE \(quoted)")
                try create(quoted, columns: columns)
            case (true, .append):
                try checkColumns(of: quoted, hold: columns, table: table)
            case (false, _):
                try create(quoted, columns: columns)
            }
            var rows = 0
            try server.copy(into: name, inSchema: schema, columns: columns.map(\.name)) { send throws(Diagnostic) in
                // Both closures are only called during this call; the compiler cannot see that
                // `produce` does not call back into `send` re-entrantly.
                try withoutActuallyEscaping(send) { (send: @escaping ([String?]) throws(Diagnostic) -> Void) throws(Diagnostic) in
                    try produce { values throws(Diagnostic) in
                        rows += 1
                        try send(values.map(Self.copyText))
                    }
                }
            }
            try server.execute("COMMIT")
            return rows
        } catch {
            try? server.execute("ROLLBACK")
            throw error
        }
    }

    private func create(_ quoted: String, columns: [ResultColumn]) throws(Diagnostic) {
        let definitions = columns.map { "\(PostgresIdentifier.quoted($0.name)) \(PostgresTypeMapping.columnType(for: $0.type))" }
        try server.execute("CREATE TABLE \(quoted) (\(definitions.joined(separator: ", ")))")
    }

    /// Appending needs every column of the result in the table, by name.
    private func checkColumns(of quoted: String, hold columns: [ResultColumn], table: String) throws(Diagnostic) {
        var existing: Set<String> = []
        try server.query("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = CAST($1 AS regclass) AND attnum > 0 AND NOT attisdropped",
                         parameters: [quoted], columns: { _ throws(Diagnostic) in },
                         row: { fields throws(Diagnostic) in if let name = fields.first ?? nil { existing.insert(name) } })
        let missing = columns.map(\.name).filter { !existing.contains($0) }
        guard missing.isEmpty else {
            throw Diagnostic("the server's table \(table) has no column \(missing.map { "'\($0)'" }.joined(separator: ", "))")
                .hint("its columns: \(existing.sorted().joined(separator: ", ")); select and rename the result's columns to match")
        }
    }

    /// A value in the text PostgreSQL's COPY reads for the column's type.
    static func copyText(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .number(let number): return "\(number)"
        default: return value.description
        }
    }
}
