/// How a client was linked to a counterparty, strongest first.
public enum MatchMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// A person decided: `link client … to counterparty …`.
    case manual
    /// The same valid ИНН on both sides.
    case taxID = "tax_id"
    /// Equal normalized names (score 1) or similar ones (score ≥ the threshold).
    case name
    /// The same e-mail address, when counterparties have one.
    case email

    /// Links that cannot be wrong short of a data entry error: they win conflicts.
    var isCertain: Bool { self == .manual || self == .taxID }

    /// The methods a user may switch on and off (manual decisions always apply).
    public static let automatic: [MatchMethod] = [.taxID, .name, .email]
}

/// `match clients with (threshold: …, methods: …)`.
public struct MatchOptions: Sendable, Hashable, Codable {
    /// The lowest name similarity that links (0…1).
    public var threshold: Double
    public var methods: Set<MatchMethod>
    /// Name candidates scoring within this of the best are all "best": a choice among them
    /// would be a guess, so it is reported as ambiguous.
    public var margin: Double

    public static let defaultThreshold = 0.9

    public init(threshold: Double = MatchOptions.defaultThreshold, methods: Set<MatchMethod> = Set(MatchMethod.automatic),
                margin: Double = 0.02) {
        self.threshold = threshold
        self.methods = methods
        self.margin = margin
    }
}

/// A person's decision about one client, kept in `_sverka_links` across runs.
public struct ManualDecision: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case link, unlink
    }

    public var clientID: String
    /// nil for `unlink client ID` without a counterparty: none of the client's automatic links.
    public var counterpartyID: String?
    public var kind: Kind

    public init(clientID: String, counterpartyID: String?, kind: Kind) {
        self.clientID = clientID
        self.counterpartyID = counterpartyID
        self.kind = kind
    }
}

/// One row of `matches`.
public struct MatchLink: Sendable, Hashable, Codable {
    public var clientID: String
    public var counterpartyID: String
    public var method: MatchMethod
    public var score: Double
}

/// One row of `ambiguous_matches`: a candidate link that was not made, and why.
public struct AmbiguousLink: Sendable, Hashable, Codable {
    public var clientID: String
    public var counterpartyID: String
    public var method: MatchMethod
    public var score: Double
    public var reason: String
}

/// One row of `unmatched_clients`.
public struct UnmatchedClient: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var taxID: String?
    public var reason: String
}

/// One row of `unmatched_counterparties`.
public struct UnmatchedCounterparty: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var taxID: String?
}

/// The figures `match clients` reports.
public struct MatchSummary: Sendable, Hashable, Codable {
    public var clients = 0
    public var counterparties = 0
    /// Clients with at least one link.
    public var matchedClients = 0
    /// Rows of `matches` per method.
    public var linksByMethod: [MatchMethod: Int] = [:]
    public var ambiguousClients = 0
    public var unmatchedClients = 0
    public var unmatchedCounterparties = 0
    /// Counterparties linked to more than one client: the clients are duplicates of one another.
    public var sharedCounterparties = 0
    /// Clients linked to more than one counterparty: the counterparties are duplicates.
    public var clientsWithSeveralCounterparties = 0
    public var invalidClientTaxIDs = InvalidTaxIDs()
    public var invalidCounterpartyTaxIDs = InvalidTaxIDs()
    /// False when counterparties have no e-mail column, so the e-mail method could not run.
    public var counterpartyEmails = false
    /// Manual decisions naming a client or counterparty that is no longer in the data.
    public var staleDecisions = 0
    public var options = MatchOptions()

    public init() {}
}

/// Everything `match clients` produces.
public struct MatchResult: Sendable, Hashable, Codable {
    public var links: [MatchLink]
    public var ambiguous: [AmbiguousLink]
    public var unmatchedClients: [UnmatchedClient]
    public var unmatchedCounterparties: [UnmatchedCounterparty]
    public var summary: MatchSummary
}
