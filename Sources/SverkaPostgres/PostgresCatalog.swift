import SverkaEngine
import SverkaSyntax

/// The tables of an attached server as the compiler sees them: each column typed the way sverka
/// types it, and each table read through a SELECT that converts its columns to sverka's
/// representation (money in minor units), so that a pipeline compiles to the same shape of SQL
/// on either engine.
///
/// Read once, at `attach`: a table made on the server afterwards needs `attach` again.
public final class PostgresCatalog {
    /// The attachment's name (`wh`), the first part of every table's name in pipelines.
    public let attachment: String
    let server: PostgresServer
    /// By name as pipelines write it after `wh.`: `deals`, or `sales.deals` outside `public`.
    private var tables: [String: PostgresTable]
    public let tableNames: [String]

    public init(attachment: String, server: PostgresServer) throws(Diagnostic) {
        self.attachment = attachment
        self.server = server
        let tables = try Self.readTables(server)
        self.tables = Dictionary(tables.map { ($0.pipelineName, $0) }, uniquingKeysWith: { first, _ in first })
        tableNames = tables.map(\.pipelineName)
    }

    /// The schema of `name` (without the attachment's prefix), or nil when the server has no such table.
    public func schema(of name: String) -> TableSchema? {
        let key = tables[name] != nil ? name : tableNames.first { $0.lowercased() == name.lowercased() }
        guard let key, var table = tables[key] else { return nil }
        if table.columns.contains(where: { $0.type == nil }) {
            table.decideScales(on: server)
            tables[key] = table
        }
        return table.schema(attachment: attachment)
    }

    /// Every column of every table the user may read, in one query.
    private static func readTables(_ server: PostgresServer) throws(Diagnostic) -> [PostgresTable] {
        // Domains read as their base type; tables, views, materialized views, partitioned and
        // foreign tables alike.
        let sql = """
            SELECT n.nspname, c.relname, a.attname,
                   CAST(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS text),
                   CAST(CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS text)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
              AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY n.nspname = 'public' DESC, n.nspname, c.relname, a.attnum
            """
        var tables: [PostgresTable] = []
        try server.query(sql, columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in
            guard fields.count == 5, let schema = fields[0], let table = fields[1], let column = fields[2],
                  let oid = fields[3].flatMap({ UInt32($0) }), let modifier = fields[4].flatMap({ Int32($0) }) else { return }
            if tables.last?.schema != schema || tables.last?.name != table {
                tables.append(PostgresTable(schema: schema, name: table, columns: []))
            }
            tables[tables.count - 1].columns.append(PostgresTableColumn(name: column, typeOID: oid, typeModifier: modifier))
        })
        return tables
    }
}
