import SverkaDomain
import SverkaEngine

/// The lines `profit` writes on stderr under its table: what was asked, the totals, and the
/// notes on what went unallocated or was converted.
enum ProfitText {
    static func summary(_ result: ProfitResult) -> [String] {
        let request = result.request
        var head = "profit by \(request.dimension.rawValue), \(request.period), revenue from \(source(request.revenue))"
        if let base = request.baseCurrency { head += ", in \(base)" }
        head += ": \(result.rows.count) row\(result.rows.count == 1 ? "" : "s") in table \(ProfitResult.tableName)"
        var totals = "  revenue \(money(result.totalRevenue)) · cost \(money(result.totalCost)) · margin \(money(result.totalMargin))"
        if let percent = marginPercent(result) { totals += " (\(percent)%)" }
        totals += " · \(result.revenueItems) \(item(request.revenue, result.revenueItems)), \(result.costItems) cost\(result.costItems == 1 ? "" : "s")"
        return [head, totals] + result.notes.map { "  " + $0 }
    }

    private static func source(_ revenue: RevenueSource) -> String {
        switch revenue {
        case .deals: return "won deals"
        case .invoices: return "invoices issued"
        case .payments: return "payments received"
        }
    }

    private static func item(_ revenue: RevenueSource, _ count: Int) -> String {
        let plural = count == 1 ? "" : "s"
        switch revenue {
        case .deals: return "won deal" + plural
        case .invoices: return "invoice" + plural
        case .payments: return "payment" + plural
        }
    }

    private static func money(_ amount: ExactDecimal) -> String {
        amount.formatted(groupingSeparator: ",")
    }

    /// The whole table's margin in percent of revenue, as the rows show theirs.
    private static func marginPercent(_ result: ProfitResult) -> String? {
        guard result.totalRevenue.units != 0 else { return nil }
        let percent = Double(result.totalMargin.units) / Double(result.totalRevenue.units) * 100
        return Value.format((percent * 100).rounded() / 100)
    }
}
