import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// The receivables commands about clients: `alerts` and `check client`.
extension ReceivablesCommands {
    static let alerts = CommandSpec(
        syntax: CommandSyntax(name: "alerts", clauses: [ClauseSyntax(["as", "of"], .expression), ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "clients with overdue debt and the deals they have open in the CRM, into table alerts",
        usage: "alerts [as of DATE] [with (terms: 14)]",
        details: [
            "What sales must know before selling more to a client: every client whose invoices are past due on the date (default today), as aging by client counts them — the client's counterparties through matches, invoices less the payments tied to them by the date, days from the due date (or issue date + terms) — with the oldest invoice's days past due, the overdue and the whole debt, and the client's deals open in crm.deals on the date (a stage neither won nor lost, or won or lost only later; created by the date): how many and for how much. A counterparty with overdue debt and no client is listed too, with no deals.",
            "Replaces the table alerts (client_id, counterparty_id, name, manager, overdue, overdue_invoices, days_overdue, outstanding, open_deals, open_amount), largest overdue debt first, and prints it; stderr gives the total and a line per client (the first \(ReceivablesText.alertLines)). Without crm.deals the open-deal columns are 0 and stderr says so. Several currencies need a base currency (set currency RUB): deals are converted on the date as the debt is.",
        ],
        examples: ["alerts", "alerts as of @2026-11-30", "from alerts | where open_deals > 0"]
    ) { invocation, session throws(Diagnostic) in
        let asOf = try AnalyticsArguments.asOf(invocation, session: session)
        var request = AgingRequest(asOf: asOf)
        try AgingOptionReader.read(invocation.clause("with"), into: &request, session: session, command: "alerts", known: ["terms"])
        let result = try located(invocation.span) { () throws(Diagnostic) in
            try receivables(session).runAlerts(asOf: asOf, termsDays: request.termsDays)
        }
        session.show(columns: AlertsResult.columns, rows: result.rows)
        session.messages.write(ReceivablesText.alerts(result).joined(separator: "\n") + "\n")
        return .done
    }

    static let check = CommandSpec(
        syntax: CommandSyntax(name: "check", positionals: [Slot("client", .choice(["client"])), Slot("name_or_id", .value)],
                              clauses: [ClauseSyntax(["as", "of"], .expression), ClauseSyntax(["with"], .options)]),
        group: .analytics,
        summary: "one client's card: counterparties, deals by stage, invoices, payments, debt, margin, duplicates",
        usage: "check client NAME_OR_ID [as of DATE] [with (terms: 14)]",
        details: [
            "Finds the client in crm.clients by its id (exactly, as text), else by name: a name equal to what is written (ignoring case, or compared as match compares names: no legal form, quotes or spaces, Latin and Cyrillic alike), else the names that contain it. Several clients are an error that lists them with their ids; none, an error with the closest name. Write names with spaces in quotes: check client \"ООО Ромашка\".",
            "Prints the card as rows of field and value, as on the date (default today): a warning first when the client has overdue debt; the client (id, name, tax id, manager, region); each counterparty matched to it by matches, how, and any other client it is matched to (the same company entered twice); its deals per stage (won, open, lost, with the CRM's stage names) with counts and amounts; the invoices of its counterparties issued by the date, the payments against them and those with no invoice_id; what it owes per bucket, the overdue part and the oldest days past due (as aging counts them); its margin from profit by client up to the date (won deals less its counterparties' costs; why not, when it cannot be worked out); and the groups of the table duplicates (from dedupe) it or its counterparties are in.",
        ],
        examples: ["check client 17", "check client \"ромашка\"", "check client Вектор as of @2026-11-30"]
    ) { invocation, session throws(Diagnostic) in
        let written = try MatchOptionReader.recordID(invocation.argument("name_or_id"), in: session.currentSource, what: "client")
        let asOf = try AnalyticsArguments.asOf(invocation, session: session)
        var request = AgingRequest(asOf: asOf)
        try AgingOptionReader.read(invocation.clause("with"), into: &request, session: session, command: "check client", known: ["terms"])
        let span = invocation.argument("name_or_id")?.span ?? invocation.span
        let card = try located(span) { () throws(Diagnostic) in
            try receivables(session).card(for: written, asOf: asOf, termsDays: request.termsDays)
        }
        session.show(columns: ClientCardText.columns, rows: ClientCardText.rows(card))
        return .done
    }
}
