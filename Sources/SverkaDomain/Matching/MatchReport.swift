/// Turns resolved proposals into the rows of the result tables and the summary.
struct MatchReport {
    let clients: [PreparedParty]
    let counterparties: [PreparedParty]
    let index: CounterpartyIndex
    let options: MatchOptions

    func result(_ resolution: MatchConflicts.Resolution, misses: [Int: ClientCandidates],
                manual: ManualDecisionSet) -> MatchResult {
        let ordered = resolution.links.sorted { ($0.client, $0.counterparty) < ($1.client, $1.counterparty) }
        let links = ordered.map { proposal in
            MatchLink(clientID: clients[proposal.client].record.id,
                      counterpartyID: counterparties[proposal.counterparty].record.id,
                      method: proposal.method, score: proposal.score)
        }
        let ambiguous = resolution.ambiguous
            .sorted { ($0.0.client, $0.0.counterparty) < ($1.0.client, $1.0.counterparty) }
            .map { proposal, reason in
                AmbiguousLink(clientID: clients[proposal.client].record.id,
                              counterpartyID: counterparties[proposal.counterparty].record.id,
                              method: proposal.method, score: proposal.score, reason: reason)
            }
        var linkedClients = Set<Int>(), linkedCounterparties = Set<Int>()
        var perClient: [Int: Int] = [:], perCounterparty: [Int: Int] = [:]
        for proposal in ordered {
            linkedClients.insert(proposal.client)
            linkedCounterparties.insert(proposal.counterparty)
            perClient[proposal.client, default: 0] += 1
            perCounterparty[proposal.counterparty, default: 0] += 1
        }
        var unmatchedClients: [UnmatchedClient] = []
        for (position, client) in clients.enumerated() where !linkedClients.contains(position) {
            let reason: String
            if let ambiguity = resolution.ambiguousClients[position] {
                reason = "ambiguous: \(ambiguity)"
            } else if manual.unlinkedClients.contains(position) {
                reason = "unlinked by hand"
            } else {
                reason = missReason(client, misses[position] ?? ClientCandidates())
            }
            unmatchedClients.append(UnmatchedClient(id: client.record.id, name: client.record.name,
                                                    taxID: client.record.taxID, reason: reason))
        }
        let unmatchedCounterparties = counterparties.enumerated()
            .filter { !linkedCounterparties.contains($0.offset) }
            .map { UnmatchedCounterparty(id: $0.element.record.id, name: $0.element.record.name, taxID: $0.element.record.taxID) }
        var summary = MatchSummary()
        summary.clients = clients.count
        summary.counterparties = counterparties.count
        summary.matchedClients = linkedClients.count
        for link in links { summary.linksByMethod[link.method, default: 0] += 1 }
        summary.ambiguousClients = unmatchedClients.filter { $0.reason.hasPrefix("ambiguous") }.count
        summary.unmatchedClients = unmatchedClients.count
        summary.unmatchedCounterparties = unmatchedCounterparties.count
        summary.sharedCounterparties = perCounterparty.values.filter { $0 > 1 }.count
        summary.clientsWithSeveralCounterparties = perClient.values.filter { $0 > 1 }.count
        summary.invalidClientTaxIDs = InvalidTaxIDs(clients)
        summary.invalidCounterpartyTaxIDs = InvalidTaxIDs(counterparties)
        summary.staleDecisions = manual.stale
        summary.options = options
        return MatchResult(links: links, ambiguous: ambiguous, unmatchedClients: unmatchedClients,
                           unmatchedCounterparties: unmatchedCounterparties, summary: summary)
    }

    /// Why a client found nothing, in the terms of the methods that ran.
    func missReason(_ client: PreparedParty, _ found: ClientCandidates) -> String {
        var parts: [String] = []
        if options.methods.contains(.taxID) {
            switch client.tax {
            case .missing: parts.append("no tax id")
            case .invalid: parts.append("invalid tax id")
            case .valid(let digits):
                parts.append(index.byTaxID[digits] == nil ? "tax id not in accounting"
                                                          : "its tax id's counterparties were unlinked by hand")
            }
        }
        if options.methods.contains(.name) {
            if let blocked = found.blockedByTaxID {
                parts.append("name matches \(counterparties[blocked].record.id), whose tax id differs")
            } else if let unlinked = found.unlinkedByHand {
                parts.append("name matches \(counterparties[unlinked].record.id), unlinked by hand")
            } else if let closest = found.closest {
                parts.append("closest name \(counterparties[closest.counterparty].record.id) scores "
                             + Self.format(closest.score) + " (threshold " + Self.format(options.threshold) + ")")
            } else {
                parts.append(client.name.key.isEmpty ? "no name" : "no similar name")
            }
        }
        if options.methods.contains(.email), client.email != nil, index.byEmail.isEmpty == false {
            parts.append("no e-mail match")
        }
        return parts.isEmpty ? "no method found a match" : parts.joined(separator: "; ")
    }

    /// Two decimals, without Foundation: 0.8571 → "0.86".
    static func format(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
