import SverkaEngine

/// How one kind of sync proposes: the SELECT that finds what the other side lacks (over the
/// scratch copies of the roles), the columns of `proposals`, and how the outbox names them.
struct ProposalPlan {
    /// One column of the outbox file: a column of the proposals, under the column the target
    /// role's `field` was mapped from, else under `label` (the field's name by default).
    struct OutboxField {
        var column: String
        var field: String?
        var type: LogicalType
        var label: String

        init(column: String, field: String?, type: LogicalType, label: String? = nil) {
            self.column = column
            self.field = field
            self.type = type
            self.label = label ?? field ?? column
        }
    }

    let kind: SyncKind
    /// The columns of the `proposals` table, in order.
    let columns: [ResultColumn]
    /// A SELECT yielding `columns`, then `payload` (the canonical text of the proposed values)
    /// and `complete` (1 when it can be sent).
    let select: String
    /// Bound to every statement: `?1` the as-of date or null, then the plan's own.
    let parameters: [StoredValue]
    /// The role whose column names the outbox uses.
    let targetRole: String
    let outbox: [OutboxField]

    /// The payload: every proposed value as text, `|`-separated, nulls empty. It is what the
    /// journal hashes, and what tells a changed status from one already sent.
    static func payload(_ columns: [String], sql: DomainSQL) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { parts.append("'|'") }
            parts.append("COALESCE(CAST(\(column) AS TEXT), '')")
        }
        return sql.concat(parts)
    }
}
