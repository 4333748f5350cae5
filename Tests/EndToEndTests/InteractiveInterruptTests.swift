import Foundation
import XCTest

/// Ctrl-C cancels the running query or the line being typed, never the shell.
final class InteractiveInterruptTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testCtrlCStopsASlowQueryAndTheShellGoesOn() throws {
        try shell.write(InteractiveDeals.many(300), to: "deals.csv")
        try shell.start()
        try shell.load("deals.csv", as: "deals", rows: 300)
        // 300⁴ rows: hours of work, so only Ctrl-C ends it.
        shell.type(#"sql "select count(*) from deals a, deals b, deals c, deals d""#)
        shell.press("Enter")
        try shell.waitFor("the query to start") { TmuxSession.lastLine(of: $0).hasSuffix(#"deals d""#) }
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(TmuxSession.lastLine(of: shell.screen()).hasSuffix(#"deals d""#), "the query was not running:\n\(shell.screen())")

        let pressed = Date()
        shell.press("C-c")
        let screen = try shell.waitFor("the prompt after Ctrl-C", timeout: 5) {
            $0.contains("interrupted") && TmuxSession.lastLine(of: $0) == TmuxSession.prompt
        }
        let elapsed = Date().timeIntervalSince(pressed)
        XCTAssertLessThan(elapsed, 2, "Ctrl-C took \(elapsed) s to stop the query")
        XCTAssertTrue(screen.contains("error: query interrupted"), screen)
        let output = try shell.run("print 1+1")
        XCTAssertEqual(output, "2")
    }

    func testCtrlCAtThePromptDiscardsTheHalfTypedLine() throws {
        try shell.start()
        shell.type("print 999")
        try shell.waitFor(text: "sverka> print 999")
        shell.press("C-c")
        try shell.waitForEmptyPrompt()
        let output = try shell.run("print 3")
        XCTAssertEqual(output, "3")
        XCTAssertFalse(shell.transcript().contains("\n999"), shell.transcript())
    }

    func testCtrlCAtTheContinuationPromptDiscardsTheWholeStatement() throws {
        try shell.start()
        shell.type("print (1 +")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.press("C-c")
        try shell.waitForEmptyPrompt()
        let output = try shell.run("print 5")
        XCTAssertEqual(output, "5")
    }
}
