import Foundation
import XCTest

/// The command line as a new user meets it: the acceptance steps of the foundation issue.
final class CommandLineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testWonRevenueByClientMatchesAnIndependentSum() throws {
        let fixture = DealsFixture(count: 2_000)
        try write(fixture.csv, to: "deals.csv")
        let result = try SverkaProcess.run(["--format", "csv", "-c", """
            load "deals.csv" as deals
            from deals | where stage == "won" | group client_id (revenue = sum(amount), n = count()) | sort -revenue, client_id | take 20
            """], in: folder)
        XCTAssertEqual(result.exitCode, 0, result.stderr)

        var revenue: [Int: Int64] = [:], count: [Int: Int] = [:]
        for deal in fixture.deals where deal.stage == "won" {
            revenue[deal.clientID, default: 0] += deal.amount
            count[deal.clientID, default: 0] += 1
        }
        let top = revenue.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(20)
        let expected = "client_id,revenue,n\n" + top.map { "\($0.key),\(DealsFixture.format($0.value)),\(count[$0.key] ?? 0)\n" }.joined()
        XCTAssertEqual(result.stdout, expected)
        XCTAssertTrue(result.stderr.contains("loaded 2000 rows into deals"), result.stderr)
    }

    func testAMillionAmountsSumToTheExactKopeck() throws {
        var random = SplitMix(seed: 7)
        var csv = "id,amount\n"
        csv.reserveCapacity(20_000_000)
        var total: Int64 = 0
        for id in 1...1_000_000 {
            let kopecks = Int64(random.next() % 10_000_000_000) - 2_000_000_000   // −20,000,000.00 … 80,000,000.00
            total += kopecks
            csv += "\(id),\(DealsFixture.format(kopecks))\n"
        }
        try write(csv, to: "amounts.csv")
        let result = try SverkaProcess.run(["--format", "csv", "-c", """
            load "amounts.csv" as a
            from a | group (total = sum(amount), n = count())
            """], in: folder)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "total,n\n\(DealsFixture.format(total)),1000000\n")
    }

    func testUnknownTableIsNamedWithACaret() throws {
        let result = try SverkaProcess.run(["-c", "from nosuch"], in: folder)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown table 'nosuch'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 | from nosuch\n  |      ^^^^^^"), result.stderr)
    }

    func testMisspelledColumnSuggestsTheRightOne() throws {
        try write(DealsFixture(count: 10).csv, to: "deals.csv")
        let result = try SverkaProcess.run(["-c", "load \"deals.csv\" as d\nfrom d | where amont > 1"], in: folder)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("unknown column 'amont'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'amount'?"), result.stderr)
        XCTAssertTrue(result.stderr.contains("-c:2:16"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 | from d | where amont > 1\n  |                ^^^^^"), result.stderr)
    }

    func testRunWithSetDefinesTypedVariables() throws {
        try write(DealsFixture(count: 300).csv, to: "deals.csv")
        try write("""
            load "deals.csv" as deals
            from deals | where amount >= $min and closed_at <= $as_of | group (n = count())
            print $label
            """, to: "s.sv")
        let result = try SverkaProcess.run(["run", "s.sv", "--set", "min=1000", "--set", "as_of=2026-10-20",
                                            "--set", "label=готово", "--format", "csv"], in: folder)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let fixture = DealsFixture(count: 300)
        let expected = fixture.deals.filter { deal in
            let closedDay = 10 + deal.id % 18
            let closed = deal.stage == "won" || deal.stage == "lost"
            return deal.amount >= 100_000 && closed && closedDay <= 20
        }.count
        XCTAssertEqual(result.stdout, "n\n\(expected)\nготово\n")
    }

    func testExpectFalseStopsWithExitCodeThree() throws {
        try write("print \"before\"\nexpect false else \"stop\"\nprint \"after\"\n", to: "e.sv")
        let result = try SverkaProcess.run(["run", "e.sv"], in: folder)
        XCTAssertEqual(result.exitCode, 3)
        XCTAssertEqual(result.stdout, "before\n")
        XCTAssertTrue(result.stderr.contains("stop"), result.stderr)
    }

    func testOptionsMayStandAfterRunAndBeforeIt() throws {
        try write("print 1 + 1\n", to: "p.sv")
        for arguments in [["--format", "json", "run", "p.sv"], ["run", "p.sv", "--format", "json"]] {
            let result = try SverkaProcess.run(arguments, in: folder)
            XCTAssertEqual(result.exitCode, 0, result.stderr)
            XCTAssertEqual(result.stdout, "2\n")
        }
    }

    func testUsageErrorsExitWithTwo() throws {
        XCTAssertEqual(try SverkaProcess.run(["--format", "xml", "-c", "help"]).exitCode, 2)
        XCTAssertEqual(try SverkaProcess.run(["run"]).exitCode, 2)
        XCTAssertEqual(try SverkaProcess.run(["run", "missing.sv"], in: folder).exitCode, 2)
        XCTAssertEqual(try SverkaProcess.run(["--set", "noequals", "-c", "help"]).exitCode, 2)
        XCTAssertEqual(try SverkaProcess.run(["--bogus"]).exitCode, 2)
    }

    func testWorkspaceFileKeepsTablesBetweenRuns() throws {
        try write(DealsFixture(count: 50).csv, to: "deals.csv")
        let first = try SverkaProcess.run(["-w", "w.db", "-c", "load \"deals.csv\" as deals\nlet won = from deals | where stage == \"won\""], in: folder)
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let second = try SverkaProcess.run(["w.db", "--format", "csv", "-c", "from won | group (n = count())"], in: folder)
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        let won = DealsFixture(count: 50).deals.filter { $0.stage == "won" }.count
        XCTAssertEqual(second.stdout, "n\n\(won)\n")
    }

    func testStdinIsAScriptWhenItIsNotATerminal() throws {
        let result = try SverkaProcess.run(["--format", "csv"], stdin: Data("let x = 2 * 21\nprint $x\n".utf8))
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "42\n")
    }

    func testAFailedLoadLeavesThePreviousTableAsItWas() throws {
        try write(DealsFixture(count: 20).csv, to: "deals.csv")
        var bad = "deal_id,amount\n"
        for id in 1...70_000 { bad += "\(id),\(id).50\n" }
        bad += "70001,\"12 345,67\"\n"
        try write(bad, to: "bad.csv")
        XCTAssertEqual(try SverkaProcess.run(["-w", "w.db", "-c", "load \"deals.csv\" as t"], in: folder).exitCode, 0)
        let failed = try SverkaProcess.run(["-w", "w.db", "-c", "load \"bad.csv\" as t with (types: (amount: money))"], in: folder)
        XCTAssertEqual(failed.exitCode, 1)
        XCTAssertTrue(failed.stderr.contains("bad.csv:70002"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("12 345,67"), failed.stderr)
        let after = try SverkaProcess.run(["-w", "w.db", "--format", "csv", "-c", "from t | group (n = count(), s = sum(amount))"], in: folder)
        let fixture = DealsFixture(count: 20)
        XCTAssertEqual(after.stdout, "n,s\n20,\(DealsFixture.format(fixture.deals.reduce(0) { $0 + $1.amount }))\n", after.stderr)
    }
}
