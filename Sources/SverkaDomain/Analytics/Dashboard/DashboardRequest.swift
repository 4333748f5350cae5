import SverkaEngine

/// One `export dashboard to "kpi.html"`.
public struct DashboardRequest: Sendable, Hashable {
    /// The KPIs' as-of date: the last day of the latest month, the aging's date.
    public var asOf: CalendarDate
    public var baseCurrency: String?
    /// How many clients the table of the best margins lists.
    public var topClients: Int

    public static let defaultTopClients = 10

    public init(asOf: CalendarDate, baseCurrency: String? = nil, topClients: Int = DashboardRequest.defaultTopClients) {
        self.asOf = asOf
        self.baseCurrency = baseCurrency
        self.topClients = topClients
    }
}

/// What the dashboard shows, gathered from the reports that make each part: `report kpi`,
/// `aging` and `profit by client`. Parts whose roles are not mapped are nil, with a note.
public struct DashboardData: Sendable {
    public var request: DashboardRequest
    public var kpi: KPIReportResult
    /// The debt per bucket on the as-of date; nil without acc.invoices and acc.payments.
    public var aging: AgingResult?
    /// The clients with the largest margin over the twelve months, largest first.
    public var topClients: [ProfitRow]
    /// Whether costs were there to make the margins (acc.costs mapped).
    public var hasCosts: Bool
    public var notes: [String]
}
