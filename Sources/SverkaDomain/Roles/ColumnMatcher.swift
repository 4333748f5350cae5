import SverkaEngine

/// Finds columns for the fields a `map` command did not name: first every column that has a
/// field's own name, then synonyms in each field's order of preference. A column serves one
/// field only, so `client_id` in a deals table stays the client and never becomes the deal's id.
struct ColumnMatcher {
    let role: CanonicalRole
    let table: String
    let columns: [ResultColumn]

    /// Assignments for every field of the role: `named` as given, the rest found or missing.
    func assign(named: [String: FieldAssignment]) -> [FieldAssignment] {
        var used = Set(named.values.filter { $0.origin == .column }.compactMap { $0.source.map(FieldSynonyms.key) })
        var found = named
        for field in role.fields where found[field.name] == nil {
            if let column = unused(FieldSynonyms.key(field.name), used: used) {
                found[field.name] = FieldAssignment(field: field, source: column.name, origin: .name, sourceType: column.type)
                used.insert(FieldSynonyms.key(column.name))
            }
        }
        for field in role.fields where found[field.name] == nil {
            for synonym in synonyms(of: field) {
                guard let column = unused(FieldSynonyms.key(synonym), used: used) else { continue }
                found[field.name] = FieldAssignment(field: field, source: column.name, origin: .synonym, sourceType: column.type)
                used.insert(FieldSynonyms.key(column.name))
                break
            }
        }
        return role.fields.map { field in
            found[field.name] ?? FieldAssignment(field: field, source: nil, origin: .missing, sourceType: nil)
        }
    }

    private func synonyms(of field: CanonicalRole.Field) -> [String] {
        var all = FieldSynonyms.synonyms(of: field.name, in: role)
        if field.name == "id", let own = FieldSynonyms.tableIDSynonym(forTable: table) { all.append(own) }
        return all
    }

    private func unused(_ key: String, used: Set<String>) -> ResultColumn? {
        guard !used.contains(key) else { return nil }
        return columns.first { FieldSynonyms.key($0.name) == key }
    }
}
