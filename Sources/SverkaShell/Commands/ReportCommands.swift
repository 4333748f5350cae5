import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// `report sales|clients|pnl|kpi`: the analyst's regular reports, each a table
/// (`report_sales`, …) and a readable printout.
enum ReportCommands {
    static let all: [CommandSpec] = [report]

    static let report = CommandSpec(
        syntax: CommandSyntax(name: "report", positionals: [Slot("report", .choice(ReportKind.allCases.map(\.rawValue)))],
                              clauses: [ClauseSyntax(["by"], .words(.other))] + AnalyticsArguments.periodClauses
                                + [ClauseSyntax(["as", "of"], .expression), ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "sales by product, region, manager or month; clients; P&L; KPIs — each into a table report_…",
        usage: "report sales by product|region|manager|month[, KEY] [from DATE to DATE] | report clients [from DATE to DATE] [with (window: 12)] | report pnl [by month] [from DATE to DATE] [with (revenue: \"deals\"|\"invoices\")] | report kpi [as of DATE]",
        details: [
            "report sales by KEY: per product, region, manager or month (yyyy-MM of the close date), the deals of crm.deals won or lost in the period (closed_at from … to …, both days included; a deal with no close date only counts with no period): revenue (the won deals' amounts), deals_won, deals_lost, win_rate_pct (won ÷ (won + lost) in percent: open deals are not decided yet, so they are not counted) and average_deal (revenue ÷ deals won, to the kopeck). A region or manager is the client's (crm.clients), else the deal's own, as in profit. Rows by revenue, largest first; months in calendar order with the empty months in between. The printout ends with a total row; the table report_sales has no total row.",
            "report sales by A, B: a row per value of A and a column per value of B (at most 100), each cell the revenue of the won deals with both (0 when none), then a total column; e.g. report sales by region, month. Deals with no value of B are in a column named (none).",
            "report clients: per month, from the won deals (by close month): new_clients (their first purchase ever), returned_clients (bought again after having lapsed), lapsed_clients (active the month before, not now), active_clients (bought in the last 'window' months, the month itself included; window: 12 by default) — so active = active the month before + new + returned − lapsed. With crm.activities mapped: activities (their count by the month of 'at') and contacted_clients (distinct clients with one); else both are empty. The months run from the period's first (or the first purchase or activity) to its last; history before the period still counts. Into table report_clients.",
            "report pnl [by month]: per month, revenue (won deals by close date, or with revenue: \"invoices\" the invoices by issue date), then acc.costs by the group of their account: cost_of_sales (20, 23, 25, 28, 29, 90.02), selling_costs (44, 90.07), admin_costs (26, 90.08), other_costs (anything else, 91.02 or no account: below operating profit, and named on stderr); gross_profit = revenue − cost_of_sales, operating_profit = gross_profit − selling_costs − admin_costs, pretax_profit = operating_profit − other_costs, and margins in percent of revenue. Sub-accounts go with their account (20.01, 90.02.1). Needs acc.costs. Into table report_pnl, with a total row in the printout.",
            "report kpi [as of DATE]: the month that ends on the date (default today) against the month before, with a sparkline of the last 12 such months. A month ends on the same day of each earlier month (capped at its length) and starts the day after the one before ends; as of a month's last day they are calendar months. Figures: revenue (won deals closed in the month), gross margin ((revenue − cost of sales, as report pnl groups costs) ÷ revenue), DSO (the debt aging gives at the month's end ÷ the invoices issued in the month × its days, as dso), overdue share (the overdue part of that debt), win rate, average deal, sales cycle (the mean days from created_at to closed_at of the won deals) and receivables (the debt at the month's end). Changes: money in percent, percentages in points, days in days; a figure that cannot be told (no costs mapped, nothing sold) is empty, never 0. Into table report_kpi (one row per month, oldest first, every figure a number).",
            "Money is exact; in several currencies set a base currency (set currency RUB) and map acc.rates: each amount is converted on its own date, as profit does. stderr says what was counted and what was left out.",
        ],
        examples: ["report sales by region", "report sales by month from @2026-01-01 to @2026-12-31",
                   "report sales by manager, month", "report clients with (window: 6)", "report pnl by month",
                   "report kpi as of @2026-11-30", "chart bar revenue by region from report_sales"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let word)? = invocation.argument("report")?.value, let kind = ReportKind(rawValue: word.text.lowercased()) else {
            return .done
        }
        try ReportArguments(invocation: invocation, session: session).checkClauses(of: kind)
        switch kind {
        case .sales: try sales(invocation, session)
        case .clients: try clients(invocation, session)
        case .pnl: try pnl(invocation, session)
        case .kpi: try kpi(invocation, session)
        }
        return .done
    }

    private static func sales(_ invocation: CommandInvocation, _ session: Session) throws(Diagnostic) {
        let arguments = ReportArguments(invocation: invocation, session: session)
        let keys = try arguments.salesKeys()
        let request = SalesReportRequest(rows: keys[0], columns: keys.count > 1 ? keys[1] : nil,
                                         period: try AnalyticsArguments.period(invocation, session: session),
                                         baseCurrency: session.settings.currency)
        let result = try located(invocation.span) { () throws(Diagnostic) in try SalesReport(workspace: session.workspace).run(request) }
        session.show(columns: result.columns, rows: result.rows + [result.totalRow])
        session.messages.write(ReportText.sales(result).joined(separator: "\n") + "\n")
    }

    private static func clients(_ invocation: CommandInvocation, _ session: Session) throws(Diagnostic) {
        let arguments = ReportArguments(invocation: invocation, session: session)
        var request = ClientsReportRequest(period: try AnalyticsArguments.period(invocation, session: session))
        try arguments.options(known: ["window"]) { reader, entry throws(Diagnostic) in
            request.window = try reader.integer(entry, in: ClientsReportRequest.windows, example: 6)
        }
        let result = try located(invocation.span) { () throws(Diagnostic) in try ClientsReport(workspace: session.workspace).run(request) }
        session.show(columns: ClientsReportResult.columns, rows: result.tableRows)
        session.messages.write(ReportText.clients(result).joined(separator: "\n") + "\n")
    }

    private static func pnl(_ invocation: CommandInvocation, _ session: Session) throws(Diagnostic) {
        let arguments = ReportArguments(invocation: invocation, session: session)
        try arguments.monthOnly()
        var request = PnLRequest(period: try AnalyticsArguments.period(invocation, session: session),
                                 baseCurrency: session.settings.currency)
        try arguments.options(known: ["revenue"]) { reader, entry throws(Diagnostic) in
            let source = try reader.choice(entry, among: PnLRevenue.allCases.map(\.rawValue))
            request.revenue = PnLRevenue(rawValue: source) ?? .deals
        }
        let result = try located(invocation.span) { () throws(Diagnostic) in try PnLReport(workspace: session.workspace).run(request) }
        session.show(columns: PnLReportResult.columns, rows: result.tableRows + [result.totalRow])
        session.messages.write(ReportText.pnl(result).joined(separator: "\n") + "\n")
    }

    private static func kpi(_ invocation: CommandInvocation, _ session: Session) throws(Diagnostic) {
        let request = KPIRequest(asOf: try AnalyticsArguments.asOf(invocation, session: session), baseCurrency: session.settings.currency)
        let result = try located(invocation.span) { () throws(Diagnostic) in try KPIReport(workspace: session.workspace).run(request) }
        let card = KPICard(result: result)
        // The card mixes money, percentages and days in one column: in table format it is laid
        // out here, right-aligned; other formats get its text, and report_kpi has the numbers.
        if session.settings.render.format == .table {
            session.output.write(card.table(nullText: session.settings.render.nullText))
        } else {
            session.show(columns: KPICard.columns, rows: card.rows.map { $0.map { $0.map(Value.text) ?? .null } })
        }
        session.messages.write(ReportText.kpi(result).joined(separator: "\n") + "\n")
    }

}

/// The reports `report` makes, and the clauses each takes.
enum ReportKind: String, CaseIterable {
    case sales, clients, pnl, kpi

    var clauses: Set<String> {
        switch self {
        case .sales: return ["by", "from", "to"]
        case .clients: return ["from", "to", "with"]
        case .pnl: return ["by", "from", "to", "with"]
        case .kpi: return ["as of"]
        }
    }
}
