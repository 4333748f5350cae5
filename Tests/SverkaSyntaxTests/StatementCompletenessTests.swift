import XCTest
import SverkaSyntax

/// When the REPL should show a continuation prompt instead of running the line.
final class StatementCompletenessTests: XCTestCase {
    func testCompleteStatements() {
        for text in ["", "   ", "from deals", "from deals | take 1", "help", "# just a comment", "from d | where x > 1 # note |",
                     "load \"a.csv\" as a", "from d | select (a + b)", "x)", "from d;"] {
            XCTAssertFalse(StatementCompleteness.needsMoreInput(text), text)
        }
    }

    func testUnfinishedStatements() {
        for text in ["from deals |", "from deals |   # more to come", "from d | select a,", "from d | where (a > 1",
                     "load \"a.csv\" as a with (", "sql \"select *", "from d | where x in [1", "from d |\n\n",
                     "load \"a.csv\" as a with (\n  header: true,\n  types: (inn: text)"] {
            XCTAssertTrue(StatementCompleteness.needsMoreInput(text), text)
        }
    }

    func testClosedAfterContinuing() {
        XCTAssertFalse(StatementCompleteness.needsMoreInput("from d |\n  take 1"))
        XCTAssertFalse(StatementCompleteness.needsMoreInput("sql \"select *\n from d\""))
        XCTAssertFalse(StatementCompleteness.needsMoreInput("load \"a\" as a with (\n header: true\n)"))
    }

    func testPipeInsideAStringOrCommentDoesNotCount() {
        XCTAssertFalse(StatementCompleteness.needsMoreInput("print \"a |\""))
        XCTAssertFalse(StatementCompleteness.needsMoreInput("print 1 # |"))
    }

    func testGarbageNeverHangsTheREPL() {
        XCTAssertFalse(StatementCompleteness.needsMoreInput("\u{0}\u{1}"))
        XCTAssertFalse(StatementCompleteness.needsMoreInput("`unterminated name"))
    }
}
