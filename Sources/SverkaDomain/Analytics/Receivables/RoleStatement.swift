import SverkaEngine
import SverkaSyntax

/// One statement built around one compiled role: the role's own bound parameters come first,
/// and every value the statement adds is bound after them, so the numbering never collides.
struct RoleStatement {
    private(set) var parameters: [StoredValue]
    let sql: DomainSQL
    /// The role as a subquery with every field of its spec, null where the role lacks one.
    let source: String

    init(_ role: RoleSelection, sql: DomainSQL) {
        self.parameters = role.query.parameters
        self.sql = sql
        let columns = role.spec.fields.map { field in
            role.present.contains(field.name) ? sql.quote(field.name) : "NULL AS \(sql.quote(field.name))"
        }
        self.source = "(SELECT \(columns.joined(separator: ", ")) FROM (\(role.query.sql)) AS role)"
    }

    /// A placeholder for `value`, bound after everything before it.
    mutating func bind(_ value: StoredValue) -> String {
        parameters.append(value)
        return sql.dialect.placeholder(parameters.count)
    }

    mutating func bind(_ date: CalendarDate) -> String { bind(.text(date.iso)) }
}

/// A role read through the compiler with the fields of a scratch spec (see `ScratchTables`).
struct RoleSelection {
    let spec: ScratchSpec
    let query: CompiledQuery
    let present: Set<String>

    init(_ spec: ScratchSpec, in workspace: Workspace) throws(Diagnostic) {
        let (query, present) = try ScratchTables(workspace: workspace).selection(spec)
        self.spec = spec
        self.query = query
        self.present = present
    }

    func has(_ field: String) -> Bool { present.contains(field) }
}
