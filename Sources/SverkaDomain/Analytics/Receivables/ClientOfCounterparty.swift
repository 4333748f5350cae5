import SverkaEngine
import SverkaSyntax

/// Which CRM client each counterparty's invoices belong to, read from `matches` as the last
/// `match clients` wrote it — manual links included, since that run applied them; decisions
/// recorded after it wait for the next run, as for every other command that reads `matches`.
///
/// A counterparty matched to several clients (one company entered twice in the CRM) belongs to
/// the one with the lowest id, numbers by value, so that its debt counts once — the rule
/// `profit by client` follows for its costs.
struct ClientOfCounterparty {
    /// Counterparty id → client id.
    var owners: [String: String] = [:]
    /// Whether there was a `matches` table to read.
    var matched = false

    static func read(in scratch: ScratchTables) throws(Diagnostic) -> ClientOfCounterparty {
        guard scratch.exists(ReceivableSpecs.matches.source) else { return ClientOfCounterparty() }
        let matches = try RoleSelection(ReceivableSpecs.matches, in: scratch.workspace)
        let statement = RoleStatement(matches, sql: scratch.sql)
        let pairs = try scratch.workspace.database.query("""
            SELECT m.counterparty_id, m.client_id FROM \(statement.source) m
            WHERE m.client_id IS NOT NULL AND m.counterparty_id IS NOT NULL
            """, statement.parameters) { row in (row.text(at: 0), row.text(at: 1)) }
        var result = ClientOfCounterparty(matched: true)
        for (counterparty, client) in pairs {
            if let owner = result.owners[counterparty], !IDOrder.precedes(client, owner) { continue }
            result.owners[counterparty] = client
        }
        return result
    }
}
