import Foundation
import XCTest

/// Where results go at a terminal: through the pager when taller than the screen, straight
/// out after `set pager off`, and only results (no prompts, no escapes) into a pipe.
final class InteractiveOutputTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testTeeKeepsLineEditingAndTheFileHoldsOnlyResults() throws {
        try shell.write(InteractiveDeals.csv, to: "deals.csv")
        try shell.start(["--no-init"], pipeline: "| tee out.txt")
        // Results and prompts race to the screen through tee, so wait for text, not for prompts.
        shell.type(#"load "deals.csv" as deals"#)
        shell.press("Enter")
        try shell.waitFor(text: "loaded 7 rows into deals")
        shell.type("from de")
        shell.press("Tab")
        try shell.waitFor(text: "sverka> from deals")
        shell.type(#"| where region == "Каз"#)
        shell.press("Tab")
        // One space before the pipe: the completion added it.
        try shell.waitFor(text: #"sverka> from deals | where region == "Казань""#)
        shell.press("Enter")
        let written = { self.shell.read("out.txt") ?? "" }
        try shell.waitFor("the table in out.txt", read: written) { $0.hasSuffix("3 rows\n") }
        shell.type("print 1+1")
        shell.press("Enter")
        try shell.waitFor("2 in out.txt", read: written) { $0.hasSuffix("3 rows\n2\n") }
        shell.press("C-d")
        try shell.waitFor(text: "[sverka exited 0]")

        let file = try XCTUnwrap(shell.read("out.txt"))
        let expected = try SverkaProcess.run(["-c", """
            load "deals.csv" as deals
            from deals | where region == "Казань"
            print 1+1
            """], in: shell.folder)
        XCTAssertEqual(expected.exitCode, 0, expected.stderr)
        XCTAssertEqual(file, expected.stdout)
        XCTAssertFalse(file.contains("\u{1B}"), "escape sequences in out.txt")
        XCTAssertFalse(file.contains("sverka"), "prompt or banner in out.txt")
    }

    func testResultTallerThanTheScreenGoesThroughThePager() throws {
        try shell.write(InteractiveDeals.many(300), to: "deals.csv")
        try shell.start(["--no-init"], environment: ["PAGER": "sed s/^/P:/"])
        try shell.load("deals.csv", as: "deals", rows: 300)

        let paged = try shell.run("from deals").split(separator: "\n")
        XCTAssertGreaterThan(paged.count, TmuxSession.rows)
        XCTAssertTrue(paged.allSatisfy { $0.hasPrefix("P:") }, "not all lines came through the pager:\n\(paged.joined(separator: "\n"))")
        XCTAssertEqual(paged.last, "P:300 rows (40 shown)")

        // A short result prints directly.
        let short = try shell.run("from deals | take 5").split(separator: "\n")
        XCTAssertEqual(short.last, "5 rows")
        XCTAssertFalse(short.contains { $0.hasPrefix("P:") }, short.joined(separator: "\n"))

        try shell.run("set pager off")
        let direct = try shell.run("from deals").split(separator: "\n")
        XCTAssertEqual(direct.last, "300 rows (40 shown)")
        XCTAssertFalse(direct.contains { $0.hasPrefix("P:") }, direct.joined(separator: "\n"))
    }

    func testLessIsTheDefaultPager() throws {
        try shell.write(InteractiveDeals.many(300), to: "deals.csv")
        try shell.start()
        try shell.load("deals.csv", as: "deals", rows: 300)
        guard TmuxSession.which("less") != nil else {
            // Without less the default pager cannot run, and the result prints as it is.
            let output = try shell.run("from deals")
            XCTAssertTrue(output.hasSuffix("300 rows (40 shown)"), output)
            return
        }
        shell.type("from deals")
        shell.press("Enter")
        let paging = try shell.waitFor("less's ':' prompt") { TmuxSession.lastLine(of: $0) == ":" }
        XCTAssertTrue(paging.contains("│ deal_id │"), paging)
        XCTAssertFalse(paging.contains("sverka>"), "less should fill the screen:\n\(paging)")
        shell.press("q")
        try shell.waitForEmptyPrompt()
        let output = try shell.run("print 1+1")
        XCTAssertEqual(output, "2")
    }

    func testAPagerThatCannotRunLeavesTheResultPrinted() throws {
        try shell.write(InteractiveDeals.many(300), to: "deals.csv")
        try shell.start(["--no-init"], environment: ["PAGER": "no-such-pager-\(UUID().uuidString.prefix(8))"])
        try shell.load("deals.csv", as: "deals", rows: 300)
        let output = try shell.run("from deals")
        XCTAssertTrue(output.hasSuffix("300 rows (40 shown)"), output)
    }
}

/// Piped stdin is a script: no line editor, no prompts, no init file.
final class InteractivePipedInputTests: XCTestCase {
    func testPipedStdinPrintsOnlyResults() throws {
        let folder = try SverkaProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "print 99\n".write(to: folder.appendingPathComponent(".sverkarc"), atomically: true, encoding: .utf8)
        let history = folder.appendingPathComponent("history")
        let result = try SverkaProcess.run([], stdin: Data("print 1\nprint 2\n".utf8), in: folder,
                                           environment: ["HOME": folder.path, "SVERKA_HISTORY": history.path])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1\n2\n")
        XCTAssertEqual(result.stderr, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: history.path), "piped statements went into the history")
    }
}
