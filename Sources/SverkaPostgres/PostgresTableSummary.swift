import SverkaEngine
import SverkaSyntax

/// What `describe wh.deals` shows of a server table: each column's type, how many values are
/// null, and a few examples — read on the server (one count over the table, one small sample).
public struct PostgresColumnSummary: Sendable {
    public var name: String
    public var type: LogicalType
    public var nulls: Int?
    public var examples: [Value]
}

extension PostgresCatalog {
    /// The columns of `name` (without the attachment's prefix), or nil when there is no such table.
    public func summary(of name: String) throws(Diagnostic) -> [PostgresColumnSummary]? {
        guard let schema = schema(of: name), let source = schema.sourceSQL else { return nil }
        let quoted = schema.columns.map { PostgresIdentifier.quoted($0.name) }
        guard !quoted.isEmpty else { return [] }
        var nulls: [String?] = []
        try server.query("SELECT \(quoted.map { "CAST(count(*) - count(\($0)) AS text)" }.joined(separator: ", ")) FROM (\(source)) AS t",
                         columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in nulls = fields })
        var examples = [[Value]](repeating: [], count: quoted.count)
        let types = schema.columns.map(\.type)
        try server.query("SELECT \(quoted.map { "CAST(\($0) AS text)" }.joined(separator: ", ")) FROM (\(source)) AS t LIMIT 1000",
                         columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in
            for (index, field) in fields.enumerated() where index < types.count && examples[index].count < 3 {
                guard let field else { continue }
                let value = Value.decode(PostgresQueryRunner.storedValue(field, as: types[index]), as: types[index])
                if !examples[index].contains(value) { examples[index].append(value) }
            }
        })
        return schema.columns.enumerated().map { index, column in
            PostgresColumnSummary(name: column.name, type: column.type,
                                  nulls: index < nulls.count ? nulls[index].flatMap { Int($0) } : nil,
                                  examples: examples[index])
        }
    }
}
