/// One SELECT being built up step by step. A step that cannot be added to it (a `where` after a
/// `group`, a `sort` after a `take`) first wraps it as a subquery and starts a new one.
struct SelectState {
    /// `"deals"` or `(SELECT …) AS "_q1"`, followed by any joins.
    var from: String
    /// The output columns, in order; also what later steps can name.
    var columns: [ScopeColumn]
    /// Columns still reachable by a qualified name but not in the output (the right side's
    /// duplicate of a `using` column).
    var hiddenColumns: [ScopeColumn] = []
    /// The names the FROM clause gives its tables (`deals`, `d2`, `_q1`): a join may not reuse one.
    var sourceNames: Set<String> = []
    var filters: [String] = []
    var groupBy: [String]?
    var orderBy: [String] = []
    var limit: String?
    var isDistinct = false
    var description: String

    var scope: Scope {
        let hidden = hiddenColumns.map { column in
            var copy = column
            copy.isHidden = true
            return copy
        }
        return Scope(columns: columns + hidden, description: description)
    }

    /// Nothing but a FROM and filters: joins and groups may be added directly.
    var isPlain: Bool { groupBy == nil && limit == nil && !isDistinct }

    /// Output names made unique: a second `id` from a join is named `clients.id`.
    func outputNames() -> [String] {
        var seen: [String: Int] = [:]
        for column in columns { seen[column.name, default: 0] += 1 }
        return columns.map { column in
            if seen[column.name, default: 0] > 1, let qualifier = column.qualifier { return "\(qualifier).\(column.name)" }
            return column.name
        }
    }

    func sql(dialect: any SQLDialect) -> String {
        let names = outputNames()
        var selectList = zip(columns, names).map { column, name in
            "\(column.sql) AS \(dialect.quoteIdentifier(name))"
        }.joined(separator: ", ")
        if selectList.isEmpty { selectList = "NULL AS \(dialect.quoteIdentifier("_empty"))" }
        var text = "SELECT \(isDistinct ? "DISTINCT " : "")\(selectList) FROM \(from)"
        if !filters.isEmpty { text += " WHERE " + filters.joined(separator: " AND ") }
        if let groupBy, !groupBy.isEmpty { text += " GROUP BY " + groupBy.joined(separator: ", ") }
        if !orderBy.isEmpty { text += " ORDER BY " + orderBy.joined(separator: ", ") }
        if let limit { text += " LIMIT \(limit)" }
        return text
    }

    /// This SELECT as a subquery under a fresh alias, with columns that refer to its output.
    func wrapped(alias: String, dialect: any SQLDialect) -> SelectState {
        let names = outputNames()
        let quotedAlias = dialect.quoteIdentifier(alias)
        let outer = zip(columns, names).map { column, name in
            ScopeColumn(qualifier: column.qualifier, name: column.name,
                        sql: "\(quotedAlias).\(dialect.quoteIdentifier(name))", type: column.type)
        }
        return SelectState(from: "(\(sql(dialect: dialect))) AS \(quotedAlias)", columns: outer, sourceNames: [alias],
                           description: description)
    }
}
