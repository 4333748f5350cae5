import SverkaEngine
import SverkaSyntax

/// One period of the P&L, in minor units of the base currency: revenue, the cost groups, and
/// the profits made of them, as form 2 stacks them.
public struct PnLLine: Sendable, Hashable {
    public var revenue: Int64 = 0
    public var costOfSales: Int64 = 0
    public var selling: Int64 = 0
    public var administrative: Int64 = 0
    public var other: Int64 = 0

    public init(revenue: Int64 = 0, costOfSales: Int64 = 0, selling: Int64 = 0, administrative: Int64 = 0, other: Int64 = 0) {
        self.revenue = revenue
        self.costOfSales = costOfSales
        self.selling = selling
        self.administrative = administrative
        self.other = other
    }

    /// The period's figures from the ledger.
    init(_ ledger: DailyLedger, days: ClosedRange<CalendarDate>) throws(Diagnostic) {
        revenue = try ledger.revenue(in: days)
        costOfSales = try ledger.costs(.costOfSales, in: days)
        selling = try ledger.costs(.selling, in: days)
        administrative = try ledger.costs(.administrative, in: days)
        other = try ledger.costs(.other, in: days)
    }

    /// Revenue less the cost of sales.
    public var grossProfit: Int64 { revenue &- costOfSales }
    /// Gross profit less selling and administrative costs: profit from sales (form 2, line 2200).
    public var operatingProfit: Int64 { grossProfit &- selling &- administrative }
    /// Operating profit less the other costs: what is left before tax.
    public var pretaxProfit: Int64 { operatingProfit &- other }

    /// Gross profit in percent of revenue (two places); nil without revenue.
    public var grossMarginPercent: Double? { ProfitRowBuilder.percent(grossProfit, of: revenue) }
    public var operatingMarginPercent: Double? { ProfitRowBuilder.percent(operatingProfit, of: revenue) }

    mutating func add(_ other: PnLLine) throws(Diagnostic) {
        revenue = try SalesTally.sum(revenue, other.revenue)
        costOfSales = try SalesTally.sum(costOfSales, other.costOfSales)
        selling = try SalesTally.sum(selling, other.selling)
        administrative = try SalesTally.sum(administrative, other.administrative)
        self.other = try SalesTally.sum(self.other, other.other)
    }

    /// Throws when a profit would not fit: the wrapping arithmetic above is then never read.
    func checkRange() throws(Diagnostic) {
        var profit: Int64 = revenue
        for cost in [costOfSales, selling, administrative, other] {
            let (result, overflow) = profit.subtractingReportingOverflow(cost)
            guard !overflow else { throw Diagnostic("the amounts add up to more than sverka can hold exactly (about 92 quadrillion)") }
            profit = result
        }
    }
}
