import SverkaEngine
import SverkaSyntax

/// `test`: data tests as dbt users know them — unique, not null, accepted values, references.
enum DataTestCommands {
    static let all: [CommandSpec] = [test]

    static let summaryColumns = [ResultColumn(name: "test", type: .text), ResultColumn(name: "failures", type: .integer),
                                 ResultColumn(name: "status", type: .text)]

    static let test = CommandSpec(
        syntax: CommandSyntax(name: "test", positionals: [Slot("table.column", .word(.column))],
                              clauses: [ClauseSyntax(["unique"], .flag), ClauseSyntax(["not", "null"], .flag),
                                        ClauseSyntax(["in"], .list), ClauseSyntax(["between"], .bounds),
                                        ClauseSyntax(["references"], .word(.column)),
                                        ClauseSyntax(["where"], .expression),
                                        ClauseSyntax(["warn", "if"], .comparison), ClauseSyntax(["fail", "if"], .comparison)],
                              check: DataTestArguments.check),
        group: .scripts,
        summary: "check a column's values (unique, not null, in, between, references); failing rows into table test_failures",
        usage: "test TABLE.COLUMN unique|not null|in (VALUE, …)|between LOW and HIGH|references TABLE.COLUMN [where CONDITION] [warn if > N] [fail if > N]",
        details: [
            "TABLE may be a table, a named query or a role (test crm.deals.id unique). Checks: unique — no value held by two rows; not null — no row without a value; in (…) — every value one of these (compared as typed: money exactly, dates as dates); between LOW and HIGH — every value within, both ends included; references T.C — every value present in column C of T (compared as text, so 7 matches \"7\" but not \"007\"). Nulls pass every check but not null. where CONDITION tests only the rows where it holds.",
            "Failing rows replace this test's earlier rows in the table test_failures (test, key, value), where other tests' rows stay: key is the row's first column (its second when the first is the one tested), value the offending value as text; for unique, key is the repeated value and value the number of rows holding it. Prints the test, its failure count and its status.",
            "Status: with no threshold a test fails on any failure. warn if > N warns when the count is over N and never fails; fail if > N fails over N and warns on fewer (but some) failures; with both, each decides its own. Any comparison may stand for >: >=, <, <=, ==, !=. A failed test stops the script with exit code 3, like expect; the failing rows are kept for a look: from test_failures.",
        ],
        examples: ["test deals.id unique", "test invoices.counterparty_id not null warn if > 0",
                   "test deals.stage in (\"won\", \"lost\", \"open\")",
                   "test invoices.deal_id references deals.id fail if > 10",
                   "test crm.deals.amount not null where stage == \"won\"", "test deals.amount between 0 and 10M",
                   "from test_failures | where test == \"deals.id unique\""]
    ) { invocation, session throws(Diagnostic) in
        let test = try DataTestArguments.test(invocation, session: session)
        for column in [test.column] + referencedColumns(test) {
            if let error = DataTestArguments.unmappedRole(column, session: session) { throw error }
        }
        let result = try DataTestRunner(workspace: session.workspace, variables: session.variables,
                                        source: session.currentSource).run(test)
        session.show(columns: summaryColumns, rows: [[.text(result.name), .integer(Int64(result.failures)), .text(result.status.rawValue)]])
        let failures = describe(result.failures, of: test.check)
        switch result.status {
        case .pass:
            return .done
        case .warn:
            session.messages.write("warning: test \(result.name): \(failures)\n")
            return .done
        case .fail:
            return .expectationFailed("test \(result.name): \(failures) (\(test.thresholds.failRule))")
        }
    }

    private static func referencedColumns(_ test: DataTest) -> [TestedColumn] {
        if case .references(let target) = test.check { return [target] }
        return []
    }

    /// `2 values held by more than one row`, `1 failing row`.
    private static func describe(_ count: Int, of check: DataCheck) -> String {
        if case .unique = check { return count == 1 ? "1 value held by more than one row" : "\(count) values held by more than one row" }
        return count == 1 ? "1 failing row" : "\(count) failing rows"
    }
}
