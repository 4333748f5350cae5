import XCTest
import SverkaSyntax

/// Diagnostics as the user sees them: the caret must sit under exactly the right text.
final class DiagnosticRenderingTests: XCTestCase {
    func testUnknownStep() {
        XCTAssertEqual(Fixture.rendered("from d | wher amount > 1"), """
        error: unknown step 'wher'
         --> -c:1:10
          |
        1 | from d | wher amount > 1
          |          ^^^^
          = hint: did you mean 'where'?
          = hint: steps: where, select, derive, join, left join, group, sort, take, distinct, append

        """)
    }

    func testMissingExpressionCaretAfterTheKeyword() {
        XCTAssertEqual(Fixture.rendered("from d | where"), """
        error: expected an expression after 'where'
         --> -c:1:15
          |
        1 | from d | where
          |               ^
          = hint: where amount > 1000

        """)
    }

    func testUnclosedParenthesisOnAnEarlierLine() {
        XCTAssertEqual(Fixture.rendered("from d\n  | where (amount > 1\n    and x"), """
        error: expected ')' to close the '(' opened here
         --> -c:2:11
          |
        2 |   | where (amount > 1
          |           ^

        """)
    }

    func testCyrillicColumnsCountAsOneColumnEach() {
        XCTAssertEqual(Fixture.rendered("from сделки | where Сумма > 99999999999999999999"), """
        error: number 99999999999999999999 is too large
         --> -c:1:29
          |
        1 | from сделки | where Сумма > 99999999999999999999
          |                             ^^^^^^^^^^^^^^^^^^^^
          = hint: numbers must lie within ±9,223,372,036,854,775,807

        """)
    }

    func testUnterminatedStringPointsAtTheQuote() {
        XCTAssertEqual(Fixture.rendered("load \"deals.csv as deals"), """
        error: unterminated string
         --> -c:1:6
          |
        1 | load "deals.csv as deals
          |      ^
          = hint: close it with "

        """)
    }

    func testSpacedCall() {
        XCTAssertEqual(Fixture.rendered("from d | group region (n = count ())"), """
        error: unexpected '('
         --> -c:1:34
          |
        1 | from d | group region (n = count ())
          |                                  ^
          = hint: a function call has no space before '(' (write 'count(')

        """)
    }

    func testSeveralStatementsSeveralErrors() {
        XCTAssertEqual(Fixture.rendered("lod \"x\" as x\nfrom d | where x > 1 | take\n"), """
        error: unknown command 'lod'
         --> -c:1:1
          |
        1 | lod "x" as x
          | ^^^
          = hint: did you mean 'load'?
        error: expected an expression after 'take'
         --> -c:2:28
          |
        2 | from d | where x > 1 | take
          |                            ^
          = hint: take 10

        """)
    }

    func testImpossibleDate() {
        XCTAssertEqual(Fixture.rendered("let d = @2026-02-30"), """
        error: no such date
         --> -c:1:9
          |
        1 | let d = @2026-02-30
          |         ^^^^^^^^^^^
          = hint: 2026-02 has 28 days

        """)
    }
}
