import Foundation
import XCTest

/// The acceptance step of the PostgreSQL connector, as a new user would take it: a server
/// holding a million-row deals table (put there by psql's \copy, not by sverka), `attach`, then
/// the top-ten pipeline runs on the server — `explain` says so — and gives the rows the same
/// pipeline gives over the same CSV loaded into a workspace, and that a computation written here
/// gives. SVERKA_ACCEPTANCE_ROWS lowers the size for a quick local run.
final class PostgresAcceptanceTests: XCTestCase {
    static let pipeline = #"from TABLE | where stage == "won" | group client_id (revenue = sum(amount)) | sort -revenue | take 10"#

    func testMillionRowGroupByRunsOnTheServerAndMatchesTheWorkspace() throws {
        let url = try PostgresTestServer.url()
        let rows = Int(ProcessInfo.processInfo.environment["SVERKA_ACCEPTANCE_ROWS"] ?? "") ?? 1_000_000
        let folder = try SverkaProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("deals.csv")
        let expected = try Self.writeDeals(rows: rows, to: csv)
        let table = "acceptance_deals_\(UInt32.random(in: 0...UInt32.max))"
        try Self.psql(url, "CREATE TABLE \(table) (deal_id bigint, client_id integer, stage text, amount numeric(14,2), closed_at date)")
        defer { _ = try? Self.psql(url, "DROP TABLE IF EXISTS \(table)") }
        try Self.psql(url, "\\copy \(table) FROM '\(csv.path)' WITH (FORMAT csv, HEADER true)")

        let script = """
            attach postgres "\(url)" as wh
            explain \(Self.pipeline.replacingOccurrences(of: "TABLE", with: "wh.\(table)"))
            \(Self.pipeline.replacingOccurrences(of: "TABLE", with: "wh.\(table)"))
            load "\(csv.path)" as deals
            \(Self.pipeline.replacingOccurrences(of: "TABLE", with: "deals"))
            """
        try script.write(to: folder.appendingPathComponent("acceptance.sv"), atomically: true, encoding: .utf8)
        let result = try SverkaProcess.run(["run", "acceptance.sv", "--format", "csv"], in: folder)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let out = result.stdout.components(separatedBy: "\n")
        XCTAssertTrue(out.contains { $0.hasPrefix("engine: PostgreSQL on wh") }, result.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("sql: ") && $0.contains("GROUP BY") && $0.contains("LIMIT 10") }, result.stdout)
        // The two results, as csv: header and ten rows each, after explain's four lines.
        let tables = out.filter { !$0.isEmpty && !$0.contains(":") }
        XCTAssertEqual(tables.count, 22, result.stdout)
        let onServer = Array(tables.prefix(11)), inWorkspace = Array(tables.dropFirst(11).prefix(11))
        XCTAssertEqual(onServer, inWorkspace)
        XCTAssertEqual(onServer, ["client_id,revenue"] + expected)
    }

    /// Deterministic deals: 2,000 clients, four stages, amounts in kopecks. Returns the top ten
    /// `client_id,revenue` lines computed here, in integers, independently of sverka.
    static func writeDeals(rows: Int, to url: URL) throws -> [String] {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let stages = ["won", "lost", "open", "negotiation"]
        var revenue: [Int: Int64] = [:]
        var text = "deal_id,client_id,stage,amount,closed_at\n"
        text.reserveCapacity(rows * 48)
        for id in 1...rows {
            let client = Int(next() % 2_000) + 1
            let stage = stages[Int(next() % 4)]
            let kopecks = Int64(next() % 50_000_000) + 1
            let day = Int(next() % 28) + 1, month = Int(next() % 12) + 1
            if stage == "won" { revenue[client, default: 0] += kopecks }
            text += "\(id),\(client),\(stage),\(money(kopecks)),2026-\(twoDigits(month))-\(twoDigits(day))\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let top = revenue.sorted { $0.value > $1.value }.prefix(11)
        precondition(top.count < 11 || Array(top)[9].value != Array(top)[10].value, "a tie at the tenth place")
        return top.prefix(10).map { "\($0.key),\(money($0.value))" }
    }

    /// Kopecks as rubles with two places: 123456 → 1234.56.
    static func money(_ kopecks: Int64) -> String { "\(kopecks / 100).\(twoDigits(Int(kopecks % 100)))" }
    static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    @discardableResult
    static func psql(_ url: String, _ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", command]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "psql", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: err, as: UTF8.self)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
