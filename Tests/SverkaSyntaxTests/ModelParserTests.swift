import XCTest
import SverkaSyntax

/// The `model NAME … end` block: its lines as the parser reads them, and the mistakes it
/// reports with a caret inside the block.
final class ModelParserTests: XCTestCase {
    static let acceptance = """
        model integration
          gain   sales        from 10M to 10.5M
          saving order_hours  from 400 to 150 worth 1200
          saving data_errors  from 120 to 20  worth 3000
          cost   project      900k
          cost   licenses     15k per month
          horizon 12 months
          discount 12%
        end
        """

    private func model(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ModelDefinition? {
        guard case .model(let definition)? = Fixture.statement(text, file: file, line: line) else {
            XCTFail("not a model: \(text)", file: file, line: line)
            return nil
        }
        return definition
    }

    private func printed(_ quantity: ModelQuantity?) -> String {
        switch quantity {
        case .expression(let expression)?: return Printed.expression(expression)
        case .query(let pipeline, _)?: return "query from \(pipeline.source.name) with \(pipeline.steps.count) steps"
        case nil: return "none"
        }
    }

    func testTheIssuesModelReadsLineByLine() throws {
        let definition = try XCTUnwrap(model(Self.acceptance))
        XCTAssertEqual(definition.name.text, "integration")
        XCTAssertEqual(definition.lines.count, 7)
        guard case .effect(let sales) = definition.lines[0].kind,
              case .effect(let hours) = definition.lines[1].kind,
              case .cost(let project) = definition.lines[3].kind,
              case .cost(let licenses) = definition.lines[4].kind,
              case .horizon(let horizon, let unit) = definition.lines[5].kind,
              case .discount(let discount) = definition.lines[6].kind else {
            return XCTFail("lines in the wrong shape: \(definition.lines.map(\.kind))")
        }
        XCTAssertEqual(sales.direction, .gain)
        XCTAssertEqual(printed(sales.before), "10000000")
        XCTAssertEqual(printed(sales.after), "10500000")
        XCTAssertEqual(printed(sales.worth), "none")
        XCTAssertEqual(sales.period.unit, .year)
        XCTAssertNil(sales.period.span, "a year is the default, not written")
        XCTAssertEqual(hours.direction, .saving)
        XCTAssertEqual(printed(hours.worth), "1200")
        XCTAssertEqual(printed(project.amount), "900000")
        XCTAssertNil(project.period)
        XCTAssertEqual(licenses.period?.unit, .month)
        XCTAssertEqual(Fixture.slice(Self.acceptance, licenses.period?.span), "per month")
        XCTAssertEqual(printed(horizon), "12")
        XCTAssertEqual(unit, .months)
        XCTAssertEqual(printed(discount), "12e-2")
        XCTAssertEqual(Fixture.slice(Self.acceptance, definition.lines[1].span), "saving order_hours  from 400 to 150 worth 1200")
        XCTAssertEqual(Fixture.slice(Self.acceptance, definition.span), Self.acceptance)
    }

    func testNumbersMayBeExpressionsVariablesAndQueries() throws {
        let text = """
            model data
              saving errors from rows(mismatches) to $target * 0.5 worth 3k per month
              gain hours from (from orders
                               | group (h = sum(hours))) to 150
              cost project 1.2M per year
              horizon 2 years
            end
            """
        let definition = try XCTUnwrap(model(text))
        guard case .effect(let errors) = definition.lines[0].kind, case .effect(let hours) = definition.lines[1].kind,
              case .cost(let project) = definition.lines[2].kind, case .horizon(_, let unit) = definition.lines[3].kind else {
            return XCTFail("lines in the wrong shape")
        }
        XCTAssertEqual(printed(errors.before), "rows(mismatches)")
        XCTAssertEqual(printed(errors.after), "(* $target 5e-1)")
        XCTAssertEqual(printed(errors.worth), "3000")
        XCTAssertEqual(errors.period.unit, .month)
        XCTAssertEqual(printed(hours.before), "query from orders with 1 steps")
        XCTAssertEqual(Fixture.slice(text, hours.before.span), "(from orders\n                   | group (h = sum(hours)))")
        XCTAssertEqual(project.period?.unit, .year)
        XCTAssertEqual(unit, .years)
    }

    func testSemicolonsSeparateLinesAndStatementsFollowTheEnd() throws {
        let statements = Fixture.parse("model m; gain a from 1 to 2; cost p 1; end; tables\ntables")
        XCTAssertEqual(statements.count, 3)
        guard case .model(let definition)? = statements.first?.kind else { return XCTFail("no model first") }
        XCTAssertEqual(definition.lines.count, 2)
    }

    func testCommentsAndBlankLinesInsideTheBlock() throws {
        let text = """
            model m   # what the project returns

              # effects
              gain a from 1 to 2   # a comment after a line

              cost p 1
            end
            tables
            """
        let statements = Fixture.parse(text)
        XCTAssertEqual(statements.count, 2)
        guard case .model(let definition)? = statements.first?.kind else { return XCTFail("no model first") }
        XCTAssertEqual(definition.lines.count, 2)
    }

    func testAQuotedNameAndCyrillic() throws {
        let definition = try XCTUnwrap(model("model `Внедрение CRM`\n  saving часы from 400 to 150 worth 1.2k\n  cost проект 1M\nend"))
        XCTAssertEqual(definition.name.text, "Внедрение CRM")
        guard case .effect(let hours) = definition.lines[0].kind else { return XCTFail("no effect") }
        XCTAssertEqual(hours.name.text, "часы")
    }

    // MARK: - Mistakes

    func testMissingFromPointsAtWhatCameInstead() {
        let text = "model m\n  gain sales 10M to 11M\n  cost p 1\nend"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "expected 'from' after 'sales', found '10M'")
        XCTAssertEqual(Fixture.slice(text, error.span), "10M")
        XCTAssertTrue(error.hints.contains { $0.contains("gain sales from 10M to 10.5M") }, "\(error.hints)")
    }

    func testMissingToAndAMissingNumber() {
        let missingTo = "model m\n  saving h from 400 150\n  cost p 1\nend"
        XCTAssertEqual(Fixture.error(missingTo).message, "expected 'to' after '400', found '150'")
        let missingNumber = "model m\n  saving h from 400 to\n  cost p 1\nend"
        let error = Fixture.error(missingNumber)
        XCTAssertEqual(error.message, "expected a number after 'to'")
        XCTAssertEqual(Fixture.slice(missingNumber, error.span), "", "a missing thing points right after 'to'")
        XCTAssertEqual(error.span?.start, missingNumber.utf8.count - "\n  cost p 1\nend".utf8.count)
    }

    func testNoEndPointsAtTheHeader() {
        let text = "model m\n  gain a from 1 to 2\n  cost p 1"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "the model 'm' is not closed: expected a line 'end'")
        XCTAssertEqual(Fixture.slice(text, error.span), "model m")
    }

    func testAStatementInsideAnUnclosedBlockSuggestsTheMissingEnd() {
        let text = "model m\n  gain a from 1 to 2\n  cost p 1\ntables"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "unknown model line 'tables'")
        XCTAssertTrue(error.hints.contains("'tables' starts a statement: is the model's 'end' line missing before it?"), "\(error.hints)")
    }

    func testUnknownLineSuggestsTheClosestWord() {
        let text = "model m\n  savng a from 2 to 1\n  cost p 1\nend"
        let error = Fixture.error(text)
        XCTAssertEqual(error.message, "unknown model line 'savng'")
        XCTAssertEqual(error.hints.first, "did you mean 'saving'?")
        XCTAssertEqual(Fixture.slice(text, error.span), "savng")
    }

    func testOtherMistakesOnALine() {
        let cases: [(String, String, String)] = [
            ("model m\n  cost p from 1 to 2\nend", "a cost is one amount, not a change from one value to another", "from"),
            ("model m\n  cost p 5 per week\nend", "expected 'month' or 'year' after 'per', found 'week'", "week"),
            ("model m\n  gain a from 1 to 2 worth 3 worth 4\nend", "'worth' is given twice on this line", "worth"),
            ("model m\n  gain a from 1 to 2 each 3\nend", "expected 'worth', 'per month' or the end of the line, found 'each'", "each"),
            ("model m\n  horizon 12 weeks\nend", "expected 'months', 'years' or the end of the line, found 'weeks'", "weeks"),
            ("model m\n  cost p 1\nend roi m", "unexpected 'roi' after 'end'", "roi"),
        ]
        for (text, message, caret) in cases {
            let error = Fixture.error(text)
            XCTAssertEqual(error.message, message, text)
            XCTAssertEqual(Fixture.slice(text, error.span), caret, text)
        }
    }

    func testModelNotAsABlock() {
        let error = Fixture.error("model show integration")
        XCTAssertEqual(error.message, "unexpected 'integration' after 'model show'")
        XCTAssertTrue(error.hints.contains { $0.hasPrefix("a model is a block") }, "\(error.hints)")
        XCTAssertEqual(Fixture.error("model").message, "expected a model name after 'model'")
        XCTAssertEqual(Fixture.error("model m").message, "the model 'm' has no lines and no 'end'")
    }

    func testEndWithNoModel() {
        let error = Fixture.error("tables\nend")
        XCTAssertEqual(error.message, "'end' closes a model, but no model is open here")
    }

    func testADiagnosticCanPointIntoKeptText() {
        // A model kept in the workspace is parsed from its own text: errors found when it runs
        // are drawn under that text, whatever statement ran it.
        let kept = SourceText(name: "model integration", text: "model integration\n  saving e from rows(errs) to 0\nend")
        let statement = SourceText(name: "-c", text: "roi integration")
        let span = Span(start: 39, end: 43)
        XCTAssertEqual(kept.slice(span), "errs")
        let rendered = DiagnosticRenderer().render(Diagnostic("unknown table 'errs'", at: span).pointing(into: kept), in: statement)
        XCTAssertEqual(rendered, """
            error: unknown table 'errs'
             --> model integration:2:22
              |
            2 |   saving e from rows(errs) to 0
              |                      ^^^^

            """)
        let other = SourceText(name: "other", text: "x")
        XCTAssertEqual(Diagnostic("d", at: span).pointing(into: kept).pointing(into: other).source?.name, "model integration",
                       "the first text it was pointed into stays")
    }

    func testRandomBlocksNeverCrashTheParserOrTheREPL() {
        let pieces = ["model", "m", "end", "gain", "saving", "cost", "horizon", "discount", "from", "to", "worth", "per", "month",
                      "year", "1", "2.5", "10M", "12%", "(", ")", "|", ";", "\n", "#", "\"", "$x", "rows(t)", ",", "=", "-"]
        var random = Generator(state: 2026)
        for _ in 0..<2_000 {
            var text = "model m\n"
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &random)] + " "
            }
            _ = try? Fixture.parser.parse(Fixture.source(text))
            _ = StatementCompleteness.needsMoreInput(text)
        }
    }

    func testEveryBrokenStatementIsReported() {
        // The block ends at its own end line; the statements after it are parsed on their own.
        let errors = Fixture.errors("model m\n  gain a 1 to 2\nend\nfrom\nmodel n\n  cost p\nend")
        XCTAssertEqual(errors.map(\.message), ["expected 'from' after 'a', found '1'", "expected a table name after 'from'",
                                               "expected an amount after 'p'"])
    }
}

/// SplitMix64, so the random texts are the same on every run.
private struct Generator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
