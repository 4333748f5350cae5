import Foundation
import XCTest

/// The model typed at a real terminal: each line after `model integration` gets the
/// continuation prompt until `end`, the model is defined, `roi integ⇥` completes its name, and
/// the report is the same as the one a script prints.
final class InteractiveModelTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    static let lines = [
        "  gain   sales        from 10M to 10.5M",
        "  saving order_hours  from 400 to 150 worth 1200",
        "  saving data_errors  from 120 to 20  worth 3000",
        "  cost   project      900k",
        "  cost   licenses     15k per month",
        "  discount 12%",
    ]

    func testAModelBlockContinuesUntilEndAndRuns() throws {
        try shell.start()
        shell.type("model integration")
        shell.press("Enter")
        try shell.waitForContinuationPrompt()
        for line in Self.lines {
            shell.type(line)
            shell.press("Enter")
            try shell.waitForContinuationPrompt()
        }
        shell.type("end")
        let defined = try shell.submit()
        XCTAssertTrue(defined.contains("defined model integration: 3 effects, 2 costs"), defined)
        XCTAssertTrue(defined.contains("as the data stands: ROI 1.9% over 12 months, payback in month 12"), defined)

        shell.type("roi integ")
        shell.press("Tab")
        try shell.waitFor(text: "sverka> roi integration")
        let report = try shell.submit()
        let expected = try SverkaProcess.run(["-c", (["model integration"] + Self.lines + ["end", "roi integration"]).joined(separator: "\n")],
                                             in: shell.folder)
        XCTAssertEqual(expected.exitCode, 0, expected.stderr)
        XCTAssertEqual(TmuxSession.tableLines(in: report), TmuxSession.tableLines(in: expected.stdout))
        XCTAssertTrue(report.contains("│ ROI %"), report)
        XCTAssertTrue(report.contains("│ payback month │"), report)

        // The block is one entry of the history: Up brings it back whole.
        shell.press("Up")
        shell.press("Up")
        try shell.waitFor(text: "cost   licenses     15k per month")
    }
}
