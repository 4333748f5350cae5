/// What `report sales` groups deals by.
public enum SalesKey: String, Sendable, Hashable, CaseIterable {
    /// The deal's product.
    case product
    /// The client's region (crm.clients), else the deal's own — as `profit by region` has it.
    case region
    /// The client's manager, else the deal's own.
    case manager
    /// The month the deal was closed in (`2026-11`).
    case month

    /// The deal's value of this key: a name, or the close month as `yyyy-MM`.
    func value(of deal: DealFacts) -> String? {
        switch self {
        case .product: return deal.product
        case .region: return deal.region
        case .manager: return deal.manager
        case .month: return deal.closedAt.map { CalendarMonth($0).description }
        }
    }
}

/// One `report sales by KEY [, KEY2] [from … to …]` question.
public struct SalesReportRequest: Sendable, Hashable {
    /// A row per value of this key.
    public var rows: SalesKey
    /// With a second key, a column per value of it, each cell the revenue of its row and column.
    public var columns: SalesKey?
    /// Deals closed in the period count (won and lost alike).
    public var period: DatePeriod
    /// The currency every amount is converted to; nil: one currency, no conversion.
    public var baseCurrency: String?

    public init(rows: SalesKey, columns: SalesKey? = nil, period: DatePeriod = .all, baseCurrency: String? = nil) {
        self.rows = rows
        self.columns = columns
        self.period = period
        self.baseCurrency = baseCurrency
    }
}
