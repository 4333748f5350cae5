import SverkaEngine
import SverkaSyntax

/// Revenue and costs by day and cost group, in minor units of the base currency: what the P&L
/// adds up by month and the KPI report by its trailing months.
struct DailyLedger {
    private(set) var revenue: [CalendarDate: Int64] = [:]
    private(set) var costs: [CostGroup: [CalendarDate: Int64]] = [:]
    /// Costs that went to `other` by their account as written (nil: no account), with their total.
    private(set) var otherAccounts: [String?: Int64] = [:]
    private(set) var undatedRevenue = 0
    private(set) var undatedCosts = 0
    /// Whether acc.costs is mapped.
    private(set) var hasCosts = false

    static let costsRole = "acc.costs"

    /// Reads the revenue (won deals or invoices) and the costs dated in the period.
    static func read(_ workspace: Workspace, period: DatePeriod, revenue source: PnLRevenue,
                     converter: inout CurrencyConverter) throws(Diagnostic) -> DailyLedger {
        var ledger = DailyLedger()
        try ledger.readRevenue(workspace, period: period, source: source, converter: &converter)
        try ledger.readCosts(workspace, period: period, converter: &converter)
        return ledger
    }

    /// Adds the won deals' amounts by close date, or the invoices' by issue date.
    mutating func readRevenue(_ workspace: Workspace, period: DatePeriod, source: PnLRevenue,
                              converter: inout CurrencyConverter) throws(Diagnostic) {
        let stream = RoleStream(workspace: workspace)
        let (role, date, conditions): (String, String, [String?]) = switch source {
        case .deals: ("crm.deals", "closed_at", [ReportDeals.wonDeals])
        case .invoices: ("acc.invoices", "issue_date", [])
        }
        guard stream.exists(role) else { throw ScratchTables.missing(role) }
        let revenue = "from \(role)" + ProfitPipelines.filter(conditions + [ProfitPipelines.condition(period, on: date)])
            + " | select amount, currency, day = \(date)"
        try stream.each(revenue, name: role) { row throws(Diagnostic) in
            guard !row.isNull(at: 0) else { return }
            guard let day = row.optionalText(at: 2).flatMap({ CalendarDate(iso: Substring($0)) }) else {
                undatedRevenue += 1
                return
            }
            let units = converter.convert(units: row.int64(at: 0), currency: row.optionalText(at: 1), on: day)
            self.revenue[day] = try SalesTally.sum(self.revenue[day] ?? 0, units)
        }
    }

    /// Adds acc.costs by date and group, when the role is mapped.
    mutating func readCosts(_ workspace: Workspace, period: DatePeriod, converter: inout CurrencyConverter) throws(Diagnostic) {
        let stream = RoleStream(workspace: workspace)
        let fields = stream.columns(of: Self.costsRole)
        guard !fields.isEmpty else { return }
        hasCosts = true
        // A role mapped before costs had a currency field has none: its costs are in the base currency.
        let currency = fields.contains("currency") ? "currency" : "currency = text(null)"
        let costs = "from acc.costs" + ProfitPipelines.filter([ProfitPipelines.condition(period, on: "date")])
            + " | select amount, \(currency), day = date, account = \(ProfitPipelines.id("account"))"
        try stream.each(costs, name: Self.costsRole) { row throws(Diagnostic) in
            guard !row.isNull(at: 0) else { return }
            guard let day = row.optionalText(at: 2).flatMap({ CalendarDate(iso: Substring($0)) }) else {
                undatedCosts += 1
                return
            }
            let units = converter.convert(units: row.int64(at: 0), currency: row.optionalText(at: 1), on: day)
            let account = row.optionalText(at: 3)
            let group = CostGroup.of(account: account)
            self.costs[group, default: [:]][day] = try SalesTally.sum(self.costs[group]?[day] ?? 0, units)
            if group == .other { otherAccounts[account] = try SalesTally.sum(otherAccounts[account] ?? 0, units) }
        }
    }

    /// The revenue of the days in `days`.
    func revenue(in days: ClosedRange<CalendarDate>) throws(Diagnostic) -> Int64 {
        try Self.total(revenue, in: days)
    }

    /// One group's costs on the days in `days`.
    func costs(_ group: CostGroup, in days: ClosedRange<CalendarDate>) throws(Diagnostic) -> Int64 {
        try Self.total(costs[group] ?? [:], in: days)
    }

    /// Every day that has revenue or a cost.
    var days: Set<CalendarDate> {
        Set(revenue.keys).union(costs.values.flatMap(\.keys))
    }

    private static func total(_ amounts: [CalendarDate: Int64], in days: ClosedRange<CalendarDate>) throws(Diagnostic) -> Int64 {
        var sum: Int64 = 0
        for (day, units) in amounts where days.contains(day) { sum = try SalesTally.sum(sum, units) }
        return sum
    }
}
