import Foundation
import XCTest

/// Whole statements in the history, across sessions.
final class InteractiveHistoryTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
        try shell.write(InteractiveDeals.csv, to: "deals.csv")
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testMultiLineStatementIsRecalledWholeAfterARestart() throws {
        // A workspace file, so the table is still there in the second session.
        try shell.start(["--no-init", "work.sverka"])
        try shell.load("deals.csv", as: "deals", rows: 7)
        shell.type("from deals |")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.type(#"  where stage == "won" | group (n = count())"#)
        let first = TmuxSession.tableLines(in: try shell.submit())
        XCTAssertEqual(first, ["┌───┐", "│ n │", "├───┤", "│ 4 │", "└───┘"])

        shell.press("C-d")
        try shell.waitFor(text: "[sverka exited 0]")
        XCTAssertTrue(FileManager.default.fileExists(atPath: shell.historyFile.path), "no history file was written")

        try shell.start(["--no-init", "work.sverka"])
        shell.press("Up")
        let recalled = try shell.waitFor("the multi-line statement recalled by Up") {
            $0.hasSuffix("sverka> from deals |\n  where stage == \"won\" | group (n = count())")
        }
        XCTAssertFalse(recalled.contains("load \"deals.csv\""), "Up recalled more than the last statement:\n\(recalled)")
        let again = try shell.submit()
        XCTAssertEqual(TmuxSession.tableLines(in: again), first, again)
        XCTAssertTrue(again.hasSuffix("1 row"), again)
    }
}
