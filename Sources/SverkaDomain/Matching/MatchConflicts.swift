/// Decides which proposed links stand when they compete, so that nothing is chosen silently.
///
/// Several links on one side are fine when the records on the other side are one company — a
/// client entered twice in the CRM, a counterparty with two cards in accounting — and both
/// systems' dedupe groups say so. Otherwise:
/// - a client whose best candidates are different companies gets none of them;
/// - a counterparty wanted by clients of different companies keeps its strongest links —
///   certain ones (tax id, manual) over equal names spelt alike over equal names over
///   e-mails and similar names — when those are of one company, and loses the rest; when the
///   strongest are of several companies and not certain, it keeps none.
/// What is lost goes to `ambiguous_matches` with the reason.
struct MatchConflicts {
    struct Proposal {
        var client: Int
        var counterparty: Int
        var method: MatchMethod
        var score: Double
        var strength: Int

        static let certain = ClientCandidates.Pick.certain
    }

    struct Resolution {
        var links: [Proposal]
        var ambiguous: [(Proposal, String)]
        /// Clients none of whose candidates became links, with the reason.
        var ambiguousClients: [Int: String]
    }

    private let clients: [PreparedParty]
    private let counterparties: [PreparedParty]
    private let clientGroup: [Int]
    private let counterpartyGroup: [Int]
    private var proposals: [Proposal] = []
    private var ambiguous: [(Proposal, String)] = []
    private var ambiguousClients: [Int: String] = [:]

    init(clients: [PreparedParty], counterparties: [PreparedParty]) {
        self.clients = clients
        self.counterparties = counterparties
        var clientGrouping = PartyGrouping(clients)
        clientGroup = clientGrouping.components()
        var counterpartyGrouping = PartyGrouping(counterparties)
        counterpartyGroup = counterpartyGrouping.components()
    }

    mutating func propose(client: Int, _ pick: ClientCandidates.Pick) {
        proposals.append(Proposal(client: client, counterparty: pick.counterparty, method: pick.method, score: pick.score,
                                  strength: pick.strength))
    }

    /// One client's best candidates: all of them stand (for now) when they are one company,
    /// or when the strongest of them are (an equal name spelt alike over one spelt otherwise),
    /// with the others of that company.
    mutating func propose(client: Int, picks: [ClientCandidates.Pick]) {
        let strongest = picks.map(\.strength).max() ?? 0
        let best = picks.filter { $0.strength == strongest }
        let groups = Set(best.map { counterpartyGroup[$0.counterparty] })
        guard groups.count > 1 else {
            for pick in picks where groups.contains(counterpartyGroup[pick.counterparty]) { propose(client: client, pick) }
            return
        }
        let reason = "matches \(best.count) different counterparties equally well: "
            + Self.list(best.map { counterparties[$0.counterparty].record.id })
        ambiguousClients[client] = reason
        for pick in best {
            ambiguous.append((Proposal(client: client, counterparty: pick.counterparty, method: pick.method,
                                       score: pick.score, strength: pick.strength), reason))
        }
    }

    mutating func resolve() -> Resolution {
        var byCounterparty: [Int: [Int]] = [:]
        for (position, proposal) in proposals.enumerated() { byCounterparty[proposal.counterparty, default: []].append(position) }
        var rejected: [Int: String] = [:]
        for counterparty in byCounterparty.keys.sorted() {
            guard let positions = byCounterparty[counterparty] else { continue }
            let wanting = positions.map { proposals[$0] }
            guard Set(wanting.map(\.client)).count > 1, let top = wanting.map(\.strength).max() else { continue }
            let strongest = wanting.filter { $0.strength == top }
            let strongGroups = Set(strongest.map { clientGroup[$0.client] })
            let name = counterparties[counterparty].record.id
            if top < Proposal.certain && strongGroups.count > 1 {
                for proposal in wanting where rejected[proposal.client] == nil {
                    let others = wanting.map(\.client).filter { $0 != proposal.client }
                    rejected[proposal.client] = "counterparty \(name) also matches client "
                        + Self.list(others.map { clients[$0].record.id })
                }
                continue
            }
            let how = top == Proposal.certain ? "by tax id or by hand"
                : top == ClientCandidates.Pick.spelledAlike ? "by a name spelt alike" : "by an equal name"
            for proposal in wanting where !proposal.method.isCertain && !strongGroups.contains(clientGroup[proposal.client])
                && rejected[proposal.client] == nil {
                rejected[proposal.client] = "counterparty \(name) is linked \(how) to client "
                    + Self.list(strongest.map { clients[$0.client].record.id })
            }
        }
        var links: [Proposal] = []
        for proposal in proposals {
            if !proposal.method.isCertain, let reason = rejected[proposal.client] {
                ambiguous.append((proposal, reason))
                ambiguousClients[proposal.client] = reason
            } else {
                links.append(proposal)
            }
        }
        return Resolution(links: links, ambiguous: ambiguous, ambiguousClients: ambiguousClients)
    }

    /// "a, b, c" or "a, b, c and 4 more", without repeats.
    static func list(_ ids: [String]) -> String {
        var seen = Set<String>()
        let unique = ids.filter { seen.insert($0).inserted }
        let shown = unique.prefix(3).joined(separator: ", ")
        return unique.count > 3 ? "\(shown) and \(unique.count - 3) more" : shown
    }
}
