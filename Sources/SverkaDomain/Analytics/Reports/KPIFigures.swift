import SverkaEngine

/// The KPIs of one period (see docs/reports.md for each definition).
public struct KPIFigures: Sendable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate
    /// Won deals closed in the period, in the base currency.
    public var revenue: ExactDecimal
    public var dealsWon: Int
    public var dealsLost: Int
    /// Revenue per won deal, to the kopeck; nil without won deals.
    public var averageDeal: ExactDecimal?
    /// Won ÷ (won + lost) of the deals closed in the period, in percent.
    public var winRatePercent: Double?
    /// The mean days from created_at to closed_at of the won deals (those with both dates).
    public var salesCycleDays: Double?
    /// (revenue − cost of sales) ÷ revenue, in percent; nil without acc.costs or revenue.
    public var grossMarginPercent: Double?
    /// What was owed at the end of the period; nil without acc.invoices and acc.payments.
    public var receivables: ExactDecimal?
    /// The part of it past due.
    public var overdue: ExactDecimal?
    public var overduePercent: Double?
    /// Receivables ÷ the amounts invoiced in the period × its days, as `dso` computes it.
    public var dsoDays: Double?
}
