import XCTest
import SverkaSyntax

/// A `model NAME` line opens a block that the REPL keeps gathering (continuation prompt) until a
/// line that starts with `end`, the same rule as in scripts.
final class ModelCompletenessTests: XCTestCase {
    func testTheHeaderAndEveryLineBeforeEndAskForMore() {
        let lines = ["model integration", "  gain sales from 10M to 10.5M", "  cost project 900k", "", "  # a comment",
                     "  horizon 12 months"]
        var text = ""
        for line in lines {
            text += (text.isEmpty ? "" : "\n") + line
            XCTAssertTrue(StatementCompleteness.needsMoreInput(text), text)
        }
        XCTAssertFalse(StatementCompleteness.needsMoreInput(text + "\nend"))
        XCTAssertFalse(StatementCompleteness.needsMoreInput(text + "\n  end   # done"))
    }

    func testEndMustStartALine() {
        XCTAssertTrue(StatementCompleteness.needsMoreInput("model m\n  cost end 1"), "'end' as a name does not close")
        XCTAssertTrue(StatementCompleteness.needsMoreInput("model m\n  cost p (1 +\nend"), "an open bracket holds the end line")
        XCTAssertFalse(StatementCompleteness.needsMoreInput("model m\n  cost p (1 +\n2)\nend"))
    }

    func testOneLineForms() {
        XCTAssertFalse(StatementCompleteness.needsMoreInput("model m; gain a from 1 to 2; cost p 1; end"))
        XCTAssertTrue(StatementCompleteness.needsMoreInput("model m; gain a from 1 to 2"))
        XCTAssertTrue(StatementCompleteness.needsMoreInput("tables; model m"))
        XCTAssertFalse(StatementCompleteness.needsMoreInput("model m; cost p 1; end; tables"))
    }

    func testWhatIsNotABlockHeader() {
        for text in ["model show integration", "model", "models", "roi integration", "from model", "print \"model m\"",
                     "`model` m", "model m\nend\n"] {
            XCTAssertFalse(StatementCompleteness.needsMoreInput(text), text)
        }
    }
}
