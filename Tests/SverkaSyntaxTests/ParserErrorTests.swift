import XCTest
import SverkaSyntax

/// What the parser says about wrong input: the message, the span, the hints.
final class ParserErrorTests: XCTestCase {
    func testStepAtStatementStart() {
        let error = Fixture.error("where x > 1")
        XCTAssertEqual(error.message, "'where' is a step; steps follow '|' after 'from TABLE'")
        XCTAssertEqual(error.span, Span(start: 0, end: 5))
    }

    func testUnknownCommandWithSuggestion() {
        let error = Fixture.error("lod \"x.csv\" as x")
        XCTAssertEqual(error.message, "unknown command 'lod'")
        XCTAssertEqual(error.hints, ["did you mean 'load'?"])
        XCTAssertEqual(Fixture.error("fromm deals").hints, ["did you mean 'from'?"])
    }

    func testUnknownCommandWithoutSuggestion() {
        let error = Fixture.error("frobnicate")
        XCTAssertEqual(error.message, "unknown command 'frobnicate'")
        XCTAssertEqual(error.hints, ["type 'help' for the list of commands"])
    }

    func testUnknownStep() {
        let error = Fixture.error("from d | wher x > 1")
        XCTAssertEqual(error.message, "unknown step 'wher'")
        XCTAssertEqual(error.hints.first, "did you mean 'where'?")
        XCTAssertEqual(error.span, Span(start: 9, end: 13))
    }

    func testMissingExpressionPointsRightAfterTheKeyword() {
        let error = Fixture.error("from d | where")
        XCTAssertEqual(error.message, "expected an expression after 'where'")
        XCTAssertEqual(error.span, Span(start: 14, end: 14))
        XCTAssertEqual(Fixture.error("from d | where   | take 1").span, Span(start: 14, end: 14))
    }

    func testMissingTableName() {
        let error = Fixture.error("from")
        XCTAssertEqual(error.message, "expected a table name after 'from'")
        XCTAssertEqual(error.span, Span(start: 4, end: 4))
        XCTAssertEqual(Fixture.error("from 12").message, "expected a table name after 'from', found '12'")
    }

    func testDeriveNeedsNames() {
        let text = "from d | derive total = a + b, a * 2"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "derive needs a name: derive total = …")
        XCTAssertEqual(Fixture.slice(text, error.span), "a * 2")
    }

    func testSpacedCallIsExplained() {
        let error = Fixture.error("from d | select sum (amount)")
        XCTAssertEqual(error.message, "unexpected '('")
        XCTAssertEqual(error.hints, ["a function call has no space before '(' (write 'sum(')"])
        XCTAssertEqual(error.span, Span(start: 20, end: 21))
        XCTAssertEqual(Fixture.error("from d | where round (x) > 1").message, "unexpected '('")
        XCTAssertEqual(Fixture.error("expect rows (d) > 1").message, "unexpected '('")
    }

    func testGroupKeyWrittenAsACall() {
        let error = Fixture.error("from d | group region(n = count())")
        XCTAssertTrue(error.hints.contains("to give the aggregates of the group, put a space before '(': group region (…)"), "\(error.hints)")
    }

    func testSingleEqualsOutsideWhere() {
        let error = Fixture.error("from d | select a.b = 1")
        XCTAssertEqual(error.message, "expected '|' or the end of the statement, found '='")
        XCTAssertEqual(error.hints, ["write '==' to compare two values"])
        XCTAssertEqual(Fixture.error("let x = a = b").message, "expected an operator or the end of the statement, found '='")
    }

    func testChainedComparison() {
        let error = Fixture.error("from d | where a < b < c")
        XCTAssertEqual(error.message, "comparisons cannot be chained")
        XCTAssertEqual(error.span, Span(start: 21, end: 22))
    }

    func testUnclosedParenthesisPointsAtTheOpener() {
        let error = Fixture.error("from d | where (a + b > 1")
        XCTAssertEqual(error.message, "expected ')' to close the '(' opened here")
        XCTAssertEqual(error.span, Span(start: 15, end: 16))
    }

    func testWrongTokenInsideParentheses() {
        let error = Fixture.error("from d | where (a + b c) > 1")
        XCTAssertEqual(error.message, "expected ')', found 'c'")
        XCTAssertEqual(error.hints, ["the '(' it closes was opened at line 1, column 16"])
        XCTAssertEqual(Fixture.error("from d | where sum(a b) > 1").message, "expected ',' or ')' in the call to 'sum', found 'b'")
    }

    func testMissingPipeBeforeAStep() {
        let error = Fixture.error("from d where x > 1")
        XCTAssertEqual(error.message, "expected '|' before 'where'")
        XCTAssertEqual(error.span, Span(start: 7, end: 12))
    }

    func testFromAfterPipe() {
        XCTAssertEqual(Fixture.error("from a | from b").message, "'from' cannot follow '|': a pipeline has one 'from', at its start")
    }

    func testJoinNeedsACondition() {
        let error = Fixture.error("from d | join clients")
        XCTAssertEqual(error.message, "expected 'on' or 'using' after 'join clients'")
        XCTAssertEqual(Fixture.error("from d | left join c using c_id").message,
                       "expected '(' with the shared column names after 'using', found 'c_id'")
        XCTAssertEqual(Fixture.error("from d | left x").message, "expected 'join' after 'left', found 'x'")
    }

    func testGroupNeedsAggregates() {
        XCTAssertEqual(Fixture.error("from d | group region").message, "expected '(' with the aggregates after 'region'")
        XCTAssertEqual(Fixture.error("from d | group region (n = count()").message, "expected ')' to close the '(' opened here")
    }

    func testAppendNeedsParenthesesForAQuery() {
        let error = Fixture.error("from d | append from e")
        XCTAssertEqual(error.message, "expected a table name or '(from …)' after 'append', found 'from'")
        XCTAssertEqual(error.hints, ["wrap a query in parentheses: append (from archive | where …)"])
    }

    func testInBetweenIsMistakes() {
        XCTAssertEqual(Fixture.error("from d | where a in 1, 2").message, "expected '(' with a list of values after 'in', found '1'")
        XCTAssertEqual(Fixture.error("from d | where a in ()").message, "expected at least one value in 'in (…)'")
        XCTAssertEqual(Fixture.error("from d | where a between 1 or 2").message, "expected 'and' after '1', found 'or'")
        XCTAssertEqual(Fixture.error("from d | where a is 5").message, "expected 'null' or 'not null' after 'is', found '5'")
    }

    func testOperatorWithoutOperand() {
        let error = Fixture.error("from d | where a +")
        XCTAssertEqual(error.message, "expected an expression after '+'")
        XCTAssertEqual(error.span, Span(start: 18, end: 18))
        XCTAssertEqual(Fixture.error("from d | where a and or b").message, "expected an expression after 'and', found 'or'")
    }

    func testLetMistakes() {
        XCTAssertEqual(Fixture.error("let = 1").message, "expected a name after 'let', found '='")
        XCTAssertEqual(Fixture.error("let x == 1").hints, ["'let' takes a single '='"])
        XCTAssertEqual(Fixture.error("let x = deals | take 1").hints, ["a named query starts with 'from': let x = from TABLE | …"])
    }

    func testStatementStartingWithPipeOrLiteral() {
        XCTAssertEqual(Fixture.error("| take 1").message, "unexpected '|' at the start of a statement")
        XCTAssertEqual(Fixture.error("42").message, "expected a command or 'from …', found '42'")
    }

    func testUnexpectedCharacterIsReportedOnceNotEchoed() {
        let errors = Fixture.errors("from d | where a \u{0} b")
        XCTAssertEqual(errors.map(\.message), ["unexpected character U+0000"])
    }

    func testTooLargeNumberInAQuery() {
        let errors = Fixture.errors("from d | where amount > 99999999999999999999999")
        XCTAssertEqual(errors.map(\.message), ["number 99999999999999999999999 is too large"])
    }

    func testOneErrorPerStatementAndRecovery() {
        let errors = Fixture.errors("from d | wher x\nfrom ok\nlod x\nfrom d | take")
        XCTAssertEqual(errors.map(\.message), ["unknown step 'wher'", "unknown command 'lod'", "expected an expression after 'take'"])
    }

    func testErrorsAreCappedAtTwenty() {
        let text = Array(repeating: "wat", count: 100).joined(separator: "\n")
        let errors = Fixture.errors(text)
        XCTAssertEqual(errors.count, 21)
        XCTAssertEqual(errors.last?.message, "too many errors; only the first 20 are shown")
    }

    func testNestingLimit() {
        let text = "from d | where " + String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)
        XCTAssertEqual(Fixture.error(text).message, "expression is nested too deeply")
        XCTAssertEqual(Fixture.error("from d | where " + String(repeating: "-", count: 300) + "a").message,
                       "expression is nested too deeply")
    }

    func testLongOperatorChainIsRefusedBeforeItGetsTooDeep() {
        let text = "from d | where " + Array(repeating: "a", count: 2000).joined(separator: " + ") + " > 1"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "expression is nested too deeply")
    }
}
