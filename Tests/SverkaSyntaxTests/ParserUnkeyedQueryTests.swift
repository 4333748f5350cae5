import XCTest
import SverkaSyntax

/// A query as an unkeyed clause, recognised by its own `from` (as `chart … from QUERY` takes
/// it): the pipeline keeps its steps, and words before it stay the command's.
final class ParserUnkeyedQueryTests: XCTestCase {
    struct ChartGrammar: CommandGrammar {
        static let chart: CommandSyntax = {
            var input = ClauseSyntax(unkeyed: "from", .query)
            input.isRequired = true
            return CommandSyntax(name: "chart", positionals: [Slot("kind", .choice(["bar", "line"])), Slot("column", .word(.column))],
                                 clauses: [ClauseSyntax(["by"], .word(.column), required: true), input,
                                           ClauseSyntax(["with"], .options)])
        }()

        func syntax(for name: String) -> CommandSyntax? { name == "chart" ? Self.chart : nil }
        var commandNames: [String] { ["chart"] }
    }

    private func parse(_ text: String) throws -> CommandInvocation? {
        let script = try Parser(grammar: ChartGrammar()).parse(SourceText(name: "-c", text: text))
        guard case .command(let invocation)? = script.statements.first?.kind else { return nil }
        return invocation
    }

    private func error(_ text: String) -> String {
        do {
            _ = try Parser(grammar: ChartGrammar()).parse(SourceText(name: "-c", text: text))
            return "no error"
        } catch {
            return error.diagnostics.first?.message ?? ""
        }
    }

    func testThePipelineStartsAtItsFrom() throws {
        let invocation = try XCTUnwrap(try parse("chart bar revenue by region from deals | where amount > 1 | sort -revenue with (width: 60)"))
        guard case .word(let kind)? = invocation.argument("kind")?.value, case .word(let column)? = invocation.argument("column")?.value,
              case .query(let pipeline)? = invocation.clause("from")?.value else {
            return XCTFail("unexpected shape: \(invocation)")
        }
        XCTAssertEqual([kind.text, column.text], ["bar", "revenue"])
        XCTAssertEqual(pipeline.source.name.description, "deals")
        XCTAssertEqual(pipeline.steps.count, 2)
        XCTAssertNotNil(invocation.clause("with"))
    }

    func testClausesMayComeAfterTheQueryOrBeforeIt() throws {
        let before = try XCTUnwrap(try parse("chart line x from t by month"))
        XCTAssertNotNil(before.clause("by"))
        XCTAssertNotNil(before.clause("from"))
        let parenthesised = try XCTUnwrap(try parse("chart bar x by k (from t | take 3)"))
        guard case .query(let pipeline)? = parenthesised.clause("from")?.value else { return XCTFail("no query") }
        XCTAssertEqual(pipeline.steps.count, 1)
    }

    func testAWordIsNotTakenForTheQuery() {
        XCTAssertEqual(error("chart bar x by k t"), "unexpected 't' after the 'chart' command")
        XCTAssertEqual(error("chart bar x by k"), "the 'chart' command needs 'from QUERY'")
        XCTAssertEqual(error("chart bar by k from t"), "expected column after 'chart bar', found 'by'")
    }
}
