import SverkaEngine

/// The answer to a `KPIRequest`: the figures of the twelve periods, oldest first; the last is
/// the month that ends on the as-of date, the one before it what it is compared with.
public struct KPIReportResult: Sendable {
    public static let tableName = "report_kpi"

    public var request: KPIRequest
    public var periods: [KPIFigures]
    public var notes: [String]

    /// The month that ends on the as-of date.
    public var current: KPIFigures? { periods.last }
    /// The month before it.
    public var previous: KPIFigures? { periods.count > 1 ? periods[periods.count - 2] : nil }

    /// A measure over the periods, oldest first, for a sparkline.
    public func series(_ measure: KPIMeasure) -> [Double?] {
        periods.map { measure.value($0) }
    }

    public static let columns: [ResultColumn] = {
        let money = LogicalType.decimal(scale: 2)
        return [
            ResultColumn(name: "period_start", type: .date), ResultColumn(name: "period_end", type: .date),
            ResultColumn(name: "revenue", type: money), ResultColumn(name: "deals_won", type: .integer),
            ResultColumn(name: "deals_lost", type: .integer), ResultColumn(name: "average_deal", type: money),
            ResultColumn(name: "win_rate_pct", type: .number), ResultColumn(name: "sales_cycle_days", type: .number),
            ResultColumn(name: "gross_margin_pct", type: .number), ResultColumn(name: "receivables", type: money),
            ResultColumn(name: "overdue", type: money), ResultColumn(name: "overdue_pct", type: .number),
            ResultColumn(name: "dso_days", type: .number),
        ]
    }()

    public var tableRows: [[Value]] {
        periods.map { figures in
            [.date(figures.start), .date(figures.end), .decimal(figures.revenue), .integer(Int64(figures.dealsWon)),
             .integer(Int64(figures.dealsLost)), Self.value(figures.averageDeal), Self.value(figures.winRatePercent),
             Self.value(figures.salesCycleDays), Self.value(figures.grossMarginPercent), Self.value(figures.receivables),
             Self.value(figures.overdue), Self.value(figures.overduePercent), Self.value(figures.dsoDays)]
        }
    }

    private static func value(_ money: ExactDecimal?) -> Value { money.map(Value.decimal) ?? .null }
    private static func value(_ number: Double?) -> Value { number.map(Value.number) ?? .null }
}
