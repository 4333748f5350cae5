import Foundation
import SverkaEngine
import SverkaSyntax

/// Reads and writes role mappings in the workspace's `_sverka_roles` and `_sverka_role_fields`.
public struct RoleStore {
    let database: SQLiteDatabase

    public init(workspace: Workspace) {
        database = workspace.database
    }

    /// Replaces the stored mapping of the role; joins the caller's transaction when there is one.
    func save(_ mapping: RoleMapping) throws(Diagnostic) {
        let options: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            options = String(decoding: try encoder.encode(mapping.options), as: UTF8.self)
        } catch {
            throw Diagnostic("cannot store the options of \(mapping.role.name): \(error)")
        }
        let role = StoredValue.text(mapping.role.name)
        try database.inTransaction { () throws(Diagnostic) in
            try remove(mapping.role.name)
            try database.run("INSERT INTO _sverka_roles(role, table_name, options, mapped_at) VALUES (?, ?, ?, ?)",
                             [role, .text(mapping.table), .text(options), .text(Self.timestamp(Date()))])
            let insert = try database.prepare(
                "INSERT INTO _sverka_role_fields(role, position, field, source, origin, source_type) VALUES (?, ?, ?, ?, ?, ?)")
            for (position, assignment) in mapping.assignments.enumerated() {
                try insert.bind([role, .integer(Int64(position)), .text(assignment.field.name),
                                 assignment.source.map(StoredValue.text) ?? .null, .text(assignment.origin.rawValue),
                                 assignment.sourceType.map { .text($0.description) } ?? .null])
                _ = try insert.step()
                insert.reset()
            }
        }
    }

    func remove(_ role: String) throws(Diagnostic) {
        try database.run("DELETE FROM _sverka_roles WHERE role = ?", [.text(role)])
        try database.run("DELETE FROM _sverka_role_fields WHERE role = ?", [.text(role)])
    }

    /// Every stored mapping, in the order of `CanonicalRole.all`.
    public func all() throws(Diagnostic) -> [RoleMapping] {
        let rows = try database.query("SELECT role, table_name, options FROM _sverka_roles") { row in
            (row.text(at: 0), row.text(at: 1), row.text(at: 2))
        }
        var mappings: [RoleMapping] = []
        for (name, table, optionsText) in rows {
            guard let role = CanonicalRole.named(name) else { continue }
            let options = (try? JSONDecoder().decode(MappingOptions.self, from: Data(optionsText.utf8))) ?? MappingOptions()
            mappings.append(RoleMapping(role: role, table: table, assignments: try assignments(of: role), options: options))
        }
        let order = CanonicalRole.all.map(\.name)
        return mappings.sorted { (order.firstIndex(of: $0.role.name) ?? 0) < (order.firstIndex(of: $1.role.name) ?? 0) }
    }

    /// The stored mapping of one role (`crm.deals`), if it was mapped.
    public func mapping(of role: String) throws(Diagnostic) -> RoleMapping? {
        try all().first { $0.role.name == role.lowercased() }
    }

    private func assignments(of role: CanonicalRole) throws(Diagnostic) -> [FieldAssignment] {
        let stored = try database.query(
            "SELECT field, source, origin, source_type FROM _sverka_role_fields WHERE role = ? ORDER BY position",
            [.text(role.name)]
        ) { row in
            (row.text(at: 0), row.isNull(at: 1) ? nil : row.text(at: 1),
             FieldAssignment.Origin(rawValue: row.text(at: 2)) ?? .missing,
             row.isNull(at: 3) ? nil : LogicalType(catalogName: row.text(at: 3)))
        }
        return role.fields.map { field in
            guard let (_, source, origin, type) = stored.first(where: { $0.0 == field.name }) else {
                return FieldAssignment(field: field, source: nil, origin: .missing, sourceType: nil)
            }
            return FieldAssignment(field: field, source: source, origin: origin, sourceType: type)
        }
    }

    /// `2026-11-30T12:34:56Z`, as the catalog writes its times.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
