import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `match clients`, `link` and `unlink` on a workspace: the result tables, and manual decisions
/// that outlive the session that made them.
final class MatchingWorkspaceTests: XCTestCase {
    static let clients: [[String?]] = [
        ["1", "ООО «Ромашка»", "7707083893", "info@romashka.ru", "+7 495 111-22-33", "2023-01-10"],
        ["2", "Вектор", nil, nil, nil, "2023-02-01"],
        ["3", "IP Ivanov I.", "12345", nil, nil, nil],
        ["4", "Неизвестно", nil, nil, nil, nil],
    ]
    static let counterparties: [[String?]] = [
        ["К-1", "Ромашка ООО", "7707083893"], ["К-2", "ООО \"ВЕКТОР\"", "7736050003"],
        ["К-3", "ИП Иванов Иван Петрович", "500100732259"], ["К-4", "Поставщик", nil],
    ]

    /// XCTest makes one instance per test, so each test has its own folder.
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-matching-\(UUID().uuidString)")

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testResultTablesAreOrdinaryTypedTables() throws {
        let workspace = try MatchingWorkspace.make(clients: Self.clients, counterparties: Self.counterparties)
        let result = try ClientMatching(workspace: workspace).run()
        XCTAssertEqual(result.summary.matchedClients, 3)
        XCTAssertEqual(workspace.catalog.schema(of: "matches")?.columns,
                       [ResultColumn(name: "client_id", type: .text), ResultColumn(name: "counterparty_id", type: .text),
                        ResultColumn(name: "method", type: .text), ResultColumn(name: "score", type: .number)])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from matches"),
                       [["1", "К-1", "tax_id", "1"], ["2", "К-2", "name", "1"], ["3", "К-3", "name", "0.925"]])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from matches | where method == \"name\" | select client_id"),
                       [["2"], ["3"]])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from unmatched_clients"),
                       [["4", "Неизвестно", nil, "no tax id; no similar name"]])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from unmatched_counterparties"), [["К-4", "Поставщик", nil]])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from ambiguous_matches"), [])
        XCTAssertEqual(workspace.catalog.schema(of: "ambiguous_matches")?.columns.map(\.name),
                       ["client_id", "counterparty_id", "method", "score", "reason"])
        XCTAssertEqual(result.summary.invalidClientTaxIDs, InvalidTaxIDs(count: 1, examples: ["3: 12345"]))
    }

    func testARerunReplacesTheTables() throws {
        let workspace = try MatchingWorkspace.make(clients: Self.clients, counterparties: Self.counterparties)
        _ = try ClientMatching(workspace: workspace).run()
        try MatchingWorkspace.fill(workspace, clients: Array(Self.clients.prefix(1)), counterparties: Self.counterparties)
        _ = try ClientMatching(workspace: workspace).run(MatchOptions(methods: [.name]))
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from matches"), [["1", "К-1", "name", "1"]])
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from unmatched_clients"), [])
    }

    func testAUsersOwnTableIsNeverOverwritten() throws {
        let workspace = try MatchingWorkspace.make(clients: Self.clients, counterparties: Self.counterparties)
        let csv = folder.appendingPathComponent("matches.csv")
        try "a\n1\n".write(to: csv, atomically: true, encoding: .utf8)
        _ = try CSVLoader().load(LoadRequest(path: csv.path, table: "matches"), into: workspace)
        XCTAssertThrowsError(try ClientMatching(workspace: workspace).run()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "'matches' was loaded from \(csv.path), and match clients writes its results to a table of that name")
        }
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from matches"), [["1"]])
        XCTAssertNil(workspace.catalog.schema(of: "unmatched_clients"), "all four tables or none")
    }

    func testMissingRolesAreExplained() throws {
        let workspace = try Workspace(path: nil)
        XCTAssertThrowsError(try ClientMatching(workspace: workspace).run()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no crm.clients yet: map a table to it first")
        }
        XCTAssertThrowsError(try ClientMatching(workspace: workspace).link(client: "1", to: "К-1"))
    }

    func testLinkChecksThatBothRecordsExist() throws {
        let workspace = try MatchingWorkspace.make(clients: Self.clients, counterparties: Self.counterparties)
        XCTAssertThrowsError(try ClientMatching(workspace: workspace).link(client: "9", to: "К-1")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no client with id '9' in crm.clients")
        }
        XCTAssertThrowsError(try ClientMatching(workspace: workspace).unlink(client: "1", from: "K-1")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no counterparty with id 'K-1' in acc.counterparties",
                           "a Latin K is not the Cyrillic К")
        }
        XCTAssertEqual(try ManualLinks(workspace: workspace).all(), [])
    }

    /// Decisions made in one session hold in the next, and later ones replace earlier ones.
    func testManualDecisionsPersistAcrossSessions() throws {
        let path = folder.appendingPathComponent("work.sverka").path
        do {
            let first = try MatchingWorkspace.make(path: path, clients: Self.clients, counterparties: Self.counterparties)
            let matching = ClientMatching(workspace: first)
            try matching.link(client: "4", to: "К-4")
            try matching.unlink(client: "1", from: "К-1")
            try matching.link(client: "2", to: "К-1")
            try matching.unlink(client: "2", from: "К-1")  // replaces the link of the same pair
        }
        do {
            let second = try Workspace(path: path)
            XCTAssertEqual(try ManualLinks(workspace: second).all().map { "\($0.clientID) \($0.counterpartyID ?? "*") \($0.kind)" },
                           ["4 К-4 link", "1 К-1 unlink", "2 К-1 unlink"])
            _ = try ClientMatching(workspace: second).run()
            XCTAssertEqual(try MatchingWorkspace.rows(second, "from matches"),
                           [["2", "К-2", "name", "1"], ["3", "К-3", "name", "0.925"], ["4", "К-4", "manual", "1"]])
            XCTAssertEqual(try MatchingWorkspace.rows(second, "from unmatched_clients | select client_id, reason"),
                           [["1", "its tax id's counterparties were unlinked by hand; name matches К-1, unlinked by hand"]])
            try ClientMatching(workspace: second).unlink(client: "4", from: nil)
        }
        do {
            let third = try Workspace(path: path)
            _ = try ClientMatching(workspace: third).run()
            XCTAssertEqual(try MatchingWorkspace.rows(third, "from unmatched_clients | where client_id == \"4\" | select reason"),
                           [["unlinked by hand"]])
            XCTAssertEqual(try third.database.scalar("SELECT count(*) FROM _sverka_links WHERE client_id = '4'"), .integer(1),
                           "unlinking from everything withdrew the manual link")
        }
    }
}
