import SverkaEngine
import SverkaSyntax

/// The won and lost deals of one row of `report sales`, and the figures made of them.
public struct SalesTally: Sendable, Hashable {
    /// The won deals' amounts, in minor units of the base currency.
    public var revenue: Int64 = 0
    public var won = 0
    public var lost = 0

    public init(revenue: Int64 = 0, won: Int = 0, lost: Int = 0) {
        self.revenue = revenue
        self.won = won
        self.lost = lost
    }

    mutating func add(_ deal: DealFacts) throws(Diagnostic) {
        switch deal.stage {
        case .won:
            won += 1
            revenue = try Self.sum(revenue, deal.amount ?? 0)
        case .lost:
            lost += 1
        case .open:
            break
        }
    }

    mutating func add(_ other: SalesTally) throws(Diagnostic) {
        revenue = try Self.sum(revenue, other.revenue)
        won += other.won
        lost += other.lost
    }

    /// Won deals out of the decided ones (won + lost), in percent to two places; nil when none
    /// was decided. Open deals are not counted: they have not been won or lost yet.
    public var winRatePercent: Double? {
        won + lost > 0 ? ProfitRowBuilder.percent(Int64(won), of: Int64(won + lost)) : nil
    }

    /// Revenue per won deal, rounded half away from zero to the kopeck; nil without won deals.
    public var averageDeal: ExactDecimal? {
        guard won > 0 else { return nil }
        return ExactDecimal(units: Self.divide(revenue, by: Int64(won)), scale: 2)
    }

    /// `numerator / denominator` rounded half away from zero (the denominator positive).
    static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        guard remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    static func sum(_ a: Int64, _ b: Int64) throws(Diagnostic) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw Diagnostic("the amounts add up to more than sverka can hold exactly (about 92 quadrillion)")
        }
        return result
    }
}
