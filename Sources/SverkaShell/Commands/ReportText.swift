import SverkaDomain
import SverkaEngine

/// The lines `report` writes on stderr under its table: what was counted, where the table is,
/// and the notes on what was left out or converted.
enum ReportText {
    static func sales(_ result: SalesReportResult) -> [String] {
        let request = result.request
        let keys = [request.rows.rawValue] + (request.columns.map { [$0.rawValue] } ?? [])
        var head = "report sales by \(keys.joined(separator: ", ")), \(request.period)"
        if let base = request.baseCurrency { head += ", in \(base)" }
        head += ": \(rows(result.rows.count)) in table \(SalesReportResult.tableName)"
        let total = result.total
        var totals = "  revenue \(money(total.revenue)) · \(total.won) won, \(total.lost) lost"
        if let rate = total.winRatePercent { totals += " · win rate \(Value.format(rate))%" }
        if let average = total.averageDeal { totals += " · average deal \(average.formatted(groupingSeparator: ","))" }
        return [head, totals] + result.notes.map { "  " + $0 }
    }

    static func clients(_ result: ClientsReportResult) -> [String] {
        let request = result.request
        let head = "report clients, \(request.period), active = bought in the last \(request.window) month\(request.window == 1 ? "" : "s"): "
            + "\(rows(result.lines.count)) in table \(ClientsReportResult.tableName)"
        var lines = [head, "  \(result.clients) client\(result.clients == 1 ? "" : "s") with a won deal"]
        if let last = result.lines.last {
            lines[1] += " · \(last.month): \(last.activeClients) active"
        }
        return lines + result.notes.map { "  " + $0 }
    }

    static func pnl(_ result: PnLReportResult) -> [String] {
        let request = result.request
        var head = "report pnl by month, \(request.period), revenue from \(request.revenue == .deals ? "won deals" : "invoices issued")"
        if let base = request.baseCurrency { head += ", in \(base)" }
        head += ": \(rows(result.lines.count)) in table \(PnLReportResult.tableName)"
        let total = result.total
        var totals = "  revenue \(money(total.revenue)) · gross profit \(money(total.grossProfit))"
        if let margin = total.grossMarginPercent { totals += " (\(Value.format(margin))%)" }
        totals += " · operating profit \(money(total.operatingProfit))"
        if let margin = total.operatingMarginPercent { totals += " (\(Value.format(margin))%)" }
        return [head, totals] + result.notes.map { "  " + $0 }
    }

    static func kpi(_ result: KPIReportResult) -> [String] {
        var head = "report kpi as of \(result.request.asOf.iso)"
        if let current = result.current {
            head += ": \(current.start.iso) … \(current.end.iso)"
            if let previous = result.previous { head += " against \(previous.start.iso) … \(previous.end.iso)" }
        }
        if let base = result.request.baseCurrency { head += ", in \(base)" }
        head += "; \(rows(result.periods.count)) (a month each) in table \(KPIReportResult.tableName)"
        return [head] + result.notes.map { "  " + $0 }
    }

    static func money(_ units: Int64) -> String {
        ExactDecimal(units: units, scale: 2).formatted(groupingSeparator: ",")
    }

    private static func rows(_ count: Int) -> String {
        "\(count) row\(count == 1 ? "" : "s")"
    }
}
