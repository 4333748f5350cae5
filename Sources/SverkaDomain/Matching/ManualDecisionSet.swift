/// The manual decisions resolved against the records of this run.
struct ManualDecisionSet {
    /// Client index → counterparty indices linked by hand.
    var links: [Int: [Int]] = [:]
    /// Client index → counterparty indices the client must never be linked to.
    var unlinkedPairs: [Int: Set<Int>] = [:]
    /// Clients unlinked from everything.
    var unlinkedClients: Set<Int> = []
    /// Decisions naming a client or counterparty that is not in the data (any more).
    var stale = 0

    init(_ decisions: [ManualDecision], clients: [String: Int], counterparties: [String: Int]) {
        for decision in decisions {
            guard let client = clients[decision.clientID] else {
                stale += 1
                continue
            }
            guard let counterpartyID = decision.counterpartyID else {
                // Only an unlink can leave the counterparty out; a link without one is not kept.
                if decision.kind == .unlink { unlinkedClients.insert(client) }
                continue
            }
            guard let counterparty = counterparties[counterpartyID] else {
                stale += 1
                continue
            }
            switch decision.kind {
            case .link: links[client, default: []].append(counterparty)
            case .unlink: unlinkedPairs[client, default: []].insert(counterparty)
            }
        }
    }
}

extension Array where Element == PartyRecord {
    /// Id → position; the first record wins when an id repeats.
    func positionsByID() -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(count)
        for (index, record) in enumerated() where positions[record.id] == nil { positions[record.id] = index }
        return positions
    }
}
