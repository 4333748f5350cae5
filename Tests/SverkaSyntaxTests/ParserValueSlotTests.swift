import SverkaSyntax
import XCTest

/// The slot kinds a data test is written with — bare clauses, value lists, comparisons — and a
/// command's own parse-time check.
final class ParserValueSlotTests: XCTestCase {
    /// A `test`-like command whose check refuses a second flag, as the shell's does.
    struct Grammar: CommandGrammar {
        static let probe = CommandSyntax(
            name: "probe", positionals: [Slot("table.column", .word(.column))],
            clauses: [ClauseSyntax(["unique"], .flag), ClauseSyntax(["not", "null"], .flag), ClauseSyntax(["in"], .list),
                      ClauseSyntax(["between"], .bounds), ClauseSyntax(["warn", "if"], .comparison)],
            check: { invocation, _ throws(Diagnostic) in
                let flags = invocation.clauses.filter { $0.keyword == "unique" || $0.keyword == "not null" }
                if flags.count > 1 { throw Diagnostic("one check only", at: flags[1].span) }
            })
        static let sql = CommandSyntax(name: "sql", positionals: [Slot("write", .choice(["write"]), optional: true),
                                                                   Slot("statement", .string(.sql))])

        func syntax(for name: String) -> CommandSyntax? { [Self.probe, Self.sql].first { $0.name == name } }
        var commandNames: [String] { ["probe", "sql"] }
    }

    private func parse(_ text: String) throws(DiagnosticList) -> CommandInvocation? {
        let statements = try Parser(grammar: Grammar()).parse(SourceText(name: "-c", text: text)).statements
        guard case .command(let invocation)? = statements.first?.kind else { return nil }
        return invocation
    }

    private func firstError(_ text: String) -> Diagnostic? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    func testAFlagIsItsKeywordsAlone() throws {
        let invocation = try XCTUnwrap(parse("probe deals.id not null warn if > 3"))
        XCTAssertNotNil(invocation.clause("not null"))
        XCTAssertNil(invocation.clause("unique"))
        guard case .word(let column)? = invocation.argument("table.column")?.value else { return XCTFail("no column") }
        XCTAssertEqual(column.text, "deals.id")
        guard case .comparison(let op, let limit)? = invocation.clause("warn if")?.value else { return XCTFail("no threshold") }
        XCTAssertEqual(op, .greater)
        XCTAssertEqual(limit.kind, .literal(.integer(3)))
    }

    func testAListTakesValuesOfAnyKind() throws {
        let invocation = try XCTUnwrap(parse(#"probe crm.deals.stage in ("won", 12.50, @2026-11-30, $x,)"#))
        guard case .list(let values, _)? = invocation.clause("in")?.value else { return XCTFail("no list") }
        XCTAssertEqual(values.prefix(3).map(\.kind), [.literal(.string("won")), .literal(.decimal(units: 1250, scale: 2)),
                                                      .literal(.date(year: 2026, month: 11, day: 30))])
        guard values.count == 4, case .variable(let name) = values[3].kind else { return XCTFail("no variable: \(values)") }
        XCTAssertEqual(name.text, "x")
    }

    func testBoundsAreTwoValuesJoinedByAnd() throws {
        let invocation = try XCTUnwrap(parse("probe t.amount between -1 + 1 and 10M warn if > 0"))
        guard case .range(let low, let high)? = invocation.clause("between")?.value else { return XCTFail("no bounds") }
        XCTAssertEqual(low.kind, .binary(.add, Expression(.literal(.integer(-1)), span: Span(start: 23, end: 25)),
                                         Expression(.literal(.integer(1)), span: Span(start: 28, end: 29))))
        XCTAssertEqual(high.kind, .literal(.integer(10_000_000)))
        XCTAssertEqual(firstError("probe t.amount between 1 warn if > 0")?.message, "expected 'and' after '1', found 'warn'")
    }

    func testEveryComparisonReads() throws {
        let operators: [(String, BinaryOperator)] = [(">", .greater), (">=", .greaterOrEqual), ("<", .less), ("<=", .lessOrEqual),
                                                     ("==", .equal), ("=", .equal), ("!=", .notEqual)]
        for (written, expected) in operators {
            let invocation = try XCTUnwrap(parse("probe t.c unique warn if \(written) 1"))
            guard case .comparison(let op, _)? = invocation.clause("warn if")?.value else { return XCTFail(written) }
            XCTAssertEqual(op, expected, written)
        }
    }

    func testMistakesAreReportedWhereTheyAre() {
        XCTAssertEqual(firstError("probe t.c unique warn if 5")?.message, "expected a comparison such as '> 0' after 'if', found '5'")
        XCTAssertEqual(firstError("probe t.c in ()")?.message, "expected at least one value in '(…)'")
        XCTAssertEqual(firstError(#"probe t.c in "won""#)?.message, #"expected '(' with a list of values after 'in', found the string "won""#)
        let twice = firstError("probe t.c unique not null")
        XCTAssertEqual(twice?.message, "one check only")
        XCTAssertEqual(twice?.span, Span(start: 17, end: 25))
    }

    func testAnOptionalChoiceIsThereOnlyWhenItsWordIs() throws {
        let plain = try XCTUnwrap(parse(#"sql "select 1""#))
        XCTAssertNil(plain.argument("write"))
        let writing = try XCTUnwrap(parse(#"sql write "delete from t""#))
        guard case .word(let mode)? = writing.argument("write")?.value else { return XCTFail("no mode") }
        XCTAssertEqual(mode.text, "write")
        // Another word is not taken for the choice: the statement slot reports it, with its hint.
        let unquoted = firstError("sql select 1")
        XCTAssertEqual(unquoted?.message, "expected statement after 'sql', found 'select'")
        XCTAssertEqual(unquoted?.hints.first, #"put it in quotes: "select""#)
    }
}
