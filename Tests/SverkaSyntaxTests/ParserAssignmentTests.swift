import XCTest
import SverkaSyntax

/// Dotted words (`crm.deals`), `(name = expression, …)` lists, and unkeyed clauses, as the
/// `map` command uses them.
final class ParserAssignmentTests: XCTestCase {
    /// `map`'s shape, plus a command whose `.word` slot takes a dotted name positionally.
    struct MapGrammar: CommandGrammar {
        static let syntaxes = [
            CommandSyntax(name: "map", positionals: [Slot("table", .word(.table))],
                          clauses: [ClauseSyntax(["as"], .word(.role), required: true),
                                    ClauseSyntax(unkeyed: "fields", .assignments),
                                    ClauseSyntax(["with"], .options)]),
            CommandSyntax(name: "describe", positionals: [Slot("table", .word(.table))]),
            CommandSyntax(name: "derive", positionals: [Slot("items", .assignments)]),
        ]

        func syntax(for name: String) -> CommandSyntax? { Self.syntaxes.first { $0.name == name } }
        var commandNames: [String] { Self.syntaxes.map(\.name) }
    }

    private func command(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CommandInvocation? {
        do {
            let script = try Parser(grammar: MapGrammar()).parse(SourceText(name: "-c", text: text))
            guard case .command(let invocation)? = script.statements.first?.kind, script.statements.count == 1 else {
                XCTFail("not one command: \(text)", file: file, line: line)
                return nil
            }
            return invocation
        } catch {
            XCTFail("unexpected errors: \(error.diagnostics.map(\.message))", file: file, line: line)
            return nil
        }
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        do {
            _ = try Parser(grammar: MapGrammar()).parse(SourceText(name: "-c", text: text))
            XCTFail("expected an error for \(text)", file: file, line: line)
            return Diagnostic("none")
        } catch {
            return error.diagnostics.first ?? Diagnostic("none")
        }
    }

    func testDottedWordIsOneNameWithTheCombinedSpan() throws {
        let invocation = try XCTUnwrap(command("map deals as crm.deals"))
        guard case .word(let role)? = invocation.clause("as")?.value else { return XCTFail("no role") }
        XCTAssertEqual(role.text, "crm.deals")
        XCTAssertEqual(role.span, Span(start: 13, end: 22))
        guard case .word(let table)? = try XCTUnwrap(command("describe acc . invoices")).argument("table")?.value else {
            return XCTFail("no table")
        }
        XCTAssertEqual(table.text, "acc.invoices")
        guard case .word(let quoted)? = try XCTUnwrap(command("describe `Сделки 2026`.`Q1`")).argument("table")?.value else {
            return XCTFail("no table")
        }
        XCTAssertEqual(quoted.text, "Сделки 2026.Q1")
    }

    func testDottedWordNeedsANameAfterTheDot() {
        let error = error("map deals as crm.")
        XCTAssertEqual(error.message, "expected a name after 'crm.'")
        XCTAssertEqual(error.span, Span(start: 17, end: 17))
    }

    func testAssignmentListAfterTheClauses() throws {
        let text = "map deals as crm.deals (id = deal_id, amount = price * qty, manager = `Ответственный`) with (on_error: \"null\")"
        let invocation = try XCTUnwrap(command(text))
        XCTAssertEqual(invocation.clauses.map(\.keyword), ["as", "fields", "with"])
        guard case .assignments(let items)? = invocation.clause("fields")?.value else { return XCTFail("no fields") }
        XCTAssertEqual(Printed.items(items), "id = deal_id, amount = (* price qty), manager = Ответственный")
        let fieldsClause = try XCTUnwrap(invocation.clause("fields"))
        XCTAssertEqual(String(text.utf8.dropFirst(fieldsClause.span.start).prefix(fieldsClause.span.end - fieldsClause.span.start)),
                       "(id = deal_id, amount = price * qty, manager = `Ответственный`)")
    }

    func testAssignmentListsMaySpanLinesAndEndWithAComma() throws {
        let invocation = try XCTUnwrap(command("map deals as crm.deals (\n  id = deal_id,\n  amount = budget,\n)"))
        guard case .assignments(let items)? = invocation.clause("fields")?.value else { return XCTFail("no fields") }
        XCTAssertEqual(items.compactMap(\.name?.text), ["id", "amount"])
    }

    func testUnkeyedClauseInAnyOrderButOnce() throws {
        let invocation = try XCTUnwrap(command("map deals with (won: (\"x\")) (id = deal_id) as crm.deals"))
        XCTAssertEqual(invocation.clauses.map(\.keyword), ["with", "fields", "as"])
        XCTAssertEqual(error("map deals as crm.deals (id = a) (amount = b)").message, "the 'fields' clause is given twice")
    }

    func testAssignmentSlotAsAPositional() throws {
        guard case .assignments(let items)? = try XCTUnwrap(command("derive (total = a + b)")).argument("items")?.value else {
            return XCTFail("no items")
        }
        XCTAssertEqual(Printed.items(items), "total = (+ a b)")
        XCTAssertEqual(error("derive total = a").message, "expected '(' with name = expression, … after 'derive', found 'total'")
    }

    func testAssignmentMistakes() {
        XCTAssertEqual(error("map d as crm.deals (id: deal_id)").message, "expected '=' after 'id', found ':'")
        XCTAssertEqual(error("map d as crm.deals (id: deal_id)").hints.first,
                       "'name: value' is for options; here a name takes '=': id = …")
        XCTAssertEqual(error("map d as crm.deals (id deal_id)").message, "expected '=' after 'id', found 'deal_id'")
        XCTAssertEqual(error("map d as crm.deals (deal_id)").message, "expected name = expression after '(', found 'deal_id'")
        XCTAssertEqual(error("map d as crm.deals ()").message, "expected name = expression after '('")
        XCTAssertEqual(error("map d as crm.deals (id = )").message, "expected an expression after 'id ='")
        XCTAssertEqual(error("map d as crm.deals (id = a, ID = b)").message, "'ID' is given twice")
        XCTAssertEqual(error("map d as crm.deals (id = a").message, "expected ')' to close the '(' opened here")
        XCTAssertEqual(error("map d as crm.deals (id = a b)").message, "expected ',' or ')', found 'b'")
    }

    func testUsageShowsTheUnkeyedClause() {
        XCTAssertEqual(error("map").hints.last,
                       "usage: map TABLE as ROLE [(name = EXPR, …)] [with (key: value, …)]")
    }
}
