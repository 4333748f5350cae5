import SverkaSyntax

/// Finds the one client `check client` is asked about, by id or by name.
///
/// An id matches exactly (as text). Otherwise names, in three steps, the first that finds any
/// deciding: names equal to what was written ignoring case; names equal once normalised as
/// `match` compares them (no legal form, quotes, case or spaces, one alphabet); names that
/// contain it, in either form. One candidate is the client; several are an error that lists
/// them with their ids; none is an error with the closest name.
enum ClientLookup {
    /// How many candidates an ambiguous name lists.
    static let shown = 8

    static func find(_ written: String, among clients: [PartyDetails]) throws(Diagnostic) -> PartyDetails {
        let query = written.trimmingSpaces()
        if let client = clients.first(where: { $0.id == query }) { return client }
        let lower = query.lowercased()
        let key = NameNormalizer.normalize(query)
        let keys = clients.map { NameNormalizer.normalize($0.name ?? "") }
        let names = clients.map { $0.name?.lowercased().trimmingSpaces() ?? "" }
        // The closest kind of likeness that any name has decides: written alike, then alike
        // once normalised, then containing what was written.
        let tiers: [(Int) -> Bool] = [
            { names[$0] == lower },
            { !key.isEmpty && keys[$0] == key },
            { names[$0].contains(lower) || (!key.isEmpty && keys[$0].contains(key)) },
        ]
        for tier in tiers {
            let candidates = clients.indices.filter(tier)
            if candidates.count == 1 { return clients[candidates[0]] }
            if candidates.count > 1 { throw ambiguous(query, candidates.map { clients[$0] }) }
        }
        throw notFound(query, clients: clients, keys: keys)
    }

    private static func notFound(_ query: String, clients: [PartyDetails], keys: [String]) -> Diagnostic {
        var error = Diagnostic("no client '\(query)' in crm.clients: no such id, and no name contains it")
        let key = NameNormalizer.normalize(query)
        if let closest = Suggestion.closest(to: key, among: keys), let index = keys.firstIndex(of: closest) {
            error = error.hint("did you mean \(describe(clients[index]))?")
        } else if let closest = Suggestion.closest(to: query, among: clients.map(\.id)) {
            error = error.hint("did you mean the client with id \(closest)?")
        }
        return error.hint("write an id, or a part of the name: check client \"ромашка\"; 'from crm.clients | select id, name' lists them")
    }

    private static func ambiguous(_ query: String, _ candidates: [PartyDetails]) -> Diagnostic {
        let sorted = candidates.sorted { IDOrder.precedes($0.id, $1.id) }
        let listed = sorted.prefix(shown).map(describe).joined(separator: "; ")
        let more = sorted.count > shown ? "; and \(sorted.count - shown) more" : ""
        return Diagnostic("'\(query)' names \(sorted.count) clients: \(listed)\(more)")
            .hint("name one by its id: check client \(quotedIfNeeded(sorted[0].id))")
    }

    /// `c1 ООО «Ромашка»`.
    static func describe(_ client: PartyDetails) -> String {
        client.name.map { "\(client.id) \($0)" } ?? client.id
    }

    /// An id as the command line reads it back: bare when it is one word, else in quotes.
    private static func quotedIfNeeded(_ id: String) -> String {
        id.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }
            ? id : "\"\(id)\""
    }
}
