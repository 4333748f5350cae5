import Foundation
import XCTest

/// Editing Cyrillic lines, and statements that continue over several lines.
final class InteractiveEditingTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
        try shell.write(InteractiveDeals.csv, to: "deals.csv")
        try shell.start()
        try shell.load("deals.csv", as: "deals", rows: 7)
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testCyrillicLineEditedInTheMiddleRunsAndItsTableLinesUp() throws {
        // A typo in the middle of a Cyrillic word: go back over four letters, delete it, retype.
        shell.type(#"from deals | where region == "МоXква""#)
        try shell.waitFor(text: #"sverka> from deals | where region == "МоXква""#)
        shell.press("Left", "Left", "Left", "Left", "BSpace")
        shell.type("с")
        try shell.waitFor("the edited line") { TmuxSession.lastLine(of: $0) == #"sverka> from deals | where region == "Москва""# }

        let output = try shell.submit()
        let table = TmuxSession.tableLines(in: output)
        XCTAssertTrue(output.hasSuffix("3 rows"), output)
        XCTAssertEqual(table.count, 7, output)   // top, header, rule, three deals, bottom
        XCTAssertEqual(table.filter { $0.contains("Москва") }.count, 3, output)
        XCTAssertFalse(output.contains("Казань"), output)
        // Every Cyrillic letter takes one cell, so a row's last character is its right edge.
        let rightEdges = Set(table.map(\.count))
        XCTAssertEqual(rightEdges.count, 1, "the right edges are at different columns:\n\(output)")
        for line in table { XCTAssertTrue("┐│┤┘".contains(line.last ?? " "), "'\(line)' does not end with a border") }
    }

    func testCtrlRSearchesTheHistory() throws {
        XCTAssertEqual(try shell.run("print 42"), "42")
        XCTAssertEqual(try shell.run("print 7"), "7")
        shell.press("C-r")
        shell.type("42")
        // libedit shows the search as "bck:" under the line it found.
        try shell.waitFor("the search to find the earlier statement") { $0.contains("sverka> print 42\nbck:42") }
        XCTAssertEqual(try shell.submit(), "42")
    }

    func testContinuationPromptForAnOpenBracket() throws {
        shell.type("print (1 +")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.type("2)")
        let output = try shell.submit()
        XCTAssertEqual(output, "3")
    }

    func testContinuationPromptForAnOpenString() throws {
        shell.type(#"print "первая"#)
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.type(#"вторая""#)
        let output = try shell.submit()
        XCTAssertEqual(output, "первая\nвторая")
    }

    func testContinuationPromptForATrailingPipe() throws {
        shell.type("from deals |")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.type("where region == \"Казань\" |")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        shell.type("group (n = count())")
        let output = try shell.submit()
        XCTAssertEqual(TmuxSession.tableLines(in: output), ["┌───┐", "│ n │", "├───┤", "│ 3 │", "└───┘"])
    }

    func testCompleteLineGetsNoContinuationPrompt() throws {
        let output = try shell.run("print 7")
        XCTAssertEqual(output, "7")
        XCTAssertFalse(shell.transcript().contains(TmuxSession.continuationPrompt), shell.transcript())
    }
}
