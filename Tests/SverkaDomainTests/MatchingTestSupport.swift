import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// A seeded generator, so that every randomized test sees the same cases on every run.
struct MatchingRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Test-side ИНН arithmetic, written from the Federal Tax Service's rule rather than taken from
/// the code under test, to make tax ids with known validity.
enum MatchingTaxIDs {
    static func checkDigit(_ digits: [Int], _ weights: [Int]) -> Int {
        zip(digits, weights).map { $0 * $1 }.reduce(0, +) % 11 % 10
    }

    /// A valid 10-digit ИНН from nine digits.
    static func legal(_ first: [Int]) -> String {
        let digits = first + [checkDigit(first, [2, 4, 10, 3, 5, 9, 4, 6, 8])]
        return digits.map(String.init).joined()
    }

    /// A valid 12-digit ИНН from ten digits.
    static func person(_ first: [Int]) -> String {
        var digits = first + [checkDigit(first, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])]
        digits.append(checkDigit(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]))
        return digits.map(String.init).joined()
    }

    static func randomLegal(_ random: inout MatchingRandom) -> String {
        legal((0..<9).map { index in index == 0 ? Int.random(in: 1...9, using: &random) : Int.random(in: 0...9, using: &random) })
    }

    /// The same number with its last digit changed: the check then fails.
    static func broken(_ valid: String) -> String {
        guard let last = valid.last?.wholeNumberValue else { return valid }
        return String(valid.dropLast()) + String((last + 1) % 10)
    }
}

/// Workspaces with `crm.clients` and `acc.counterparties` defined as named queries over plain
/// tables, as `map` will define them.
enum MatchingWorkspace {
    static let clientColumns = ["client_id", "name", "tax_id", "email", "phone", "created_at"]
    static let counterpartyColumns = ["counterparty_id", "name", "tax_id"]

    static func make(path: String? = nil, clients: [[String?]], counterparties: [[String?]]) throws -> Workspace {
        let workspace = try Workspace(path: path)
        try fill(workspace, clients: clients, counterparties: counterparties)
        return workspace
    }

    /// Replaces the two source tables and defines the roles over them.
    static func fill(_ workspace: Workspace, clients: [[String?]], counterparties: [[String?]]) throws {
        try table(workspace, "clients", clientColumns, clients)
        try table(workspace, "counterparties", counterpartyColumns, counterparties)
        try defineRoles(workspace)
    }

    static func defineRoles(_ workspace: Workspace, clientsTable: String = "clients",
                            counterpartiesTable: String = "counterparties") throws {
        let text = ResultColumn.self
        try workspace.catalog.saveQuery(
            name: "crm.clients",
            definition: "from \(clientsTable) | select id = text(client_id), name, tax_id, email, phone, created_at",
            columns: ["id", "name", "tax_id", "email", "phone"].map { text.init(name: $0, type: .text) }
                + [ResultColumn(name: "created_at", type: .text)])
        try workspace.catalog.saveQuery(
            name: "acc.counterparties",
            definition: "from \(counterpartiesTable) | select id = text(counterparty_id), name, tax_id",
            columns: ["id", "name", "tax_id"].map { text.init(name: $0, type: .text) })
    }

    static func table(_ workspace: Workspace, _ name: String, _ columns: [String], _ rows: [[String?]]) throws {
        let database = workspace.database
        try database.execute("DROP TABLE IF EXISTS \(name)")
        try database.execute("CREATE TABLE \(name) (" + columns.map { "\($0) TEXT" }.joined(separator: ", ") + ")")
        let insert = try database.prepare("INSERT INTO \(name) VALUES ("
                                          + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        for row in rows {
            try insert.bind(columns.indices.map { index in
                index < row.count ? row[index].map(StoredValue.text) ?? .null : .null
            })
            _ = try insert.step()
            insert.reset()
        }
        try workspace.catalog.register(table: name, columns: columns.map { ResultColumn(name: $0, type: .text) }, source: nil)
    }

    /// The rows of a table through the query compiler, as text (null as nil).
    static func rows(_ workspace: Workspace, _ query: String) throws -> [[String?]] {
        let script = try MatchingParsing.pipeline(query)
        let compiled = try QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog)).compile(script)
        var rows: [[String?]] = []
        try QueryRunner(database: workspace.database).run(compiled) { row in
            rows.append(row.map { $0.isNull ? nil : $0.description })
        }
        return rows
    }
}

/// Pipelines from text, for reading result tables the way a user would.
enum MatchingParsing {
    struct NoCommands: CommandGrammar {
        func syntax(for name: String) -> CommandSyntax? { nil }
        var commandNames: [String] { [] }
    }

    static func pipeline(_ text: String) throws -> Pipeline {
        let script = try Parser(grammar: NoCommands()).parse(SourceText(name: "test", text: text))
        guard case .query(let pipeline)? = script.statements.first?.kind else {
            throw Diagnostic("not a pipeline: \(text)")
        }
        return pipeline
    }
}
