import Foundation
import SverkaSyntax

/// The ROI arithmetic, exact except for NPV:
///
/// - effect of a line = (after − before) for a gain, (before − after) for a saving, times its
///   worth; a year's effect is that, times 12 when the values are per month;
/// - total effect = a year's effects × horizon months / 12 (effects spread evenly per month);
/// - total cost = one-off costs + monthly costs × months + yearly costs × months / 12;
/// - ROI = (total effect − total cost) / total cost;
/// - payback = the first month m with m × monthly effect ≥ one-off costs + m × monthly costs
///   (one-off costs are paid at the start, month 0), within the horizon;
/// - NPV = −one-off costs + Σ over months m of (monthly effect − monthly costs) / (1 + rate)^(m/12).
enum ROICalculator {
    /// Horizons longer than this are refused: NPV adds one term a month.
    static let maximumHorizonMonths = 1_200

    static func figures(_ values: ModelValues) throws(Diagnostic) -> ROIFigures {
        let months = try horizonMonths(values.horizon)
        try check(values)
        try checkCost(values)
        return try exactly(at: values.anchor) { () throws(ExactRatio.Overflow) -> ROIFigures in
            try compute(values, months: months)
        }
    }

    /// Each line's effect or cost, whether or not the costs leave an ROI to compute; empty
    /// when the inputs give no figures at all (a horizon of 0, say).
    static func lines(_ values: ModelValues) -> [ROIFigures.Line] {
        guard let months = try? horizonMonths(values.horizon),
              let figures = try? exactly(at: values.anchor, { () throws(ExactRatio.Overflow) -> ROIFigures in
                  try compute(values, months: months)
              }) else { return [] }
        return figures.lines
    }

    /// The model as money over time, without ROI (so without its complaint about a zero cost):
    /// what break-even solves.
    static func cashFlows(_ values: ModelValues) throws(Diagnostic) -> CashFlows {
        let months = try horizonMonths(values.horizon)
        return try exactly(at: values.anchor) { () throws(ExactRatio.Overflow) -> CashFlows in
            let (yearly, _) = try effects(values, months: months)
            let (oneOff, monthly, _) = try costs(values, months: months)
            let monthlyNet = try yearly.divided(by: 12) - monthly
            return CashFlows(months: months, oneOff: oneOff, monthlyNet: monthlyNet,
                             net: try monthlyNet * ExactRatio(months) - oneOff)
        }
    }

    /// One-off costs at the start, then the same net effect every month.
    struct CashFlows {
        var months: Int
        var oneOff: ExactRatio
        var monthlyNet: ExactRatio
        /// The net effect over the horizon.
        var net: ExactRatio

        func npv(rate: Double) -> Double {
            ROICalculator.npv(oneOff: oneOff, monthlyNet: monthlyNet, months: months, rate: rate)
        }
    }

    /// NPV at a yearly rate: one-off costs now, the month's net effect at the end of each month.
    static func npv(oneOff: ExactRatio, monthlyNet: ExactRatio, months: Int, rate: Double) -> Double {
        let flow = monthlyNet.doubleValue
        var total = -oneOff.doubleValue
        for month in 1...max(1, months) {
            total += flow / pow(1 + rate, Double(month) / 12)
        }
        return total
    }

    // MARK: - The parts

    private static func compute(_ values: ModelValues, months: Int) throws(ExactRatio.Overflow) -> ROIFigures {
        let (yearlyEffect, effectLines) = try effects(values, months: months)
        let (oneOff, monthlyCost, costLines) = try costs(values, months: months)
        let totalEffect = try (yearlyEffect * ExactRatio(months)).divided(by: 12)
        let totalCost = try oneOff + monthlyCost * ExactRatio(months)
        let net = try totalEffect - totalCost
        // Costs are never negative (checked), so only all-zero costs leave nothing to divide by.
        let roi = try (net / totalCost) ?? .zero
        let monthlyNet = try yearlyEffect.divided(by: 12) - monthlyCost
        let discount = values.discount?.value
        return ROIFigures(
            modelName: values.modelName, lines: effectLines + costLines, horizonMonths: months,
            yearlyEffect: yearlyEffect, totalEffect: totalEffect, oneOffCost: oneOff, monthlyCost: monthlyCost,
            totalCost: totalCost, netEffect: net, roi: roi,
            paybackMonth: try paybackMonth(oneOff: oneOff, monthlyNet: monthlyNet, months: months),
            discount: discount,
            npv: discount.map { npv(oneOff: oneOff, monthlyNet: monthlyNet, months: months, rate: $0.doubleValue) })
    }

    private static func effects(_ values: ModelValues, months: Int) throws(ExactRatio.Overflow) -> (ExactRatio, [ROIFigures.Line]) {
        var yearly = ExactRatio.zero
        var lines: [ROIFigures.Line] = []
        for effect in values.effects {
            let before = effect.before.value, after = effect.after.value
            let change = effect.direction == .gain ? try after - before : try before - after
            let worth = effect.worth?.value ?? .one
            let perYear = try change * worth * ExactRatio(effect.period == .month ? 12 : 1)
            yearly = try yearly + perYear
            lines.append(ROIFigures.Line(
                name: effect.name, kind: effect.direction == .gain ? .gain : .saving, before: before, after: after,
                worth: worth, period: effect.period.rawValue, perYear: perYear,
                total: try (perYear * ExactRatio(months)).divided(by: 12)))
        }
        return (yearly, lines)
    }

    /// One-off total, recurring amount a month, and the lines.
    private static func costs(_ values: ModelValues, months: Int) throws(ExactRatio.Overflow) -> (ExactRatio, ExactRatio, [ROIFigures.Line]) {
        var oneOff = ExactRatio.zero, monthly = ExactRatio.zero
        var lines: [ROIFigures.Line] = []
        for cost in values.costs {
            let amount = cost.amount.value
            let perYear: ExactRatio?
            let total: ExactRatio
            switch cost.period {
            case nil:
                oneOff = try oneOff + amount
                perYear = nil
                total = amount
            case .month?:
                monthly = try monthly + amount
                perYear = try amount * ExactRatio(12)
                total = try amount * ExactRatio(months)
            case .year?:
                monthly = try monthly + amount.divided(by: 12)
                perYear = amount
                total = try (amount * ExactRatio(months)).divided(by: 12)
            }
            lines.append(ROIFigures.Line(name: cost.name, kind: .cost, before: nil, after: nil, worth: nil,
                                         period: cost.period?.rawValue ?? "once", perYear: perYear, total: total))
        }
        return (oneOff, monthly, lines)
    }

    private static func paybackMonth(oneOff: ExactRatio, monthlyNet: ExactRatio, months: Int) throws(ExactRatio.Overflow) -> Int? {
        guard monthlyNet > .zero else {
            // Nothing is gained month by month: the cost is covered only if there was none to cover.
            return oneOff.isZero && monthlyNet.isZero ? 1 : nil
        }
        guard let covering = try oneOff / monthlyNet else { return nil }
        let needed = max(1, covering.ceiling)
        return needed <= Int128(months) ? Int(needed) : nil
    }

    // MARK: - Checks

    static func horizonMonths(_ horizon: ModelNumber) throws(Diagnostic) -> Int {
        let value = horizon.value
        if value.isNegative || value.isZero {
            throw horizon.origin.diagnostic("the horizon must be 1 month or more; it is \(value.formatted()) months",
                                            hints: ["write: horizon 12 months"])
        }
        guard value.isInteger else {
            throw horizon.origin.diagnostic("the horizon must be a whole number of months; it is \(value.formatted()) months",
                                            hints: ["write: horizon 18 months"])
        }
        guard value <= ExactRatio(maximumHorizonMonths) else {
            throw horizon.origin.diagnostic(
                "a horizon of \(value.formatted()) months is too long; at most \(ExactRatio(maximumHorizonMonths).formatted()) (100 years)")
        }
        return Int(value.numerator)
    }

    private static func check(_ values: ModelValues) throws(Diagnostic) {
        for cost in values.costs where cost.amount.value.isNegative {
            throw cost.amount.origin.diagnostic(
                "cost.\(cost.name) is negative (\(cost.amount.value.formatted())); a cost is 0 or more",
                hints: ["what the integration saves is an effect: write it as a 'saving' line"])
        }
        for effect in values.effects {
            if let worth = effect.worth, worth.value.isNegative {
                throw worth.origin.diagnostic("\(effect.name).worth is negative (\(worth.value.formatted())); what one unit is worth is 0 or more",
                                              hints: ["a KPI that should go down is a 'saving', one that should go up a 'gain'"])
            }
        }
        if let discount = values.discount, discount.value.isNegative || discount.value >= .one {
            let percent = (try? discount.value * ExactRatio(100))?.formatted() ?? discount.value.formatted()
            throw discount.origin.diagnostic("the discount is a yearly rate from 0% up to 100%; it is \(percent)%",
                                             hints: ["write twelve percent as 12% or 0.12"])
        }
    }

    /// ROI divides by the total cost: all costs zero leaves it undefined.
    static func checkCost(_ values: ModelValues) throws(Diagnostic) {
        guard !values.costs.contains(where: { !$0.amount.value.isZero }) else { return }
        let origin = values.costs.first?.amount.origin ?? values.anchor
        throw origin.diagnostic("ROI is not defined: the costs add up to 0 (division by zero)",
                                hints: ["ROI = (total effect − total cost) / total cost; give what the integration costs"])
    }

    static func exactly<Result>(at origin: ValueOrigin, _ body: () throws(ExactRatio.Overflow) -> Result) throws(Diagnostic) -> Result {
        do throws(ExactRatio.Overflow) {
            return try body()
        } catch {
            throw origin.diagnostic("the model's numbers are too large to compute with exactly")
        }
    }
}
