import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// `profit by client|product|manager|region`: revenue, cost and margin per row, in table profit.
enum ProfitCommands {
    static let all: [CommandSpec] = [profit]

    static let profit = CommandSpec(
        syntax: CommandSyntax(name: "profit",
                              clauses: [ClauseSyntax(["by"], .choice(ProfitDimension.allCases.map(\.rawValue)), required: true)]
                                + AnalyticsArguments.periodClauses + [ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "revenue, cost and margin by client, product, manager or region, with ABC classes, into table profit",
        usage: "profit by client|product|manager|region [from DATE to DATE] [with (revenue: \"deals\"|\"invoices\"|\"payments\", allocate: \"revenue\", currency: \"RUB\")]",
        details: [
            "Revenue is the CRM's won deals closed in the period (crm.deals, by closed_at; both ends of the period included; a won deal with no close date only counts with no period). With revenue: \"invoices\", the invoices issued in the period (acc.invoices, by issue_date: accrual); with revenue: \"payments\", the payments made in it (acc.payments, by paid_at: cash), each in its invoice's currency. An invoice belongs to its deal's client when its deal_id names a CRM deal — the deal also gives its product, manager and region — else to the client its counterparty is matched to; a payment follows its invoice, or its own counterparty when it has none. crm.deals and acc.invoices need one row per id for these.",
            "Costs are acc.costs dated in the period. by client: a client's cost is the sum of the costs whose counterparty is matched to it in the table matches (as the last 'match clients' made it, manual links included). A counterparty matched to several clients (one company entered twice) counts for the client with the lowest id. by product: the costs naming that product (ids and names are compared trimmed, case kept). by manager and by region: through the clients — the manager (region) of the client a cost's counterparty is matched to, from crm.clients; revenue goes the same way, the client's manager (region) first and the deal's own when the client has none, so that the margin compares like with like.",
            "Every other cost — no counterparty, a counterparty matched to no client, no product, a client with no manager — is on one row with an empty key, named unallocated; so is revenue that has no row (a deal with no product). With allocate: \"revenue\" the unallocated cost is spread across the rows in proportion to their revenue (the unallocated row's own revenue included), exactly: each row gets its share rounded down to the kopeck and the kopecks left go to the largest remainders, so the rows add up to the total to the kopeck.",
            "Columns: client_id and client_name (by client; the name from crm.clients), or product, manager, region and name (the key again, or unallocated); then revenue, cost, margin (revenue − cost), margin_pct (margin in percent of revenue; empty with no revenue), revenue_share (percent of the total revenue) and abc. ABC: rows ranked by revenue, largest first; a row is A while the rows before it make under 80% of the revenue of the ranked rows, B while they make under 95%, C after; so the row that crosses 80% is still A. Rows with no positive revenue are C; the unallocated row has none. A row for every key with revenue or cost; a missing side is 0. Rows are sorted by revenue, largest first, the unallocated row last.",
            "Money is exact. In several currencies, amounts need a base currency — set currency RUB, or with (currency: \"RUB\") for one command — and acc.rates: each amount is converted at the latest rate dated on or before its own date (rate = base units per unit of the currency), rounded half away from zero to the kopeck, then added up. An amount with no currency is in the base currency. Without a base currency, several currencies are an error naming them; with one, currencies that lack a rate for some amounts are an error naming them and the first date.",
            "Prints the table and, on stderr, the period, the totals and what went unallocated and why. Query it further: from profit | where abc == \"A\" | sort -margin.",
        ],
        examples: ["profit by client", "profit by product from @2026-01-01 to @2026-06-30",
                   "profit by manager with (allocate: \"revenue\")", "profit by client with (revenue: \"payments\")",
                   "set currency RUB", "profit by region with (revenue: \"invoices\", currency: \"RUB\")",
                   "from profit | where margin < 0 | sort margin"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let word)? = invocation.clause("by")?.value,
              let dimension = ProfitDimension(rawValue: word.text) else { return .done }
        var request = ProfitRequest(dimension: dimension, period: try AnalyticsArguments.period(invocation, session: session),
                                    baseCurrency: session.settings.currency)
        try ProfitOptionReader.read(invocation.clause("with"), into: &request, session: session)
        let result = try located(invocation.span) { () throws(Diagnostic) in
            try ProfitAnalysis(workspace: session.workspace).run(request)
        }
        session.show(columns: result.columns, rows: result.tableRows)
        session.messages.write(ProfitText.summary(result).joined(separator: "\n") + "\n")
        return .done
    }

}
