import SverkaEngine
import SverkaSyntax

/// `match clients`, `link`, `unlink` on a workspace: reads the roles, matches, and writes the
/// result tables in one transaction. Returns figures; printing them is the shell's business.
public struct ClientMatching {
    public static let clientsRole = "crm.clients"
    public static let counterpartiesRole = "acc.counterparties"
    public static let matchesTable = "matches"
    public static let ambiguousTable = "ambiguous_matches"
    public static let unmatchedClientsTable = "unmatched_clients"
    public static let unmatchedCounterpartiesTable = "unmatched_counterparties"

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Matches and replaces `matches`, `ambiguous_matches`, `unmatched_clients` and
    /// `unmatched_counterparties`.
    public func run(_ options: MatchOptions = MatchOptions()) throws(Diagnostic) -> MatchResult {
        let reuse = try MatchReuse(workspace: workspace, options: options)
        if let result = reuse.remembered() {
            try ResultTables.replace(Self.tables(for: result), in: workspace, by: "match clients")
            return result
        }
        let reader = PartyReader(workspace: workspace)
        let clients = try reader.read(Self.clientsRole)
        let counterparties = try reader.read(Self.counterpartiesRole)
        let decisions = try ManualLinks(workspace: workspace).all()
        var effective = options
        if !counterparties.hasEmail { effective.methods.remove(.email) }
        var result = ClientMatcher.match(clients: clients.records, counterparties: counterparties.records,
                                         decisions: decisions, options: effective, counterpartyEmails: counterparties.hasEmail)
        result.summary.options = options
        let matched = result
        try workspace.database.inTransaction { () throws(Diagnostic) in
            try ResultTables.replace(Self.tables(for: matched), in: workspace, by: "match clients")
            try reuse.remember(matched)
        }
        return result
    }

    /// Records a manual link after checking that both records exist.
    public func link(client: String, to counterparty: String) throws(Diagnostic) {
        try checkExists(client, in: Self.clientsRole, what: "client")
        try checkExists(counterparty, in: Self.counterpartiesRole, what: "counterparty")
        try ManualLinks(workspace: workspace).link(client: client, to: counterparty)
    }

    /// Records a manual unlink; the client must exist, the counterparty too when named.
    public func unlink(client: String, from counterparty: String?) throws(Diagnostic) {
        try checkExists(client, in: Self.clientsRole, what: "client")
        if let counterparty { try checkExists(counterparty, in: Self.counterpartiesRole, what: "counterparty") }
        try ManualLinks(workspace: workspace).unlink(client: client, from: counterparty)
    }

    private func checkExists(_ id: String, in role: String, what: String) throws(Diagnostic) {
        let records = try PartyReader(workspace: workspace).read(role).records
        guard records.contains(where: { $0.id == id }) else {
            throw Diagnostic("no \(what) with id '\(id)' in \(role)")
                .hint("ids are compared as text, exactly; 'from \(role) | select id, name' lists them")
        }
    }

    static func tables(for result: MatchResult) -> [ResultTable] {
        let text = { (value: String?) in value.map(Value.text) ?? .null }
        return [
            ResultTable(name: matchesTable, columns: columns(["client_id", "counterparty_id", "method"], score: true),
                        rows: result.links.map { [.text($0.clientID), .text($0.counterpartyID), .text($0.method.rawValue),
                                                  score($0.score)] }),
            ResultTable(name: ambiguousTable,
                        columns: columns(["client_id", "counterparty_id", "method"], score: true) + columns(["reason"]),
                        rows: result.ambiguous.map { [.text($0.clientID), .text($0.counterpartyID), .text($0.method.rawValue),
                                                      score($0.score), .text($0.reason)] }),
            ResultTable(name: unmatchedClientsTable, columns: columns(["client_id", "name", "tax_id", "reason"]),
                        rows: result.unmatchedClients.map { [.text($0.id), .text($0.name), text($0.taxID), .text($0.reason)] }),
            ResultTable(name: unmatchedCounterpartiesTable, columns: columns(["counterparty_id", "name", "tax_id"]),
                        rows: result.unmatchedCounterparties.map { [.text($0.id), .text($0.name), text($0.taxID)] }),
        ]
    }

    private static func columns(_ names: [String], score: Bool = false) -> [ResultColumn] {
        names.map { ResultColumn(name: $0, type: .text) } + (score ? [ResultColumn(name: "score", type: .number)] : [])
    }

    /// Three decimals are plenty for a similarity, and read better than 0.9466666666.
    private static func score(_ value: Double) -> Value {
        .number((value * 1000).rounded() / 1000)
    }
}
