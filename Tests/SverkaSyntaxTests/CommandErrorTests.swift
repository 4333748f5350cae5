import XCTest
import SverkaSyntax

/// Wrong command input: missing slots and clauses, leftovers, repeats.
final class CommandErrorTests: XCTestCase {
    func testMissingRequiredSlot() {
        let error = Fixture.error("load")
        XCTAssertEqual(error.message, "expected path after 'load'")
        XCTAssertEqual(error.span, Span(start: 4, end: 4))
        XCTAssertEqual(error.hints, ["usage: load PATH as NAME [with (key: value, …)]"])
        XCTAssertEqual(Fixture.error("load as d").message, "expected path after 'load', found 'as'")
        XCTAssertEqual(Fixture.error("set format").message, "expected value after 'set format'")
    }

    func testUnquotedPath() {
        let error = Fixture.error("load deals.csv as d")
        XCTAssertEqual(error.message, "expected path after 'load', found 'deals'")
        XCTAssertEqual(error.hints.first, "put it in quotes: \"deals\"")
    }

    func testMissingRequiredClause() {
        let error = Fixture.error("load \"d.csv\"")
        XCTAssertEqual(error.message, "the 'load' command needs 'as NAME'")
        XCTAssertEqual(error.span, Span(start: 12, end: 12))
    }

    func testLeftoverWords() {
        let error = Fixture.error("load \"d.csv\" az d")
        XCTAssertEqual(error.message, "unexpected 'az' after the 'load' command")
        XCTAssertEqual(error.hints, ["did you mean 'as'?", "usage: load PATH as NAME [with (key: value, …)]"])
        XCTAssertEqual(error.span, Span(start: 13, end: 15))
        XCTAssertEqual(Fixture.error("tables now").message, "unexpected 'now' after the 'tables' command")
    }

    func testBareQueryFollowedByAPipe() {
        let error = Fixture.error("explain deals | take 1")
        XCTAssertEqual(error.message, "unexpected '|' after the 'explain' command")
        XCTAssertEqual(error.hints.first, "a query with steps starts with 'from': explain from TABLE | …")
    }

    func testClauseGivenTwice() {
        let error = Fixture.error("load \"d.csv\" as a as b")
        XCTAssertEqual(error.message, "the 'as' clause is given twice")
        XCTAssertEqual(error.span, Span(start: 18, end: 20))
    }

    func testWrongChoice() {
        let error = Fixture.error("report profti")
        XCTAssertEqual(error.message, "expected one of profit, aging after 'report', found 'profti'")
        XCTAssertEqual(error.hints.first, "did you mean 'profit'?")
    }

    func testOptionMistakes() {
        XCTAssertEqual(Fixture.error("load \"d\" as d with header: true").message, "expected '(' with options after 'with', found 'header'")
        XCTAssertEqual(Fixture.error("load \"d\" as d with (header true)").message, "expected ':' after 'header', found 'true'")
        XCTAssertEqual(Fixture.error("load \"d\" as d with (a: 1, a: 2)").message, "option 'a' is given twice")
        XCTAssertEqual(Fixture.error("load \"d\" as d with (a: 1").message, "expected ')' to close the '(' opened here")
    }

    func testRangeNeedsTo() {
        XCTAssertEqual(Fixture.error("report profit from @2026-01-01").message, "expected 'to' after '@2026-01-01'")
    }
}
