import SverkaEngine
import SverkaSyntax

/// Which column of the other system's own table a canonical field came from: the reverse of
/// the mapping, so that an outbox file speaks the target system's language.
public protocol FieldSourceNames {
    /// The column `field` of `role` (`acc.invoices`, `amount`) was mapped from, when it was a
    /// plain column; nil for an expression, a missing field or an unmapped role.
    func sourceColumn(role: String, field: String) -> String?
}

/// Reads the mapping `map` stores in `_sverka_role_fields`. A workspace from before mappings,
/// or a role made by hand as a named query, has none: every field keeps its canonical name.
public struct StoredFieldSources: FieldSourceNames {
    let database: SQLiteDatabase

    public init(workspace: Workspace) {
        self.database = workspace.database
    }

    public func sourceColumn(role: String, field: String) -> String? {
        let found = try? database.query("""
            SELECT source FROM _sverka_role_fields
            WHERE role = ? AND field = ? AND source IS NOT NULL AND origin IN ('column', 'name', 'synonym')
            """, [.text(role), .text(field)]) { row in row.text(at: 0) }
        return found?.first
    }
}
