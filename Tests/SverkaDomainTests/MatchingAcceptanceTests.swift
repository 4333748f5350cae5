import Foundation
import SverkaDomain
import SverkaEngine
import XCTest

/// The acceptance, on what scripts/gen-data writes: `match clients` links at least 99%
/// of the clients whose counterpart exists, with no wrong links among those matched by tax id.
/// The figures to compare with come from the generator (planted.json) and from the data itself
/// by plain SQL — never from the matcher.
final class MatchingAcceptanceTests: XCTestCase {
    static let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/gen-data")

    func testDefaultDataSet() throws {
        try checkAcceptance(arguments: [])
    }

    /// About 10,000 clients: the generator's names start to repeat their parts at this size.
    func testTenThousandClients() throws {
        try checkAcceptance(arguments: ["--deals", "30000", "--seed", "7"])
    }

    private func checkAcceptance(arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try generate(arguments)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace(path: nil)
        for (table, file) in [("clients", "clients.csv"), ("counterparties", "counterparties.csv"),
                              ("deals", "deals.csv"), ("invoices", "invoices.csv")] {
            var options = LoadOptions()
            options.columnTypes = table == "clients" || table == "counterparties" ? ["tax_id": .text] : [:]
            _ = try CSVLoader().load(LoadRequest(path: folder.appendingPathComponent(file).path, table: table, options: options),
                                     into: workspace)
        }
        try MatchingWorkspace.defineRoles(workspace)
        let result = try ClientMatching(workspace: workspace).run()

        let planted = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("planted.json")))
        let rows = (planted as? [String: Any])?["rows"] as? [String: Int]
        let counts = (planted as? [String: Any])?["planted"] as? [String: Any]
        let clients = try XCTUnwrap(rows?["clients"])
        let withoutCounterpart = try XCTUnwrap(counts?["clients_without_counterpart"] as? Int)
        let withCounterpart = clients - withoutCounterpart
        let linked = try count(workspace, "SELECT count(DISTINCT client_id) FROM matches")
        XCTAssertGreaterThanOrEqual(Double(linked), 0.99 * Double(withCounterpart),
                                    "linked \(linked) of \(withCounterpart) clients with a counterpart", file: file, line: line)
        XCTAssertLessThanOrEqual(linked, withCounterpart, "more clients linked than have a counterpart", file: file, line: line)

        // A tax-id link is right when both records carry that very number: the generator gives
        // every company its own.
        let taxLinks = try count(workspace, "SELECT count(*) FROM matches WHERE method = 'tax_id'")
        let wrongTaxLinks = try count(workspace, """
            SELECT count(*) FROM matches m
            JOIN clients c ON CAST(c.client_id AS TEXT) = m.client_id
            JOIN counterparties k ON k.counterparty_id = m.counterparty_id
            WHERE m.method = 'tax_id' AND (c.tax_id IS NULL OR c.tax_id <> k.tax_id OR length(c.tax_id) NOT IN (10, 12))
            """)
        XCTAssertGreaterThan(taxLinks, 0, file: file, line: line)
        XCTAssertEqual(wrongTaxLinks, 0, file: file, line: line)

        // Independently of names and tax ids: accounting billed each won deal to its client's
        // counterparty, except the planted counterparty mismatches. A client's link must
        // include the counterparty billed for its deals, up to those mismatches.
        try workspace.database.execute("""
            CREATE TEMP TABLE billed AS SELECT DISTINCT CAST(d.client_id AS TEXT) AS client_id, i.counterparty_id
                FROM invoices i JOIN deals d ON d.deal_id = i.deal_id;
            CREATE INDEX temp.billed_client ON billed(client_id);
            CREATE INDEX matches_pair ON matches(client_id, counterparty_id);
            """)
        let billed = try count(workspace, "SELECT count(DISTINCT client_id) FROM billed WHERE client_id IN (SELECT client_id FROM matches)")
        let disagreeing = try count(workspace, """
            SELECT count(*) FROM billed b
            WHERE b.client_id IN (SELECT client_id FROM matches)
              AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.client_id = b.client_id AND m.counterparty_id = b.counterparty_id)
            """)
        let mismatches = try XCTUnwrap(counts?["counterparty_mismatches"] as? Int)
        XCTAssertGreaterThan(billed, withCounterpart / 2, file: file, line: line)
        XCTAssertLessThanOrEqual(disagreeing, mismatches, "links that disagree with the invoices", file: file, line: line)

        XCTAssertEqual(result.summary.matchedClients, linked, file: file, line: line)
        XCTAssertEqual(result.summary.unmatchedClients, clients - linked, file: file, line: line)
    }

    private func generate(_ arguments: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-match-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.generator.path, folder.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XCTSkip("scripts/gen-data could not run (python3 missing?): exit \(process.terminationStatus)")
        }
        return folder
    }

    private func count(_ workspace: Workspace, _ sql: String) throws -> Int {
        guard case .integer(let value)? = try workspace.database.scalar(sql) else { return -1 }
        return Int(value)
    }
}
