import SverkaEngine
import SverkaSyntax

/// Which client each counterparty belongs to, from the table `matches` that `match clients`
/// writes (manual links included: `match clients` applies them). A counterparty matched to
/// several clients — one company entered twice in the CRM — belongs to the one with the lowest
/// id (numbers by value), so that its costs count once.
struct CounterpartyOwners {
    private(set) var owners: [String: String] = [:]
    /// Whether there is a `matches` table.
    private(set) var hasMatches = false
    /// Counterparties matched to more than one client.
    private(set) var shared: Set<String> = []
    /// Manual decisions `match clients` has not applied yet (made after the last match).
    private(set) var pendingDecisions = 0

    subscript(counterparty: String) -> String? { owners[counterparty] }

    static let matchesTable = ClientMatching.matchesTable

    static func read(_ stream: RoleStream) throws(Diagnostic) -> CounterpartyOwners {
        var result = CounterpartyOwners()
        guard stream.exists(matchesTable) else { return result }
        result.hasMatches = true
        let pipeline = "from matches | select client = \(ProfitPipelines.id("client_id")), "
            + "counterparty = \(ProfitPipelines.id("counterparty_id"))"
        try stream.each(pipeline, name: matchesTable) { row in
            guard let client = row.optionalText(at: 0), let counterparty = row.optionalText(at: 1) else { return }
            guard let owner = result.owners[counterparty] else {
                result.owners[counterparty] = client
                return
            }
            guard owner != client else { return }
            result.shared.insert(counterparty)
            if NaturalOrder.precedes(client, owner) { result.owners[counterparty] = client }
        }
        result.pendingDecisions = try pending(stream.workspace)
        return result
    }

    /// Links not in `matches`, and unlinked pairs still in it: decisions newer than the last match.
    private static func pending(_ workspace: Workspace) throws(Diagnostic) -> Int {
        guard case .integer(let count)? = try workspace.database.scalar("""
            SELECT count(*) FROM _sverka_links l
            WHERE (l.decision = 'link' AND NOT EXISTS (
                       SELECT 1 FROM matches m WHERE m.client_id = l.client_id AND m.counterparty_id = l.counterparty_id))
               OR (l.decision = 'unlink' AND EXISTS (
                       SELECT 1 FROM matches m WHERE m.client_id = l.client_id
                       AND (l.counterparty_id IS NULL OR m.counterparty_id = l.counterparty_id)))
            """) else { return 0 }
        return Int(count)
    }
}
