import SverkaEngine

/// One figure of `report kpi`: what it is called, in what unit it is read, and how its change
/// from one period to the next is told.
public enum KPIMeasure: String, Sendable, Hashable, CaseIterable {
    case revenue
    case grossMargin = "gross_margin"
    case dso
    case overdueShare = "overdue_share"
    case winRate = "win_rate"
    case averageDeal = "average_deal"
    case salesCycle = "sales_cycle"
    case receivables

    public enum Unit: Sendable {
        /// Money: the change is relative, in percent of the previous value.
        case money
        /// A percentage: the change is the difference, in percentage points.
        case percent
        /// Days: the change is the difference, in days.
        case days
    }

    public var unit: Unit {
        switch self {
        case .revenue, .averageDeal, .receivables: return .money
        case .grossMargin, .overdueShare, .winRate: return .percent
        case .dso, .salesCycle: return .days
        }
    }

    /// What the report calls it.
    public var title: String {
        switch self {
        case .revenue: return "revenue"
        case .grossMargin: return "gross margin"
        case .dso: return "DSO"
        case .overdueShare: return "overdue share"
        case .winRate: return "win rate"
        case .averageDeal: return "average deal"
        case .salesCycle: return "sales cycle"
        case .receivables: return "receivables"
        }
    }

    /// Whether a rise is good news (for colouring the dashboard): debt and waiting are not.
    public var higherIsBetter: Bool {
        switch self {
        case .dso, .overdueShare, .salesCycle, .receivables: return false
        default: return true
        }
    }

    /// The figure in a period, as a number for sparklines and changes (money in its units, not
    /// kopecks); nil when it cannot be told (nothing sold, no receivables mapped, …).
    public func value(_ figures: KPIFigures) -> Double? {
        switch self {
        case .revenue: return figures.revenue.doubleValue
        case .grossMargin: return figures.grossMarginPercent
        case .dso: return figures.dsoDays
        case .overdueShare: return figures.overduePercent
        case .winRate: return figures.winRatePercent
        case .averageDeal: return figures.averageDeal?.doubleValue
        case .salesCycle: return figures.salesCycleDays
        case .receivables: return figures.receivables?.doubleValue
        }
    }

    /// The change from `previous` to `current` in the measure's own terms: percent of the
    /// previous value for money (nil from zero), a difference for percentages and days; nil when
    /// either side is unknown.
    public func change(from previous: Double?, to current: Double?) -> Double? {
        guard let previous, let current else { return nil }
        switch unit {
        case .money: return previous == 0 ? nil : (current - previous) / abs(previous) * 100
        case .percent, .days: return current - previous
        }
    }
}

extension KPIMeasure {
    /// The figure as the report prints it: money exact with separators, percentages and days
    /// from their numbers (`65.31%`, `37.5 days`); nil when it cannot be told.
    public func text(_ figures: KPIFigures) -> String? {
        switch self {
        case .revenue: return figures.revenue.formatted(groupingSeparator: ",")
        case .averageDeal: return figures.averageDeal?.formatted(groupingSeparator: ",")
        case .receivables: return figures.receivables?.formatted(groupingSeparator: ",")
        default: break
        }
        guard let value = value(figures) else { return nil }
        switch unit {
        case .money: return Value.format(value)
        case .percent: return Value.format(value) + "%"
        case .days: return Value.format(value) + (value == 1 ? " day" : " days")
        }
    }

    /// The change as the report prints it: `+13.6%` (money), `-2.1 pp` (percentages), `+3 days`.
    public func changeText(from previous: KPIFigures?, to current: KPIFigures?) -> String? {
        guard let change = change(from: previous.flatMap { value($0) }, to: current.flatMap { value($0) }) else { return nil }
        let rounded = unit == .money ? (change * 10).rounded() / 10 : (change * 100).rounded() / 100
        let sign = rounded > 0 ? "+" : ""
        switch unit {
        case .money: return sign + Value.format(rounded) + "%"
        case .percent: return sign + Value.format(rounded) + " pp"
        case .days: return sign + Value.format(rounded) + (abs(rounded) == 1 ? " day" : " days")
        }
    }
}
