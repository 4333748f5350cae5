import XCTest
import SverkaSyntax

/// The slot kinds `roi` and `scenario` use: `.overrides` (dotted names = expressions) and
/// `.sweep` (`NAME from A to B step S`) in a repeatable clause; and a kept overrides list read
/// on its own.
final class ModelOverrideSyntaxTests: XCTestCase {
    struct ROIGrammar: CommandGrammar {
        static let syntaxes = [
            CommandSyntax(name: "roi", positionals: [Slot("model", .word(.model)), Slot("scenarios", .choice(["scenarios"]), optional: true)],
                          clauses: [ClauseSyntax(["scenario"], .word(.other)), ClauseSyntax(["with"], .overrides),
                                    ClauseSyntax(["vary"], .sweep, repeatable: true)]),
            CommandSyntax(name: "scenario", positionals: [Slot("name", .word(.other))],
                          clauses: [ClauseSyntax(["of"], .word(.model), required: true), ClauseSyntax(unkeyed: "overrides", .overrides)]),
        ]

        func syntax(for name: String) -> CommandSyntax? { Self.syntaxes.first { $0.name == name } }
        var commandNames: [String] { Self.syntaxes.map(\.name) }
    }

    let parser = Parser(grammar: ROIGrammar())

    private func command(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> CommandInvocation {
        let script = try parser.parse(SourceText(name: "-c", text: text))
        guard case .command(let invocation)? = script.statements.first?.kind else {
            XCTFail("not a command", file: file, line: line)
            throw XCTSkip()
        }
        return invocation
    }

    private func error(_ text: String) -> Diagnostic? {
        do {
            _ = try parser.parse(SourceText(name: "-c", text: text))
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    func testOverridesTakeDottedNames() throws {
        let text = "roi integration with (cost.project = 1.2M, data_errors.to = 40, horizon = 24)"
        let invocation = try command(text)
        guard case .assignments(let items)? = invocation.clause("with")?.value else { return XCTFail("no overrides") }
        XCTAssertEqual(Printed.items(items), "cost.project = 1200000, data_errors.to = 40, horizon = 24")
        XCTAssertEqual(Fixture.slice(text, items[0].name?.span), "cost.project")
    }

    func testTwoVariesInOrder() throws {
        let text = "roi m vary cost.project from 500k to 2M step 250k vary data_errors.to from 10 to 60 step 10"
        let invocation = try command(text)
        let sweeps = invocation.clauses("vary").compactMap { clause -> Sweep? in
            if case .sweep(let sweep) = clause.value { return sweep }
            return nil
        }
        XCTAssertEqual(sweeps.map(\.target.text), ["cost.project", "data_errors.to"])
        XCTAssertEqual(sweeps.map { Printed.expression($0.from) }, ["500000", "10"])
        XCTAssertEqual(sweeps.map { Printed.expression($0.to) }, ["2000000", "60"])
        XCTAssertEqual(sweeps.map { Printed.expression($0.step) }, ["250000", "10"])
        XCTAssertEqual(Fixture.slice(text, sweeps[0].span), "cost.project from 500k to 2M step 250k")
    }

    func testScenariosWordAndScenarioClause() throws {
        XCTAssertNotNil(try command("roi m scenarios").argument("scenarios"))
        let one = try command("roi m scenario pessimistic with (horizon = 6)")
        XCTAssertNil(one.argument("scenarios"))
        guard case .word(let name)? = one.clause("scenario")?.value else { return XCTFail("no scenario") }
        XCTAssertEqual(name.text, "pessimistic")
    }

    func testAScenarioWithAndWithoutOverrides() throws {
        let withList = try command("scenario low of integration (cost.project = 1M)")
        XCTAssertNotNil(withList.clause("overrides"))
        let bare = try command("scenario base of integration")
        XCTAssertNil(bare.clause("overrides"))
    }

    func testSweepMistakes() {
        let cases: [(String, String, String)] = [
            ("roi m vary cost.project 1 to 2 step 1", "expected 'from' after 'cost.project', found '1'", "1"),
            ("roi m vary cost.project from 1 to 2", "expected 'step' after '2'", ""),
            ("roi m vary cost.project from 1 2 step 1", "expected 'to' after '1', found '2'", "2"),
        ]
        for (text, message, caret) in cases {
            let diagnostic = error(text)
            XCTAssertEqual(diagnostic?.message, message, text)
            XCTAssertEqual(Fixture.slice(text, diagnostic?.span), caret, text)
        }
    }

    func testOverrideMistakes() {
        XCTAssertEqual(error("roi m with (cost.project 5)")?.message, "expected '=' after 'cost.project', found '5'")
        XCTAssertEqual(error("roi m with (cost.project = 1, cost.project = 2)")?.message, "'cost.project' is given twice")
        XCTAssertEqual(error("roi m with (a = 1) with (b = 2)")?.message, "the 'with' clause is given twice")
    }

    func testAKeptListIsReadOnItsOwn() throws {
        let source = SourceText(name: "scenario low of m", text: "(cost.project = 1.2M,\n data_errors.to = $x)")
        let items = try parser.parseOverrides(source)
        XCTAssertEqual(Printed.items(items), "cost.project = 1200000, data_errors.to = $x")
        XCTAssertEqual(source.slice(items[1].expression.span), "$x")
        XCTAssertThrowsError(try parser.parseOverrides(SourceText(name: "x", text: "(a = 1) b")))
        XCTAssertThrowsError(try parser.parseOverrides(SourceText(name: "x", text: "a = 1")))
    }
}
