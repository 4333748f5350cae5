import SverkaEngine

/// One row of a profitability table: a client (product, manager, region), or the row of what
/// belongs to none of them. Money is exact, in the base currency, with two places.
public struct ProfitRow: Sendable, Hashable {
    /// The client's id, the product, the manager or the region; nil on the unallocated row.
    public var key: String?
    /// The client's name (by client) or the key itself; `unallocated` on the unallocated row.
    /// nil for a client id that crm.clients does not have.
    public var name: String?
    public var revenue: ExactDecimal
    public var cost: ExactDecimal
    /// Margin as a percentage of revenue, to two places; nil when there is no revenue.
    public var marginPercent: Double?
    /// The row's revenue as a percentage of the total revenue, to two places; nil when the
    /// total is zero.
    public var revenueShare: Double?
    /// The Pareto class by revenue; nil on the unallocated row, which is no client or product.
    public var abc: ABCClass?

    public init(key: String?, name: String?, revenue: ExactDecimal, cost: ExactDecimal,
                marginPercent: Double?, revenueShare: Double?, abc: ABCClass?) {
        self.key = key
        self.name = name
        self.revenue = revenue
        self.cost = cost
        self.marginPercent = marginPercent
        self.revenueShare = revenueShare
        self.abc = abc
    }

    /// Revenue less cost.
    public var margin: ExactDecimal { ExactDecimal(units: revenue.units - cost.units, scale: revenue.scale) }

    public var isUnallocated: Bool { key == nil }

    /// The name of the row that holds what belongs to no key.
    public static let unallocatedName = "unallocated"
}
