import SverkaEngine
import SverkaSyntax

extension RoleMapper {
    /// Every canonical role, with the table it is mapped to and its rows; a role whose query
    /// no longer runs (its table was dropped or reloaded without a column) says why.
    public func roles() throws(Diagnostic) -> [RoleStatus] {
        let stored = try RoleStore(workspace: workspace).all()
        return CanonicalRole.all.map { role in
            guard let mapping = stored.first(where: { $0.role == role }) else {
                return RoleStatus(role: role, mapping: nil, rows: nil, problem: nil)
            }
            guard workspace.catalog.schema(of: role.name)?.kind == .query else {
                return RoleStatus(role: role, mapping: mapping, rows: nil, problem: "its query was dropped: map it again")
            }
            guard workspace.catalog.schema(of: mapping.table) != nil else {
                return RoleStatus(role: role, mapping: mapping, rows: nil,
                                  problem: "table '\(mapping.table)' is gone: load it or map again")
            }
            do throws(Diagnostic) {
                return RoleStatus(role: role, mapping: mapping, rows: try runner.count(role.name), problem: nil)
            } catch {
                return RoleStatus(role: role, mapping: mapping, rows: nil, problem: error.message)
            }
        }
    }
}
