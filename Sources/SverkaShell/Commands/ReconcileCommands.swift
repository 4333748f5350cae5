import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// `reconcile`: the CRM's deals against accounting's invoices and payments.
enum ReconcileCommands {
    static let all: [CommandSpec] = [reconcile]

    static let reconcile = CommandSpec(
        syntax: CommandSyntax(name: "reconcile", clauses: [ClauseSyntax(["as", "of"], .expression)]),
        group: .integration,
        summary: "compare deals with invoices and payments; every disagreement into table mismatches",
        usage: "reconcile [as of DATE]",
        details: [
            "Reads the roles crm.deals, acc.invoices and acc.payments (map them first), and matches when 'match clients' has made it, and replaces the table mismatches (kind, deal_id, invoice_id, payment_id, client_id, counterparty_id, crm_amount, acc_amount, diff, note): one row per disagreement. Prints the count per kind (the command's result) and a line on stderr.",
            "Kinds: deal_without_invoice — a won deal no invoice refers to (the note says when sync has sent one that accounting has not booked yet); invoice_without_deal — an invoice whose deal_id is empty or names no CRM deal; invoice_for_unwon_deal — an invoice for a deal that is lost or still open; amount_mismatch — a won deal whose invoices add up to another amount (exact to the kopeck: money is compared in minor units); counterparty_mismatch — an invoice billed to a counterparty that is not the one matched to the deal's client (needs matches; clients with no match are not judged; without matches the kind is skipped and the summary says so); payment_without_invoice — a payment whose invoice_id is empty or names no invoice; overpaid — an invoice whose payments add up to more than its amount.",
            "Amounts: crm_amount is the deal's amount, acc_amount what accounting holds (the invoice, the invoices' total, the payment, or what was paid), diff what accounting lacks against what is expected: positive when the CRM expects more than accounting holds (a deal without an invoice, an invoice short of its deal), negative when accounting holds money nothing expects (an invoice with no deal or for an unwon deal, a stray payment, an overpayment).",
            "as of DATE: reconcile as on that evening — deals closed, invoices issued and payments made after it are left out (a deal won later counts as open); rows with no date stay in. Ids are compared as text with spaces trimmed; an empty id is no id. crm.deals and acc.invoices must have one row per id.",
            "Invoices sent by 'sync invoices apply' that now appear in accounting's export are marked delivered in the journal. Query the result like any table: from mismatches | where kind == \"amount_mismatch\" | sort -diff; stop a script on any with expect rows(mismatches) == 0.",
        ],
        examples: ["reconcile", "reconcile as of @2026-11-30", "reconcile as of $as_of",
                   "from mismatches | group kind (n = count(), diff = sum(diff))", "expect rows(mismatches) == 0"]
    ) { invocation, session throws(Diagnostic) in
        let asOf = try IntegrationArguments.date(invocation.clause("as of"), session: session)
        let report = try Reconciler(workspace: session.workspace).run(asOf: asOf)
        session.show(columns: ReconcileReport.columns, rows: report.rows)
        session.messages.write(report.message + "\n")
        return .done
    }
}

/// Reading the arguments the integration commands share.
enum IntegrationArguments {
    /// The date of an `as of` (or `from`, `to`) clause: a date, a date-time (its day) or ISO text.
    static func date(_ clause: CommandClause?, session: Session, keyword: String = "as of") throws(Diagnostic) -> CalendarDate? {
        guard let clause else { return nil }
        guard case .expression(let expression) = clause.value else { return nil }
        if let date = day(of: try session.evaluate(expression)) { return date }
        throw Diagnostic("'\(keyword)' needs a date", at: expression.span).hint("write: \(keyword) @2026-11-30")
    }

    /// The day a value names: a date, a date-time's day, or ISO text; nil for anything else.
    static func day(of value: Value) -> CalendarDate? {
        switch value {
        case .date(let date): return date
        case .datetime(let moment): return moment.date
        case .text(let text): return TextConversion.date(Substring(text))
        default: return nil
        }
    }

    /// A relative outbox path, taken from the current folder; `~` expanded.
    static func filePath(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }
}
