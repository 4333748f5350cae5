/// What one client's search found: the best candidates of the strongest method that found any,
/// or why nothing was found.
struct ClientCandidates {
    struct Pick {
        var counterparty: Int
        var method: MatchMethod
        var score: Double
    }

    var picks: [Pick] = []
    /// For the unmatched reason: the closest name below the threshold.
    var closest: Pick?
    /// For the unmatched reason: a counterparty with the same name key but another valid tax id.
    var blockedByTaxID: Int?
}

/// The search for one client's counterparts: exact valid tax id first, then the normalized
/// name (equal keys, else similar ones above the threshold), then e-mail. Each method runs only
/// when the stronger ones found nothing.
struct CandidateSearch {
    let index: CounterpartyIndex
    let options: MatchOptions
    var scratch: CandidateScratch

    init(index: CounterpartyIndex, options: MatchOptions) {
        self.index = index
        self.options = options
        scratch = CandidateScratch(size: index.parties.count)
    }

    /// `excluded`: counterparty indices this client was unlinked from by hand.
    mutating func candidates(for client: PreparedParty, excluding excluded: Set<Int>) -> ClientCandidates {
        var found = ClientCandidates()
        let allowed = { (counterparty: Int) in !excluded.contains(counterparty) }
        if options.methods.contains(.taxID), let tax = client.validTaxID, let list = index.byTaxID[tax] {
            found.picks = list.filter(allowed).map { .init(counterparty: $0, method: .taxID, score: 1) }
            if !found.picks.isEmpty { return found }
        }
        if options.methods.contains(.name), !client.name.key.isEmpty {
            byName(client, allowed: allowed, into: &found)
            if !found.picks.isEmpty { return found }
        }
        if options.methods.contains(.email), let email = client.email, let list = index.byEmail[email] {
            found.picks = list.filter { allowed($0) && client.mayBeSame(as: index.parties[$0]) }
                .map { .init(counterparty: $0, method: .email, score: 1) }
        }
        return found
    }

    /// Equal keys win outright — unless they are an entrepreneur's initials ("Иванов И.П."),
    /// which are scored with the other people of that surname. Otherwise every similar candidate
    /// within the margin of the best. A counterparty whose valid tax id differs from the client's
    /// is another legal entity and never a name match; so is one with another kind of legal form.
    private mutating func byName(_ client: PreparedParty, allowed: (Int) -> Bool, into found: inout ClientCandidates) {
        let equal = index.byKey[client.name.key] ?? []
        let initials = client.name.person?.hasInitials == true
            && (client.name.isPerson || equal.contains { index.parties[$0].name.isPerson })
        if !initials {
            for counterparty in equal where allowed(counterparty) {
                let party = index.parties[counterparty]
                guard client.name.formAgrees(with: party.name) else { continue }
                if client.mayBeSame(as: party) {
                    found.picks.append(.init(counterparty: counterparty, method: .name, score: 1))
                } else if found.blockedByTaxID == nil {
                    found.blockedByTaxID = counterparty
                }
            }
            if !found.picks.isEmpty { return }
        }
        var scored: [ClientCandidates.Pick] = []
        var seen = Set<Int>()
        let similar = index.similarCandidates(to: client.name, scratch: &scratch)
        for counterparty in (initials ? equal + similar : similar) where seen.insert(counterparty).inserted && allowed(counterparty) {
            let party = index.parties[counterparty]
            guard client.mayBeSame(as: party) else {
                if initials, party.name.key == client.name.key, found.blockedByTaxID == nil { found.blockedByTaxID = counterparty }
                continue
            }
            let score = NameSimilarity.score(client.name, party.name)
            guard score > 0 else { continue }
            let pick = ClientCandidates.Pick(counterparty: counterparty, method: .name, score: score)
            if score >= options.threshold {
                scored.append(pick)
            } else if score > (found.closest?.score ?? 0) {
                found.closest = pick
            }
        }
        guard let best = scored.map(\.score).max() else { return }
        found.picks = scored.filter { $0.score >= best - options.margin }.sorted { $0.counterparty < $1.counterparty }
    }
}
