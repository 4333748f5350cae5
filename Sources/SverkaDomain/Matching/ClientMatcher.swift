/// Links CRM clients to accounting counterparties (`match clients`).
///
/// 1. Manual decisions first: a client linked by hand gets exactly those links; one unlinked
///    from everything gets none; an unlinked pair is never proposed.
/// 2. Each other client's candidates: valid tax id, else normalized name, else e-mail
///    (`CandidateSearch`), compared only with the counterparties the index offers.
/// 3. Conflicts (`MatchConflicts`): several equally good counterparties, or one counterparty
///    wanted by several clients, are links only when the records on the "several" side are one
///    company (dedupe groups: same tax id, name, e-mail or phone); otherwise the candidates go
///    to `ambiguous_matches` and nothing is chosen.
public enum ClientMatcher {
    /// `counterpartyEmails`: whether the counterparties have an e-mail column at all, for the summary.
    public static func match(clients: [PartyRecord], counterparties: [PartyRecord], decisions: [ManualDecision] = [],
                             options: MatchOptions = MatchOptions(), counterpartyEmails: Bool = false) -> MatchResult {
        let clientParties = clients.map(PreparedParty.init)
        let counterpartyParties = counterparties.map(PreparedParty.init)
        let manual = ManualDecisionSet(decisions, clients: clients.positionsByID(),
                                       counterparties: counterparties.positionsByID())
        let index = CounterpartyIndex(counterpartyParties)
        var search = CandidateSearch(index: index, options: options)
        var conflicts = MatchConflicts(clients: clientParties, counterparties: counterpartyParties)
        var misses: [Int: ClientCandidates] = [:]
        for (clientIndex, client) in clientParties.enumerated() {
            if let linked = manual.links[clientIndex] {
                for counterparty in linked {
                    conflicts.propose(client: clientIndex, .init(counterparty: counterparty, method: .manual, score: 1))
                }
                continue
            }
            if manual.unlinkedClients.contains(clientIndex) { continue }
            let found = search.candidates(for: client, excluding: manual.unlinkedPairs[clientIndex] ?? [])
            if found.picks.isEmpty {
                misses[clientIndex] = found
            } else {
                conflicts.propose(client: clientIndex, picks: found.picks)
            }
        }
        let resolved = conflicts.resolve()
        var result = MatchReport(clients: clientParties, counterparties: counterpartyParties, index: index, options: options)
            .result(resolved, misses: misses, manual: manual)
        result.summary.counterpartyEmails = counterpartyEmails
        return result
    }
}
