import SverkaEngine

/// The answer to a `ProfitRequest`: the rows, largest revenue first with the unallocated row
/// last, the totals, and what the report should say about how they were made.
public struct ProfitResult: Sendable {
    public var request: ProfitRequest
    public var rows: [ProfitRow]
    public var totalRevenue: ExactDecimal
    public var totalCost: ExactDecimal
    /// Costs that belong to no row (before any allocation).
    public var unallocatedCost: ExactDecimal
    /// Revenue that belongs to no row (a deal with no product, a manager nobody is).
    public var unallocatedRevenue: ExactDecimal
    /// How much of the unallocated cost `allocate: "revenue"` spread across the rows.
    public var allocatedCost: ExactDecimal
    /// How many deals, invoices or payments gave revenue, and how many costs were read.
    public var revenueItems: Int
    public var costItems: Int
    /// The currencies met (after normalising their codes), and how many amounts were converted.
    public var currencies: [String]
    public var convertedAmounts: Int
    /// Facts the reader needs to trust the figures: what was left unallocated and why, what was
    /// missing, what was converted.
    public var notes: [String]

    public var totalMargin: ExactDecimal {
        ExactDecimal(units: totalRevenue.units - totalCost.units, scale: totalRevenue.scale)
    }

    /// The row of one key (a client id …), or the unallocated row for nil.
    public func row(_ key: String?) -> ProfitRow? {
        rows.first { $0.key == key }
    }

    /// The table `profit`.
    public static let tableName = "profit"

    /// The columns of the table for a dimension: the key, the name, then the figures.
    public static func columns(_ dimension: ProfitDimension) -> [ResultColumn] {
        let money = LogicalType.decimal(scale: 2)
        return [
            ResultColumn(name: dimension.keyColumn, type: .text), ResultColumn(name: dimension.nameColumn, type: .text),
            ResultColumn(name: "revenue", type: money), ResultColumn(name: "cost", type: money),
            ResultColumn(name: "margin", type: money), ResultColumn(name: "margin_pct", type: .number),
            ResultColumn(name: "revenue_share", type: .number), ResultColumn(name: "abc", type: .text),
        ]
    }

    public var columns: [ResultColumn] { Self.columns(request.dimension) }

    /// The rows as table values, in the order of `columns`.
    public var tableRows: [[Value]] {
        rows.map { row in
            [row.key.map(Value.text) ?? .null, row.name.map(Value.text) ?? .null,
             .decimal(row.revenue), .decimal(row.cost), .decimal(row.margin),
             row.marginPercent.map(Value.number) ?? .null, row.revenueShare.map(Value.number) ?? .null,
             row.abc.map { .text($0.rawValue) } ?? .null]
        }
    }
}
