import SverkaEngine
import SverkaSyntax

/// `chart`: a numeric column of any result — a table, a named query or a pipeline — drawn in
/// the terminal with block characters.
enum ChartCommands {
    static let all: [CommandSpec] = [chart]

    /// The input comes last and starts with its own `from`, so that it reads as the pipeline it
    /// is: `chart bar revenue by region from report_sales`, `… from deals | where …`. It is an
    /// unkeyed clause, so the parser hands the `from` to the pipeline rather than eating it.
    private static let input: ClauseSyntax = {
        var clause = ClauseSyntax(unkeyed: "from", .query)
        clause.isRequired = true
        return clause
    }()

    static let options = ["width", "height"]

    static let chart = CommandSpec(
        syntax: CommandSyntax(name: "chart", positionals: [Slot("kind", .choice(["bar", "line"])), Slot("column", .word(.column))],
                              clauses: [ClauseSyntax(["by"], .word(.column), required: true), input,
                                        ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "draw a column of any result as bars or as a line over time, in the terminal",
        usage: "chart bar|line COLUMN by KEY from QUERY [with (width: N, height: N)]",
        details: [
            "QUERY is a table, a named query or a pipeline, written as after any 'from': chart bar revenue by region from report_sales; chart bar n by stage from deals | group stage (n = count()). COLUMN must be numeric (money, integer or number). Rows with the same KEY are added up (money exactly), so a raw table can be charted directly: chart bar amount by region from deals.",
            "bar: one bar per key, in the order the keys first appear in the result (sort the query to order them), scaled to the largest value, with the value printed at the right. Bars are drawn in eighths of a character (▏▎▍▌▋▊▉█). Negative values grow leftwards from a zero axis │, in half characters. A value that is not zero always shows at least its smallest block; a null shows no bar. Long labels are cut with … by display width. In table format at most maxrows bars are drawn ('set maxrows 0' draws all).",
            "line: one column per key in ascending order, `height` rows high (default 8), in eighths of a row (▁▂▃▄▅▆▇█), with the scale at the left, the keys underneath and a closing line naming the last, highest and lowest points. KEY must be a date, a date-time, a number, or text that reads as months (2026-01), days or years; with months, a missing month is drawn as a gap. Rows with no key are left out (stderr says so). When there are more keys than columns, the last ones that fit are drawn.",
            "width: the chart's width in columns (20 to 1000); by default the terminal's width, or $COLUMNS when output is not a terminal, else 80. height: a line chart's rows (3 to 40).",
        ],
        examples: ["chart bar revenue by region from report_sales",
                   "chart line revenue by month from report_pnl",
                   "chart bar amount by manager from deals | where stage == \"won\" | sort -amount",
                   "chart line revenue by month from report_sales with (width: 60, height: 6)"]
    ) { invocation, session throws(Diagnostic) in
        let request = try ChartRequest(invocation, session: session)
        session.output.write(try request.draw(session: session))
        return .done
    }
}
