import SverkaEngine
import SverkaSyntax

/// The groups of the table `duplicates` (what `dedupe clients` or `dedupe counterparties` last
/// wrote) that hold one of the given records. The table does not say which side it was made
/// from, so a record is recognised by its id and its name together: a client and a
/// counterparty may share an id, hardly an id and a name.
enum DuplicateGroups {
    static let table = Deduplication.defaultTable

    /// Every member of those groups, by group and then survivor first; nil when there is no
    /// table `duplicates` with the columns dedupe writes.
    static func read(containing records: [PartyDetails], in workspace: Workspace) throws(Diagnostic) -> [DuplicateEntry]? {
        guard let schema = workspace.catalog.schema(of: table), schema.kind == .table else { return nil }
        let columns = Set(schema.columns.map { $0.name.lowercased() })
        guard ["group_id", "id", "name", "reason", "survivor"].allSatisfy(columns.contains) else { return nil }
        guard !records.isEmpty else { return [] }
        let sql = DomainSQL(dialect: SQLiteDialect())
        var parameters: [StoredValue] = []
        var pairs: [String] = []
        for record in records {
            parameters += [.text(record.id), .text(record.name ?? "")]
            pairs.append("(d.id = ?\(parameters.count - 1) AND COALESCE(d.name, '') = ?\(parameters.count))")
        }
        let quoted = sql.quote(schema.name)
        return try workspace.database.query("""
            SELECT group_id, id, name, reason, survivor FROM \(quoted)
            WHERE group_id IN (SELECT d.group_id FROM \(quoted) d WHERE \(pairs.joined(separator: " OR ")))
            ORDER BY group_id, survivor DESC, \(sql.naturalOrder("id"))
            """, parameters) { row in
            DuplicateEntry(groupID: row.int64(at: 0), id: row.text(at: 1), name: row.isNull(at: 2) ? nil : row.text(at: 2),
                           reason: row.isNull(at: 3) ? nil : row.text(at: 3), survivor: row.int64(at: 4) != 0)
        }
    }
}
