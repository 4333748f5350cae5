/// Where `report pnl` takes revenue from.
public enum PnLRevenue: String, Sendable, Hashable, CaseIterable {
    /// Won deals, by their close date (as `profit` and `report sales` count it).
    case deals
    /// Invoices issued, by their issue date: accounting's accrual view.
    case invoices
}

/// One `report pnl by month [from … to …] [with (revenue: …)]` question.
public struct PnLRequest: Sendable, Hashable {
    public var period: DatePeriod
    public var revenue: PnLRevenue
    public var baseCurrency: String?

    public init(period: DatePeriod = .all, revenue: PnLRevenue = .deals, baseCurrency: String? = nil) {
        self.period = period
        self.revenue = revenue
        self.baseCurrency = baseCurrency
    }
}
