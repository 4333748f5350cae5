import SverkaEngine

/// A role bound to a table: the source of each canonical field and the options it was mapped
/// with. Stored in `_sverka_roles` and `_sverka_role_fields`; the role's query is stored
/// beside it in the catalog under the role's name.
public struct RoleMapping: Sendable, Hashable {
    public var role: CanonicalRole
    /// The table or named query the role reads.
    public var table: String
    /// One per field of the role, in the role's order.
    public var assignments: [FieldAssignment]
    public var options: MappingOptions

    public init(role: CanonicalRole, table: String, assignments: [FieldAssignment], options: MappingOptions) {
        self.role = role
        self.table = table
        self.assignments = assignments
        self.options = options
    }

    public var mappedFields: [FieldAssignment] { assignments.filter(\.isMapped) }

    public func assignment(of field: String) -> FieldAssignment? {
        assignments.first { $0.field.name == field }
    }

    /// The column a field comes from, for writing back in the source system's own names
    /// (nil when the field is missing or computed by an expression).
    public func column(of field: String) -> String? {
        guard let assignment = assignment(of: field), assignment.origin.isColumn else { return nil }
        return assignment.source
    }
}
