/// What rows a profitability table has: one per client, product, manager or region.
public enum ProfitDimension: String, Sendable, Hashable, CaseIterable {
    case client, product, manager, region

    /// The key column's name in the table `profit`.
    public var keyColumn: String { self == .client ? "client_id" : rawValue }

    /// The column that names the row (`unallocated` on the row of what has no key).
    public var nameColumn: String { self == .client ? "client_name" : "name" }
}

/// Where revenue comes from: the CRM's won deals (the default), or accounting's invoices
/// (accrual) or payments (cash).
public enum RevenueSource: String, Sendable, Hashable, CaseIterable {
    /// Won deals closed in the period, by their close date.
    case deals
    /// Invoices issued in the period, by their issue date.
    case invoices
    /// Payments made in the period, by their payment date.
    case payments
}

/// What happens to the costs that belong to no row.
public enum CostAllocation: String, Sendable, Hashable, CaseIterable {
    /// They stay on one row with no key, named `unallocated`.
    case none
    /// They are spread across the rows in proportion to their revenue, exactly to the kopeck.
    case revenue
}

/// One `profit by …` question.
public struct ProfitRequest: Sendable, Hashable {
    public var dimension: ProfitDimension
    /// Which deals, invoices, payments and costs count, by their dates.
    public var period: DatePeriod
    public var revenue: RevenueSource
    public var allocation: CostAllocation
    /// The currency every amount is converted to (`RUB`); nil: one currency, no conversion.
    public var baseCurrency: String?

    public init(dimension: ProfitDimension, period: DatePeriod = .all, revenue: RevenueSource = .deals,
                allocation: CostAllocation = .none, baseCurrency: String? = nil) {
        self.dimension = dimension
        self.period = period
        self.revenue = revenue
        self.allocation = allocation
        self.baseCurrency = baseCurrency
    }
}
