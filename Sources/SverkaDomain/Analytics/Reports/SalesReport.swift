import SverkaEngine
import SverkaSyntax

/// `report sales by KEY [, KEY2]`: revenue, deals won and lost, win rate and average deal per
/// product, region, manager or month — or, with a second key, the revenue of each row split
/// into a column per value of that key — written to the table `report_sales`.
///
/// A deal counts when it was won or lost (its close date in the period); its revenue is its
/// amount when won, converted to the base currency on its close date.
public struct SalesReport {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The rows, without writing anything.
    public func compute(_ request: SalesReportRequest) throws(Diagnostic) -> SalesReportResult {
        let deals = try ReportDeals(workspace: workspace)
        var converter = try CurrencyConversion.reading(workspace, base: request.baseCurrency).converter()
        var lines: [[String?]: SalesTally] = [:]
        var total = SalesTally()
        var undated = 0
        let keys = [request.rows] + (request.columns.map { [$0] } ?? [])
        let period = ProfitPipelines.condition(request.period, on: "closed_at")
        try deals.each(where: [ReportDeals.closedDeals, period], converter: &converter) { deal throws(Diagnostic) in
            if deal.closedAt == nil, deal.stage == .won { undated += 1 }
            let key = keys.map { $0.value(of: deal) }
            try lines[key, default: SalesTally()].add(deal)
            try total.add(deal)
        }
        try converter.check()
        var notes: [String] = []
        if undated > 0, keys.contains(.month) {
            notes.append("\(Self.count(undated, "won deal")) with no close date: under no month (∅)")
        }
        if converter.convertedAmounts > 0, let base = converter.conversion.base {
            notes.append("\(Self.count(converter.convertedAmounts, "amount")) converted to \(base) at the rates in acc.rates")
        }
        let months = MonthSpan(period: request.period)
        if let columns = request.columns {
            let pivot = try SalesPivot(rows: request.rows, columns: columns, cells: lines.mapValues(\.revenue), months: months)
            return SalesReportResult(request: request, columns: pivot.columns, rows: pivot.rows, totalRow: pivot.totalRow,
                                     total: total, notes: notes)
        }
        let ordered = Self.order(lines.map { ($0.key[0], $0.value) }, by: request.rows, months: months)
        let rows = ordered.map { Self.row(key: $0.key.map(Value.text) ?? .null, $0.tally) }
        return SalesReportResult(request: request, columns: Self.columns(request.rows), rows: rows,
                                 totalRow: Self.row(key: .text("total"), total), total: total, notes: notes)
    }

    /// The rows, written to the table `report_sales` in one transaction.
    public func run(_ request: SalesReportRequest) throws(Diagnostic) -> SalesReportResult {
        let result = try compute(request)
        try ResultTables.replace([ResultTable(name: SalesReportResult.tableName, columns: result.columns, rows: result.rows)],
                                 in: workspace, by: "report sales")
        return result
    }

    /// The columns of a one-key report.
    public static func columns(_ key: SalesKey) -> [ResultColumn] {
        [ResultColumn(name: key.rawValue, type: .text), ResultColumn(name: "revenue", type: .decimal(scale: 2)),
         ResultColumn(name: "deals_won", type: .integer), ResultColumn(name: "deals_lost", type: .integer),
         ResultColumn(name: "win_rate_pct", type: .number), ResultColumn(name: "average_deal", type: .decimal(scale: 2))]
    }

    private static func row(key: Value, _ tally: SalesTally) -> [Value] {
        [key, .decimal(ExactDecimal(units: tally.revenue, scale: 2)), .integer(Int64(tally.won)), .integer(Int64(tally.lost)),
         tally.winRatePercent.map(Value.number) ?? .null, tally.averageDeal.map(Value.decimal) ?? .null]
    }

    /// Months in calendar order with the empty ones in between (time reads evenly); other keys
    /// by revenue, largest first, equal revenue by name. The row with no key comes last.
    static func order(_ lines: [(key: String?, tally: SalesTally)], by key: SalesKey,
                      months: MonthSpan) -> [(key: String?, tally: SalesTally)] {
        let keyed = lines.filter { $0.key != nil }
        let keyless = lines.filter { $0.key == nil }
        guard key == .month else {
            let sorted = keyed.sorted { a, b in
                a.tally.revenue != b.tally.revenue ? a.tally.revenue > b.tally.revenue : (a.key ?? "") < (b.key ?? "")
            }
            return sorted + keyless
        }
        var byMonth: [String: SalesTally] = [:]
        for line in keyed { if let key = line.key { byMonth[key] = line.tally } }
        let filled = months.months(covering: byMonth.keys.compactMap(CalendarMonth.init(text:)))
        return filled.map { month in (month.description, byMonth[month.description] ?? SalesTally()) } + keyless
    }

    /// `1 deal`, `3 deals`.
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
