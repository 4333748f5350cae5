import Foundation
import XCTest

/// Tab completion at a real terminal: what it inserts is on the screen and in the line that runs.
final class InteractiveCompletionTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
        try shell.write(InteractiveDeals.csv, to: "deals.csv")
        try shell.write("id\n1\n", to: "notes.csv")
        try shell.start()
        try shell.load("deals.csv", as: "deals", rows: 7)
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testTabCompletesATableNameAfterFrom() throws {
        shell.type("from de")
        shell.press("Tab")
        try shell.waitFor("the table name completed") { TmuxSession.lastLine(of: $0) == "sverka> from deals" }
        let output = try shell.submit()
        XCTAssertTrue(output.hasSuffix("7 rows"))
    }

    func testTabCompletesAColumnNameAfterWhere() throws {
        shell.type("from deals | where reg")
        shell.press("Tab")
        try shell.waitFor("the column name completed") { TmuxSession.lastLine(of: $0) == "sverka> from deals | where region" }
        shell.type(#"== "Казань""#)
        let output = try shell.submit()
        XCTAssertTrue(output.hasSuffix("3 rows"), output)
        XCTAssertFalse(output.contains("Москва"), output)
    }

    func testTabCompletesAFileNameInsideLoad() throws {
        shell.type(#"load "dea"#)
        shell.press("Tab")
        try shell.waitFor("the file name completed") { TmuxSession.lastLine(of: $0).hasPrefix(#"sverka> load "deals.csv""#) }
        shell.type(" as again")
        let output = try shell.submit()
        XCTAssertTrue(output.contains("loaded 7 rows into again"))
    }

    func testTabCompletesACyrillicValueInsideAString() throws {
        shell.type(#"from deals | where region == "Моск"#)
        shell.press("Tab")
        try shell.waitFor("the value completed with its closing quote") {
            TmuxSession.lastLine(of: $0) == #"sverka> from deals | where region == "Москва""#
        }
        let output = try shell.submit()
        XCTAssertTrue(output.hasSuffix("3 rows"), output)
        XCTAssertFalse(output.contains("Казань"), output)
    }

    func testTabListsTheValuesWhenSeveralFit() throws {
        shell.type(#"from deals | where stage == ""#)
        shell.press("Tab")
        let screen = try shell.waitFor(text: "negotiation")
        for stage in ["lost", "open", "won"] { XCTAssertTrue(screen.contains(stage), screen) }
        // The line being edited is drawn again under the list, unchanged.
        try shell.waitFor("the line drawn again") { TmuxSession.lastLine(of: $0) == #"sverka> from deals | where stage == ""# }
    }
}
