import SverkaEngine

/// The answer to a `PnLRequest`: one line per month, oldest first, and their total.
public struct PnLReportResult: Sendable {
    public static let tableName = "report_pnl"

    public var request: PnLRequest
    public var lines: [(month: CalendarMonth, line: PnLLine)]
    public var total: PnLLine
    public var notes: [String]

    public static let columns: [ResultColumn] = {
        let money = LogicalType.decimal(scale: 2)
        return [
            ResultColumn(name: "month", type: .text), ResultColumn(name: "revenue", type: money),
            ResultColumn(name: "cost_of_sales", type: money), ResultColumn(name: "gross_profit", type: money),
            ResultColumn(name: "gross_margin_pct", type: .number), ResultColumn(name: "selling_costs", type: money),
            ResultColumn(name: "admin_costs", type: money), ResultColumn(name: "operating_profit", type: money),
            ResultColumn(name: "operating_margin_pct", type: .number), ResultColumn(name: "other_costs", type: money),
            ResultColumn(name: "pretax_profit", type: money),
        ]
    }()

    public var tableRows: [[Value]] {
        lines.map { Self.row(.text($0.month.description), $0.line) }
    }

    /// The total in the table's columns, `total` in the month column.
    public var totalRow: [Value] { Self.row(.text("total"), total) }

    private static func row(_ key: Value, _ line: PnLLine) -> [Value] {
        func money(_ units: Int64) -> Value { .decimal(ExactDecimal(units: units, scale: 2)) }
        return [key, money(line.revenue), money(line.costOfSales), money(line.grossProfit),
                line.grossMarginPercent.map(Value.number) ?? .null, money(line.selling), money(line.administrative),
                money(line.operatingProfit), line.operatingMarginPercent.map(Value.number) ?? .null,
                money(line.other), money(line.pretaxProfit)]
    }
}
