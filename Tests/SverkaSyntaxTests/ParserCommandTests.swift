import XCTest
import SverkaSyntax

/// Commands parsed against the test grammar: every slot kind and clause rule.
final class ParserCommandTests: XCTestCase {
    func testLoadWithStringWordAndOptions() throws {
        let text = "load \"deals.csv\" as deals with (delimiter: \";\", header: true, skip: 2)"
        let invocation = try XCTUnwrap(Fixture.command(text))
        XCTAssertEqual(invocation.name.text, "load")
        XCTAssertEqual(invocation.argument("path")?.value, .string("deals.csv", Span(start: 5, end: 16)))
        guard case .word(let table)? = invocation.clause("as")?.value else { return XCTFail("no as") }
        XCTAssertEqual(table.text, "deals")
        guard case .options(let entries)? = invocation.clause("with")?.value else { return XCTFail("no options") }
        XCTAssertEqual(entries.map(\.key.text), ["delimiter", "header", "skip"])
        XCTAssertEqual(invocation.span, Span(start: 0, end: text.utf8.count))
        XCTAssertEqual(Fixture.slice(text, invocation.clause("as")?.span), "as deals")
    }

    func testNestedOptionsAndLists() throws {
        let text = "load \"d.csv\" as d with (types: (inn: text, `Сумма`: money), won: (\"won\", \"closed won\"), empty: ())"
        let invocation = try XCTUnwrap(Fixture.command(text))
        guard case .options(let entries)? = invocation.clause("with")?.value, entries.count == 3 else {
            return XCTFail("no options")
        }
        guard case .options(let types, _) = entries[0].value else { return XCTFail("types not nested") }
        XCTAssertEqual(types.map(\.key.text), ["inn", "Сумма"])
        guard case .expression(let text0) = types[0].value else { return XCTFail("not a word") }
        XCTAssertEqual(Printed.expression(text0), "text")
        guard case .list(let values, _) = entries[1].value else { return XCTFail("not a list") }
        XCTAssertEqual(values.count, 2)
        XCTAssertEqual(entries[2].value, .list([], Span(start: text.utf8.count - 3, end: text.utf8.count - 1)))
    }

    func testOptionsMaySpanLinesWithATrailingComma() throws {
        let invocation = try XCTUnwrap(Fixture.command("load \"d.csv\" as d with (\n  header: true,\n  \"Сумма с НДС\": money,\n)"))
        guard case .options(let entries)? = invocation.clause("with")?.value else { return XCTFail("no options") }
        XCTAssertEqual(entries.map(\.key.text), ["header", "Сумма с НДС"])
    }

    func testClausesInAnyOrder() throws {
        let invocation = try XCTUnwrap(Fixture.command("load \"d.csv\" with (header: false) as d"))
        XCTAssertEqual(invocation.clauses.map(\.keyword), ["with", "as"])
    }

    func testOptionalPositional() throws {
        XCTAssertEqual(try XCTUnwrap(Fixture.command("help")).arguments.count, 0)
        let invocation = try XCTUnwrap(Fixture.command("help load"))
        guard case .word(let topic)? = invocation.argument("topic")?.value else { return XCTFail("no topic") }
        XCTAssertEqual(topic.text, "load")
    }

    func testCommandNamesAreCanonical() throws {
        let invocation = try XCTUnwrap(Fixture.command("HELP"))
        XCTAssertEqual(invocation.name.text, "help")
        XCTAssertEqual(invocation.name.span, Span(start: 0, end: 4))
    }

    func testValueSlots() throws {
        guard case .word(let format)? = try XCTUnwrap(Fixture.command("set format csv")).argument("value")?.value else {
            return XCTFail("not a word")
        }
        XCTAssertEqual(format.text, "csv")
        XCTAssertEqual(try XCTUnwrap(Fixture.command("set title \"Итоги\"")).argument("value")?.value,
                       .string("Итоги", Span(start: 10, end: 22)))
        guard case .expression(let number)? = try XCTUnwrap(Fixture.command("set maxrows = 100")).argument("value")?.value else {
            return XCTFail("not an expression")
        }
        XCTAssertEqual(Printed.expression(number), "100")
        guard case .expression(let date)? = try XCTUnwrap(Fixture.command("set as_of @2026-11-30")).argument("value")?.value else {
            return XCTFail("not an expression")
        }
        XCTAssertEqual(Printed.expression(date), "@2026-11-30")
    }

    func testExpressionSlotAllowsSingleEquals() throws {
        let invocation = try XCTUnwrap(Fixture.command("expect rows(deals) = 3 else \"no deals\""))
        guard case .expression(let condition)? = invocation.argument("condition")?.value else { return XCTFail("no condition") }
        XCTAssertEqual(Printed.expression(condition), "(== rows(deals) 3)")
        guard case .string(let message, _)? = invocation.clause("else")?.value else { return XCTFail("no else") }
        XCTAssertEqual(message, "no deals")
    }

    func testQuerySlotForms() throws {
        for (text, steps) in [("explain deals", 0), ("explain from deals | where x > 1 | take 2", 2), ("explain (from deals | take 1)", 1)] {
            guard case .query(let pipeline)? = try XCTUnwrap(Fixture.command(text)).argument("query")?.value else {
                return XCTFail("no query in \(text)")
            }
            XCTAssertEqual(pipeline.source.name.description, "deals", text)
            XCTAssertEqual(pipeline.steps.count, steps, text)
        }
    }

    func testQuerySlotStopsAtClauseKeywords() throws {
        let invocation = try XCTUnwrap(Fixture.command("export from deals | select a, b as csv to \"out.csv\""))
        guard case .query(let pipeline)? = invocation.argument("query")?.value else { return XCTFail("no query") }
        XCTAssertEqual(pipeline.steps.count, 1)
        guard case .word(let format)? = invocation.clause("as")?.value else { return XCTFail("no format") }
        XCTAssertEqual(format.text, "csv")
        XCTAssertEqual(invocation.clause("to")?.value, .string("out.csv", Span(start: 42, end: 51)))
    }

    func testLongestClauseKeywordsWin() throws {
        let invocation = try XCTUnwrap(Fixture.command("report profit by client, month as of @2026-11-30 as profit_nov from @2026-01-01 to $as_of"))
        XCTAssertEqual(invocation.clauses.map(\.keyword), ["by", "as of", "as", "from"])
        guard case .words(let keys)? = invocation.clause("by")?.value else { return XCTFail("no by") }
        XCTAssertEqual(keys.map(\.text), ["client", "month"])
        guard case .range(let low, let high)? = invocation.clause("from")?.value else { return XCTFail("no range") }
        XCTAssertEqual(Printed.expression(low), "@2026-1-1")
        XCTAssertEqual(Printed.expression(high), "$as_of")
        guard case .word(let kind)? = invocation.argument("kind")?.value else { return XCTFail("no kind") }
        XCTAssertEqual(kind.text, "profit")
    }

    func testCommandWithoutArguments() throws {
        let invocation = try XCTUnwrap(Fixture.command("tables"))
        XCTAssertEqual(invocation.arguments.count + invocation.clauses.count, 0)
    }

    func testCommandsAndQueriesMixInAScript() {
        let text = """
        load "deals.csv" as deals
        let big = from deals | where amount > 1M
        expect rows(big) > 0
        from big | sort -amount
        """
        let kinds = Fixture.parse(text).map { statement -> String in
            switch statement.kind {
            case .command(let invocation): return invocation.name.text
            case .query: return "query"
            case .letQuery: return "letQuery"
            case .letValue: return "letValue"
            case .model: return "model"
            }
        }
        XCTAssertEqual(kinds, ["load", "letQuery", "expect", "query"])
    }
}
