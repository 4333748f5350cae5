import SverkaEngine

/// Days sales outstanding over a period: receivables at its end ÷ revenue invoiced in it × its
/// days — how many days of sales the debt amounts to.
public struct DSOResult: Sendable, Hashable {
    /// The period, both days included.
    public var start: CalendarDate
    public var end: CalendarDate
    /// What was owed at the end of the day `end` (the total of `aging as of end`).
    public var receivables: ExactDecimal
    /// The amounts of the invoices issued in the period.
    public var revenue: ExactDecimal
    /// How many invoices that revenue is.
    public var invoices: Int
    /// The currency of the amounts; nil when the invoices name none.
    public var currency: String?

    /// Days in the period, both ends counted.
    public var days: Int { start.days(to: end) + 1 }

    /// receivables ÷ revenue × days; nil when nothing was invoiced in the period.
    public var dso: Double? {
        guard revenue.units > 0 else { return nil }
        return Double(receivables.units) / Double(revenue.units) * Double(days)
    }
}
