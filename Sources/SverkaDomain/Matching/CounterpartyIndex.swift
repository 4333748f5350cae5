/// Blocking: the counterparties indexed so that each client is compared with a handful of
/// candidates, never with all of them — by valid tax id, by name key, by e-mail, by surname
/// (for entrepreneurs) and by the trigrams of the name key (for misspelt names).
struct CounterpartyIndex {
    let parties: [PreparedParty]
    private(set) var byTaxID: [String: [Int]] = [:]
    private(set) var byKey: [String: [Int]] = [:]
    private(set) var byEmail: [String: [Int]] = [:]
    private(set) var bySurname: [String: [Int]] = [:]
    private var byTrigram: [UInt32: [Int32]] = [:]

    /// A trigram in more names than this is too common to say anything ("ооо", "ing").
    static let commonTrigram = 1_500
    /// How many of the best trigram candidates are scored in full.
    static let scoredCandidates = 40

    init(_ parties: [PreparedParty]) {
        self.parties = parties
        for (index, party) in parties.enumerated() {
            if let tax = party.validTaxID { byTaxID[tax, default: []].append(index) }
            if !party.name.key.isEmpty { byKey[party.name.key, default: []].append(index) }
            if let email = party.email { byEmail[email, default: []].append(index) }
            if let person = party.name.person { bySurname[person.surname, default: []].append(index) }
            for trigram in Set(Self.trigrams(of: party.name.keyBytes)) {
                byTrigram[trigram, default: []].append(Int32(index))
            }
        }
    }

    /// The key's trigrams, with its start and end marked so short keys have some.
    static func trigrams(of key: [UInt8]) -> [UInt32] {
        guard !key.isEmpty else { return [] }
        let padded = [UInt8(ascii: "^")] + key + [UInt8(ascii: "$")]
        guard padded.count >= 3 else { return [] }
        return (0...(padded.count - 3)).map { start in
            UInt32(padded[start]) << 16 | UInt32(padded[start + 1]) << 8 | UInt32(padded[start + 2])
        }
    }

    /// Counterparties worth scoring against a name: those sharing at least 40% of its
    /// uncommon trigrams (the best few), and for a person-shaped name those with its surname.
    func similarCandidates(to name: NormalizedName, scratch: inout CandidateScratch) -> [Int] {
        var result: [Int] = []
        if let person = name.person, let people = bySurname[person.surname] {
            result.append(contentsOf: people)
        }
        let trigrams = Set(Self.trigrams(of: name.keyBytes))
        var considered = 0
        for trigram in trigrams {
            guard let postings = byTrigram[trigram], postings.count <= Self.commonTrigram else { continue }
            considered += 1
            for posting in postings { scratch.count(posting) }
        }
        let needed = max(1, (considered * 2 + 4) / 5)
        result.append(contentsOf: scratch.drain(atLeast: needed, best: Self.scoredCandidates))
        return result
    }
}

/// Reusable per-counterparty counters for trigram candidates, so a client costs what it
/// touches, not the size of the index.
struct CandidateScratch {
    private var counts: [UInt16]
    private var touched: [Int32] = []

    init(size: Int) {
        counts = [UInt16](repeating: 0, count: size)
    }

    mutating func count(_ index: Int32) {
        let slot = Int(index)
        if counts[slot] == 0 { touched.append(index) }
        if counts[slot] < UInt16.max { counts[slot] += 1 }
    }

    /// The candidates counted at least `atLeast` times, most shared first (ties by index), at
    /// most `best` of them; clears the counters.
    mutating func drain(atLeast: Int, best: Int) -> [Int] {
        var found: [(Int, UInt16)] = []
        for index in touched {
            let slot = Int(index)
            if counts[slot] >= atLeast { found.append((slot, counts[slot])) }
            counts[slot] = 0
        }
        touched.removeAll(keepingCapacity: true)
        found.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return found.prefix(best).map(\.0)
    }
}
