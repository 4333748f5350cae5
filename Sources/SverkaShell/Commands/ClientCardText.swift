import Foundation
import SverkaDomain
import SverkaEngine

/// `check client`'s card as rows of field and value, a warning first when the debt is overdue.
/// Values are kept short (a table cuts a cell at 60 characters): what would make a long one gets
/// rows of its own, their fields indented under the row they belong to.
enum ClientCardText {
    static let columns = [ResultColumn(name: "field", type: .text), ResultColumn(name: "value", type: .text)]

    static func rows(_ card: ClientCard) -> [[Value]] {
        var rows: [(String, String)] = []
        let money = { (amount: ExactDecimal) in ReceivablesText.money(amount, card.currency) }
        if card.isOverdue {
            rows.append(("warning", "OVERDUE: \(money(card.overdue))" + (card.oldestDaysOverdue.map { ", \($0) days past due" } ?? "")))
        }
        let client = card.client
        rows.append(("client", "\(client.id) \(client.name ?? "(no name)")"))
        if let tax = client.taxID { rows.append(("tax_id", tax)) }
        if let manager = client.manager { rows.append(("manager", manager)) }
        if let region = client.region { rows.append(("region", region)) }
        rows += counterparties(card)
        rows += deals(card, money: money)
        rows.append(("invoices", "\(ReceivablesText.count(card.invoices, "invoice")) issued by \(card.asOf.iso) for \(money(card.invoiced))"))
        rows.append(("payments", "\(ReceivablesText.count(card.payments, "payment")) against them for \(money(card.paid))"))
        if card.unappliedPayments > 0 {
            rows.append(("  without invoice_id", "\(ReceivablesText.count(card.unappliedPayments, "payment"))"
                         + (card.unappliedAmount.map { " for \($0.formatted(groupingSeparator: ","))" } ?? "")
                         + ", not set against the debt"))
        }
        rows.append(("outstanding", money(card.outstanding)))
        for line in card.aging.lines where line.outstanding.units > 0 {
            rows.append(("  \(line.bucket)", "\(line.outstanding.formatted(groupingSeparator: ",")) in "
                         + ReceivablesText.count(line.invoices, "invoice")))
        }
        rows.append(("overdue", card.isOverdue
                        ? "\(money(card.overdue)) in \(ReceivablesText.count(card.aging.overdueInvoices, "invoice"))"
                            + (card.oldestDaysOverdue.map { ", oldest \($0) days past due" } ?? "")
                        : "none"))
        if card.aging.settled.overpaid > 0 {
            rows.append(("overpaid", "\(ReceivablesText.count(card.aging.settled.overpaid, "invoice")) by \(money(card.aging.settled.overpayment))"))
        }
        rows.append(("margin", margin(card.margin, money: money)))
        rows += duplicates(card)
        return rows.map { [.text($0.0), .text($0.1)] }
    }

    private static func counterparties(_ card: ClientCard) -> [(String, String)] {
        guard card.clientsMatched else { return [("counterparty", "unknown: no matches table ('match clients')")] }
        guard !card.counterparties.isEmpty else { return [("counterparty", "none matched")] }
        var rows: [(String, String)] = []
        for counterparty in card.counterparties {
            rows.append(("counterparty", counterparty.id + (counterparty.name.map { " \($0)" } ?? "")))
            if let tax = counterparty.taxID { rows.append(("  tax_id", tax)) }
            if let method = counterparty.method { rows.append(("  matched by", method)) }
            if !counterparty.otherClients.isEmpty {
                rows.append(("  also matched to", "client " + counterparty.otherClients.joined(separator: ", ")))
            }
        }
        return rows
    }

    private static func deals(_ card: ClientCard, money: (ExactDecimal) -> String) -> [(String, String)] {
        guard let deals = card.deals else { return [("deals", "unknown: crm.deals is not mapped")] }
        guard !deals.isEmpty else { return [("deals", "none")] }
        return deals.map { stage in
            let name = stage.crmStage.map { $0.lowercased() == stage.stage ? stage.stage : "\(stage.stage) (\($0))" } ?? stage.stage
            return ("deals \(name)", "\(stage.deals) for \(money(stage.amount))")
        }
    }

    private static func margin(_ margin: ClientMargin, money: (ExactDecimal) -> String) -> String {
        switch margin {
        case .computed(let revenue, let cost, let value, let percent):
            return "\(money(value)) = revenue \(revenue.formatted(groupingSeparator: ",")) − cost \(cost.formatted(groupingSeparator: ","))"
                + (percent.map { String(format: " (%.1f%%)", $0) } ?? "")
        case .none:
            return "none: no won deals and no costs by the date"
        case .unavailable(let reason):
            return "not worked out: \(reason)"
        }
    }

    /// A row per member of each group, the survivor first.
    private static func duplicates(_ card: ClientCard) -> [(String, String)] {
        guard let entries = card.duplicates else { return [("duplicates", "not looked for: no table duplicates (dedupe)")] }
        guard !entries.isEmpty else { return [("duplicates", "none found by dedupe")] }
        return entries.map { member in
            ("duplicates, group \(member.groupID)",
             member.id + (member.name.map { " \($0)" } ?? "") + (member.survivor ? " (keep)" : "")
                + (member.reason.map { ": \($0)" } ?? ""))
        }
    }
}
