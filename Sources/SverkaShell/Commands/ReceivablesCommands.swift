import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Receivables: who owes what and for how long — `aging`, `dso`, `alerts`, `check client`.
enum ReceivablesCommands {
    static let all: [CommandSpec] = [aging, dso, alerts, check]

    static let aging = CommandSpec(
        syntax: CommandSyntax(name: "aging", clauses: [ClauseSyntax(["as", "of"], .expression),
                                                       ClauseSyntax(["by"], .choice(["client"])),
                                                       ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "the debt on a date by how long it is overdue (current, 1-30, 31-60, 61-90, 90+) into table aging",
        usage: "aging [as of DATE] [by client] [with (terms: 14, basis: \"due_date\"|\"invoice_date\", edges: \"30,60,90\")]",
        details: [
            "Reads acc.invoices and acc.payments (map them first) and replaces the table aging. A true point-in-time view: the invoices issued on or before the date (default today), less the payments tied to them by invoice_id and made on or before it — a payment made later is still debt on that date. An invoice owes amount − paid when that is above zero; one paid in full owes nothing, and one overpaid owes nothing either: its excess is not set against the client's other invoices (stderr counts both). Payments with no invoice_id (advances, unidentified transfers), and those naming an invoice that is unknown or issued after the date, are applied to no invoice: stderr gives their count and amount, so read the total as the debt before them. A payment with no date counts as made; an invoice with no issue date cannot be placed in time and is left out (counted on stderr).",
            "Days overdue are counted from the due date; an invoice without one is due 'terms' days after its issue date (default 14, as sync invoices proposes). Buckets: current (not yet due: due on the date or later), then 1-30, 31-60, 61-90 and 90+ days past due; every open invoice is in exactly one, so the buckets add up to the total. With basis: \"invoice_date\" days are counted from the issue date instead (current is then only what was issued on the date). edges sets the buckets' last days: edges: \"30,60,90\" (the default), edges: (15, 45), edges: 60 — the names follow (current, 1-15, 16-45, 45+).",
            "The table: bucket, invoices, outstanding — one row per bucket, empty ones included, then a total row. by client: one row per CRM client, with the debt of every counterparty linked to it in matches (as the last 'match clients' made it, manual links included; run it again after link or unlink); a counterparty with no client keeps its own row (client_id empty, counterparty_id set). Columns: client_id, counterparty_id, name (from crm.clients or acc.counterparties when mapped), invoices, a column per bucket (named as the buckets: `1-30` needs backquotes in a query), outstanding, overdue and days_overdue (the oldest overdue invoice's days), largest debt first. A counterparty linked to several clients (one company entered twice in the CRM) counts once, for the client with the lowest id (numbers by value), as in profit by client.",
            "Money is exact. Invoices in several currencies are an error unless a base currency is set (set currency RUB): then each invoice's debt is converted at the rate in acc.rates on the as-of date. stderr states the as-of date, how days were counted and the bucket edges, the total and the overdue share.",
        ],
        examples: ["aging", "aging as of @2026-11-30", "aging as of $as_of by client",
                   "aging by client with (terms: 30, edges: \"15,30,60\")", "aging with (basis: \"invoice_date\")",
                   "from aging | where overdue > 0 | sort -`90+`"]
    ) { invocation, session throws(Diagnostic) in
        var request = AgingRequest(asOf: try AnalyticsArguments.asOf(invocation, session: session),
                                   byClient: invocation.clause("by") != nil)
        try AgingOptionReader.read(invocation.clause("with"), into: &request, session: session)
        let result = try located(invocation.span) { () throws(Diagnostic) in
            try receivables(session).runAging(request)
        }
        session.show(columns: AgingTable.columns(for: request.buckets, byClient: request.byClient), rows: AgingTable.rows(of: result))
        session.messages.write(ReceivablesText.aging(result, wroteTable: true).joined(separator: "\n") + "\n")
        return .done
    }

    static let dso = CommandSpec(
        syntax: CommandSyntax(name: "dso", clauses: AnalyticsArguments.periodClauses),
        group: .analytics,
        summary: "days sales outstanding: how many days of invoicing the debt at the end of a period amounts to",
        usage: "dso [from DATE to DATE]",
        details: [
            "DSO = receivables at the end of the period ÷ the amounts invoiced in the period × the days in the period (both ends counted). Receivables are what aging as of the last day totals (invoices issued by then less the payments tied to them by then; overpayments and unapplied payments are not set against them); invoiced is the sum of acc.invoices issued in the period. Without a period: the 90 days that end today; from alone runs to today, to alone covers the 90 days before it.",
            "Prints one row (from, to, days, receivables, invoiced, invoices, dso) and the formula with its figures on stderr. When nothing was invoiced in the period, dso is empty. Several currencies need a base currency (set currency RUB): revenue is converted on each invoice's issue date, receivables on the last day.",
        ],
        examples: ["dso", "dso from @2026-09-01 to @2026-11-30", "dso to $as_of"]
    ) { invocation, session throws(Diagnostic) in
        let period = try AnalyticsArguments.period(invocation, session: session)
        let result = try located(invocation.span) { () throws(Diagnostic) in
            try receivables(session).dso(period)
        }
        let money = LogicalType.decimal(scale: 2)
        session.show(columns: [ResultColumn(name: "from", type: .date), ResultColumn(name: "to", type: .date),
                               ResultColumn(name: "days", type: .integer), ResultColumn(name: "receivables", type: money),
                               ResultColumn(name: "invoiced", type: money), ResultColumn(name: "invoices", type: .integer),
                               ResultColumn(name: "dso", type: .number)],
                     rows: [[.date(result.start), .date(result.end), .integer(Int64(result.days)), .decimal(result.receivables),
                             .decimal(result.revenue), .integer(Int64(result.invoices)),
                             result.dso.map { .number(($0 * 10).rounded() / 10) } ?? .null]])
        session.messages.write(ReceivablesText.dso(result).joined(separator: "\n") + "\n")
        return .done
    }

    // MARK: - Shared

    /// The domain object, with the session's base currency.
    static func receivables(_ session: Session) -> Receivables {
        Receivables(workspace: session.workspace, currency: session.settings.currency)
    }

}
