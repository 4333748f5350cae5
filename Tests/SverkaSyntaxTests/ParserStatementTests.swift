import XCTest
import SverkaSyntax

/// `let` forms and where statements begin and end.
final class ParserStatementTests: XCTestCase {
    func testLetQuery() {
        guard case .letQuery(let name, let pipeline)? = Fixture.statement("let big = from deals | where amount > 1M") else {
            return XCTFail("not a named query")
        }
        XCTAssertEqual(name.text, "big")
        XCTAssertEqual(pipeline.steps.count, 1)
    }

    func testLetQueryInParentheses() {
        guard case .letQuery(let name, let pipeline)? = Fixture.statement("let big = (from deals | take 1)") else {
            return XCTFail("not a named query")
        }
        XCTAssertEqual(name.text, "big")
        XCTAssertEqual(pipeline.source.name.description, "deals")
    }

    func testLetValue() {
        guard case .letValue(let name, let value)? = Fixture.statement("let as_of = @2026-11-30") else {
            return XCTFail("not a variable")
        }
        XCTAssertEqual(name.text, "as_of")
        XCTAssertEqual(Printed.expression(value), "@2026-11-30")
        guard case .letValue(let other, let sum)? = Fixture.statement("let `порог` = $base * 1.2") else {
            return XCTFail("not a variable")
        }
        XCTAssertEqual(other.text, "порог")
        XCTAssertEqual(Printed.expression(sum), "(* $base 12e-1)")
    }

    func testStatementSpansCoverTheStatement() {
        let text = "let big = from deals | where amount > 1M   # a view\nfrom big"
        let statements = Fixture.parse(text)
        XCTAssertEqual(statements.map { Fixture.slice(text, $0.span) }, ["let big = from deals | where amount > 1M", "from big"])
    }

    func testNewlineEndsAStatement() {
        XCTAssertEqual(Fixture.parse("from a\nfrom b\n\n\nfrom c").count, 3)
    }

    func testSemicolonSeparatesStatementsOnALine() {
        let statements = Fixture.parse("from a; from b | take 1;; from c;")
        XCTAssertEqual(statements.count, 3)
    }

    func testTrailingPipeContinues() {
        XCTAssertEqual(Fixture.steps("from a |\n  where x > 1 |\n  take 2").count, 2)
    }

    func testLeadingPipeContinuesPastBlankAndCommentLines() {
        let text = "from a\n\n  # only the won ones\n  | where won\n\n  | take 2\nfrom b"
        let statements = Fixture.parse(text)
        XCTAssertEqual(statements.count, 2)
        guard case .query(let first)? = statements.first?.kind else { return XCTFail("no query") }
        XCTAssertEqual(first.steps.count, 2)
    }

    func testTrailingCommaContinues() {
        guard case .select(let items)? = Fixture.steps("from a | select x,\n  y,\n  z").first else { return XCTFail("no select") }
        XCTAssertEqual(items.count, 3)
    }

    func testOpenParenthesisContinues() {
        guard case .group(_, let aggregates)? = Fixture.steps("from a | group k (\n  n = count(),\n  s = sum(x)\n)").first else {
            return XCTFail("no group")
        }
        XCTAssertEqual(aggregates.count, 2)
    }

    func testOpenStringContinues() {
        guard case .command(let invocation)? = Fixture.statement("sql \"select *\n  from deals\"") else {
            return XCTFail("no command")
        }
        XCTAssertEqual(invocation.argument("statement")?.value, .string("select *\n  from deals", Span(start: 4, end: 27)))
    }

    func testWindowsLineEndings() {
        let statements = Fixture.parse("from a\r\n  | take 1\r\nfrom b\r\n")
        XCTAssertEqual(statements.count, 2)
    }

    func testBlankAndCommentOnlyInputIsAnEmptyScript() {
        XCTAssertEqual(Fixture.parse("").count, 0)
        XCTAssertEqual(Fixture.parse("\n  \n# nothing\n;\n").count, 0)
    }

    func testScriptKeepsItsSource() throws {
        let script = try Fixture.parser.parse(SourceText(name: "x.sv", text: "tables"))
        XCTAssertEqual(script.source.name, "x.sv")
    }
}
