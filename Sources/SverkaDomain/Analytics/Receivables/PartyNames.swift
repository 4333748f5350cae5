import SverkaEngine
import SverkaSyntax

/// A CRM client or an accounting counterparty as the receivables reports show it.
public struct PartyDetails: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var taxID: String?
    /// Clients only, when crm.clients has the field.
    public var manager: String?
    public var region: String?
}

/// The clients of crm.clients and the counterparties of acc.counterparties by id, each when its
/// role is mapped (empty otherwise): the names, managers and tax ids the rows show.
struct PartyNames {
    var clients: [String: PartyDetails] = [:]
    var counterparties: [String: PartyDetails] = [:]
    /// Whether counterparties were linked to clients through a `matches` table.
    var clientsMatched = false

    static let none = PartyNames()

    static func read(in workspace: Workspace, clientsMatched: Bool) throws(Diagnostic) -> PartyNames {
        PartyNames(clients: try read(ReceivableSpecs.clients, in: workspace),
                   counterparties: try read(ReceivableSpecs.counterparties, in: workspace),
                   clientsMatched: clientsMatched)
    }

    /// Id → record; the first row wins when an id repeats, rows without an id are left out.
    static func read(_ spec: ScratchSpec, in workspace: Workspace) throws(Diagnostic) -> [String: PartyDetails] {
        guard workspace.catalog.schema(of: spec.source) != nil else { return [:] }
        let role = try RoleSelection(spec, in: workspace)
        let statement = RoleStatement(role, sql: DomainSQL(dialect: SQLiteDialect()))
        let optional = ["manager", "region"].map { field in
            spec.fields.contains { $0.name == field } ? "r.\(statement.sql.quote(field))" : "NULL"
        }
        var records: [String: PartyDetails] = [:]
        let rows = try workspace.database.query(
            "SELECT r.id, r.name, r.tax_id, \(optional.joined(separator: ", ")) FROM \(statement.source) r WHERE r.id IS NOT NULL",
            statement.parameters
        ) { row in
            PartyDetails(id: row.text(at: 0), name: text(row, 1), taxID: text(row, 2), manager: text(row, 3), region: text(row, 4))
        }
        for record in rows where records[record.id] == nil { records[record.id] = record }
        return records
    }

    private static func text(_ row: PreparedStatement, _ column: Int) -> String? {
        guard !row.isNull(at: column) else { return nil }
        let text = row.text(at: column)
        return text.trimmingSpaces().isEmpty ? nil : text
    }

    func name(of key: PartyKey) -> String? {
        if let client = key.clientID { return clients[client]?.name }
        return key.counterpartyID.flatMap { counterparties[$0]?.name }
    }

    func manager(of key: PartyKey) -> String? {
        key.clientID.flatMap { clients[$0]?.manager }
    }
}
