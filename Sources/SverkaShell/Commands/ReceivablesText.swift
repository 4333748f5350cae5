import Foundation
import SverkaDomain
import SverkaEngine

/// The lines `aging` and `dso` print on stderr: what the figures are, as of when, counted how,
/// and what was left out of them.
enum ReceivablesText {
    static func aging(_ result: AgingResult, wroteTable: Bool) -> [String] {
        let request = result.request
        let counted = request.basis == .dueDate
            ? "days past the due date (an invoice without one is due \(request.termsDays) days after issue)"
            : "days since the issue date"
        var lines = ["aging as of \(request.asOf.iso): \(counted); buckets " + request.buckets.names.joined(separator: ", ")
                     + " (edges \(request.buckets))"]
        var owed = "\(count(result.invoices, "invoice")) owe \(money(result.total, result.currency))"
        if let share = result.overdueShare {
            owed += ", \(money(result.overdue, result.currency)) of it overdue (\(percent(share)))"
        }
        if request.byClient {
            owed += "; " + parties(clients: result.parties.filter { $0.clientID != nil }.count, of: result.parties.count)
        }
        lines.append("  " + owed + (wroteTable ? " — table \(Receivables.agingTable)" : ""))
        let settled = result.settled
        if settled.paid + settled.overpaid > 0 {
            var text = "  not debt: \(count(settled.paid, "invoice")) paid in full"
            if settled.overpaid > 0 {
                text += ", \(count(settled.overpaid, "invoice")) overpaid by \(money(settled.overpayment, result.currency)) in all"
                    + " (the excess is not set against other invoices)"
            }
            lines.append(text)
        }
        let unapplied = result.unapplied
        if unapplied.count > 0 {
            var parts: [String] = []
            if unapplied.withoutInvoice > 0 {
                parts.append("\(count(unapplied.withoutInvoice, "payment")) without invoice_id" + amount(unapplied.withoutInvoiceAmount, result.currency))
            }
            if unapplied.other > 0 {
                parts.append("\(count(unapplied.other, "payment")) for invoices unknown or issued later" + amount(unapplied.otherAmount, result.currency))
            }
            lines.append("  not set against any invoice: " + parts.joined(separator: ", "))
        }
        if result.undatedInvoices > 0 {
            lines.append("  left out: \(count(result.undatedInvoices, "invoice")) without an issue date")
        }
        if request.byClient, !result.clientsMatched {
            lines.append("  no matches table: counterparties are not tied to clients, each is its own row ('match clients' makes it)")
        }
        return lines
    }

    static func dso(_ result: DSOResult) -> [String] {
        let value = result.dso.map { String(format: "%.1f days", $0) } ?? "not defined (nothing invoiced in the period)"
        return ["dso \(result.start.iso) … \(result.end.iso): \(value)",
                "  = receivables on \(result.end.iso) \(money(result.receivables, result.currency))"
                + " ÷ invoiced in the period \(money(result.revenue, result.currency)) (\(count(result.invoices, "invoice")))"
                + " × \(count(result.days, "day"))"]
    }

    /// How many clients `alerts` describes on stderr; the table has them all.
    static let alertLines = 10

    static func alerts(_ result: AlertsResult) -> [String] {
        let currency = result.currency
        guard !result.alerts.isEmpty else { return ["alerts as of \(result.asOf.iso): no overdue debt — table \(AlertsResult.tableName) is empty"] }
        let clients = result.alerts.filter { $0.clientID != nil }.count
        let withDeals = result.alerts.filter { $0.openDeals > 0 }
        var head = "alerts as of \(result.asOf.iso): " + parties(clients: clients, of: result.alerts.count)
            + " \(result.alerts.count == 1 ? "owes" : "owe") \(money(result.overdue, currency)) past due"
        if result.dealsRead {
            head += withDeals.isEmpty ? "; none has open deals"
                : "; \(withDeals.count) of them \(withDeals.count == 1 ? "has" : "have") open deals for "
                    + money(result.openAmount, currency)
        }
        var lines = [head + " — table \(AlertsResult.tableName)"]
        for alert in result.alerts.prefix(alertLines) {
            let who = alert.clientID.map { id in alert.name.map { "\(id) \($0)" } ?? id }
                ?? "counterparty \(alert.counterpartyID ?? "without an id")\(alert.name.map { " \($0)" } ?? "") (no client)"
            var line = "  \(who): \(money(alert.overdue, currency)) overdue, oldest \(count(alert.daysOverdue, "day")) past due"
            if alert.openDeals > 0 { line += "; \(count(alert.openDeals, "open deal")) for \(money(alert.openAmount, currency))" }
            if let manager = alert.manager { line += "; manager \(manager)" }
            lines.append(line)
        }
        if result.alerts.count > alertLines {
            lines.append("  … and \(result.alerts.count - alertLines) more: from \(AlertsResult.tableName)")
        }
        if !result.dealsRead { lines.append("  crm.deals is not mapped: open deals are not shown") }
        if !result.clientsMatched {
            lines.append("  no matches table: counterparties are not tied to clients ('match clients' makes it)")
        }
        return lines
    }

    // MARK: - Pieces

    /// `4 clients and 1 counterparty with no client`, leaving out a kind there is none of.
    private static func parties(clients: Int, of rows: Int) -> String {
        var kinds: [String] = []
        if clients > 0 || rows == 0 { kinds.append(count(clients, "client")) }
        if clients < rows { kinds.append("\(count(rows - clients, "counterparty", "counterparties")) with no client") }
        return kinds.joined(separator: " and ")
    }

    static func money(_ amount: ExactDecimal, _ currency: String?) -> String {
        amount.formatted(groupingSeparator: ",") + (currency.map { " \($0)" } ?? "")
    }

    private static func amount(_ amount: ExactDecimal?, _ currency: String?) -> String {
        amount.map { " (\(money($0, currency)))" } ?? ""
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    static func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
