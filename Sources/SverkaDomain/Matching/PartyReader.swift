import SverkaEngine
import SverkaSyntax

/// Reads `crm.clients` or `acc.counterparties` — named queries that `map` defines — into
/// records, through the same compiler as any query, so a role is whatever its mapping says.
struct PartyReader {
    let workspace: Workspace

    /// The role's rows, and whether it has an e-mail column (counterparties usually do not).
    func read(_ role: String) throws(Diagnostic) -> (records: [PartyRecord], hasEmail: Bool) {
        guard let schema = workspace.catalog.schema(of: role) else {
            throw Diagnostic("no \(role) yet: map a table to it first")
                .hint("for example: map \(role == "crm.clients" ? "clients" : "counterparties") as \(role)")
        }
        let names = schema.columns.map { $0.name.lowercased() }
        for required in ["id", "name"] where !names.contains(required) {
            throw Diagnostic("\(role) has no '\(required)' column")
                .hint("its columns: " + schema.columns.map(\.name).joined(separator: ", "))
                .hint("map it again naming the field: map TABLE as \(role) (\(required) = COLUMN)")
        }
        let reference = TableReference(name: QualifiedName([Name(schema.name, span: .none)]))
        let pipeline = Pipeline(source: reference, steps: [], span: .none)
        let query: CompiledQuery
        do throws(Diagnostic) {
            query = try QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog)).compile(pipeline)
        } catch {
            throw Diagnostic("cannot read \(role): \(error.message)", hints: error.hints)
        }
        let position = { (field: String) in query.columns.firstIndex { $0.name.lowercased() == field } }
        guard let id = position("id"), let name = position("name") else {
            throw Diagnostic("\(role) has no id or name column")
        }
        let taxID = position("tax_id"), email = position("email"), phone = position("phone")
        let created = position("created_at")
        var records: [PartyRecord] = []
        try QueryRunner(database: workspace.database).run(query) { row in
            // A record without an id cannot be linked or named: it is left out.
            guard let identifier = Self.text(row[id]) else { return }
            let filled = row.filter { Self.text($0) != nil }.count
            records.append(PartyRecord(id: identifier, name: Self.text(row[name]) ?? "",
                                       taxID: taxID.flatMap { Self.text(row[$0]) },
                                       email: email.flatMap { Self.text(row[$0]) },
                                       phone: phone.flatMap { Self.text(row[$0]) },
                                       createdAt: created.flatMap { Self.text(row[$0]) }, filledFields: filled))
        }
        return (records, email != nil)
    }

    /// A value as text; nil for null and for text that is only spaces.
    static func text(_ value: Value) -> String? {
        let text = value.description
        return value.isNull || text.trimmingSpaces().isEmpty ? nil : text
    }
}
