import SverkaEngine

/// What a model comes to over its horizon: each line's effect or cost, the totals, ROI,
/// payback month and NPV. Money is exact; ROI % is rounded only when shown, NPV is floating
/// point (its discount factors are irrational) and rounded to the kopeck.
public struct ROIFigures: Sendable {
    public struct Line: Sendable {
        public enum Kind: String, Sendable {
            case gain, saving, cost
        }

        public var name: String
        public var kind: Kind
        /// An effect's values before and after, and what one unit is worth; nil for a cost.
        public var before: ExactRatio?
        public var after: ExactRatio?
        public var worth: ExactRatio?
        /// An effect's `year`/`month` (what before and after are measured over); a cost's
        /// `once`, `month` or `year`.
        public var period: String
        /// A year's effect, or a recurring cost's amount a year; nil for a one-off cost.
        public var perYear: ExactRatio?
        /// Over the horizon.
        public var total: ExactRatio
    }

    public var modelName: String
    public var lines: [Line]
    public var horizonMonths: Int
    /// The effects of a year, all lines together.
    public var yearlyEffect: ExactRatio
    public var totalEffect: ExactRatio
    /// Paid at the start (month 0).
    public var oneOffCost: ExactRatio
    /// The recurring costs' amount each month.
    public var monthlyCost: ExactRatio
    public var totalCost: ExactRatio
    public var netEffect: ExactRatio
    /// Net effect over total cost, as a fraction (0.0185… for 1.9%).
    public var roi: ExactRatio
    /// The first month at whose end the cumulative effect covers the cumulative cost; nil when
    /// that does not happen within the horizon.
    public var paybackMonth: Int?
    /// The yearly rate NPV is discounted at; nil when the model gives none.
    public var discount: ExactRatio?
    public var npv: Double?

    /// ROI in percent, rounded half away from zero to one decimal place (from the exact ratio).
    /// nil only when it is too large to show (a cost of a kopeck against millions).
    public var roiPercent: ExactDecimal? {
        (try? roi * ExactRatio(100))?.rounded(scale: 1)
    }

    /// NPV rounded half away from zero to the kopeck.
    public var npvMoney: ExactDecimal? {
        guard let npv, npv.isFinite, npv.magnitude < 9e16 else { return nil }
        return ExactDecimal(units: Int64((npv * 100).rounded(.toNearestOrAwayFromZero)), scale: 2)
    }
}
