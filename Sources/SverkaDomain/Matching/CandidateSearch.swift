/// What one client's search found: the best candidates of the strongest method that found any,
/// or why nothing was found.
struct ClientCandidates {
    struct Pick {
        var counterparty: Int
        var method: MatchMethod
        var score: Double
        /// An equal name spelt alike, hyphens and word breaks included.
        var sameSpelling = false

        /// Certain links (tax id, manual) beat equal names spelt alike, which beat equal
        /// names, which beat e-mails and similar names.
        var strength: Int {
            if method.isCertain { return Self.certain }
            guard method == .name, score >= 1 else { return 1 }
            return sameSpelling ? Self.spelledAlike : 2
        }

        static let certain = 4
        static let spelledAlike = 3
    }

    var picks: [Pick] = []
    /// For the unmatched reason: the closest name below the threshold.
    var closest: Pick?
    /// For the unmatched reason: a counterparty with the same name key but another valid tax id.
    var blockedByTaxID: Int?
    /// For the unmatched reason: a counterparty with the same name key, unlinked by hand.
    var unlinkedByHand: Int?
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
        if found.unlinkedByHand == nil { found.unlinkedByHand = equal.first { !allowed($0) } }
        if !initials {
            for counterparty in equal where allowed(counterparty) {
                let party = index.parties[counterparty]
                guard client.name.formAgrees(with: party.name) else { continue }
                if client.mayBeSame(as: party) {
                    found.picks.append(.init(counterparty: counterparty, method: .name, score: 1,
                                             sameSpelling: party.name.spelling == client.name.spelling))
                } else if found.blockedByTaxID == nil {
                    found.blockedByTaxID = counterparty
                }
            }
            if !found.picks.isEmpty { return }
        }
        var scored: [ClientCandidates.Pick] = []
        var seen = Set<Int>()
        let similar = index.similarCandidates(to: client.name, scratch: &scratch)
        let candidates = initials ? equal + similar : similar
        for counterparty in candidates where seen.insert(counterparty).inserted && allowed(counterparty) {
            let party = index.parties[counterparty]
            guard client.mayBeSame(as: party) else {
                if initials, party.name.key == client.name.key, found.blockedByTaxID == nil {
                    found.blockedByTaxID = counterparty
                }
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
