import SverkaSyntax

/// The value of one input at which the model just pays for itself. The net effect is linear in
/// every input but the discount (an amount, a KPI value, a worth, the horizon), so two points
/// give the line and its zero exactly; NPV is linear in the amounts too, and for the discount
/// its zero is the internal rate of return, found by bisection.
public struct BreakEven: Sendable {
    public var target: ModelTarget
    /// Where ROI (the net effect) is 0; nil when ROI does not depend on the input.
    public var roiZero: ExactRatio?
    /// Where NPV is 0 at the model's discount (for the discount itself: the internal rate of
    /// return); nil when there is no discount or no such value.
    public var npvZero: Double?
    /// Why `npvZero` is missing for a discount, when it is.
    public var npvNote: String?

    /// Whether the value lies where the input can be: a cost, a worth at or above 0, a horizon
    /// of a month or more.
    public var roiZeroIsPossible: Bool {
        guard let roiZero else { return false }
        switch target {
        case .cost, .effect(_, .worth): return !roiZero.isNegative
        case .horizon: return roiZero >= .one
        case .effect, .discount: return true
        }
    }
}

enum BreakEvenSolver {
    static func solve(_ values: ModelValues, target: ModelTarget) throws(Diagnostic) -> BreakEven {
        var result = BreakEven(target: target)
        if target == .discount {
            solveRate(values, into: &result)
            return result
        }
        guard let current = values.number(target) else { return result }
        let next = ModelNumber(try ROICalculator.exactly(at: current.origin) { () throws(ExactRatio.Overflow) in
            try current.value + .one
        }, origin: current.origin)
        let here = try ROICalculator.cashFlows(values.setting(target, to: current))
        let there = try ROICalculator.cashFlows(values.setting(target, to: next))
        result.roiZero = try ROICalculator.exactly(at: current.origin) { () throws(ExactRatio.Overflow) -> ExactRatio? in
            let slope = try there.net - here.net
            guard let shift = try here.net / slope else { return nil }
            return try current.value - shift
        }
        if target.isAmount, let rate = values.discount?.value.doubleValue {
            let npvHere = here.npv(rate: rate), npvThere = there.npv(rate: rate)
            if npvThere != npvHere {
                result.npvZero = current.value.doubleValue - npvHere / (npvThere - npvHere)
            }
        }
        return result
    }

    /// The yearly rate at which NPV is 0, between 0% and 100%.
    private static func solveRate(_ values: ModelValues, into result: inout BreakEven) {
        guard let flows = try? ROICalculator.cashFlows(values) else { return }
        guard flows.npv(rate: 0) > 0 else {
            result.npvNote = "NPV is not positive even undiscounted, so no discount rate brings it to 0"
            return
        }
        var low = 0.0, high = 1.0
        guard flows.npv(rate: high) < 0 else {
            result.npvNote = "NPV stays positive at any discount up to 100%"
            return
        }
        // NPV falls as the rate rises (costs first, then a steady net effect): halve the interval.
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if flows.npv(rate: middle) > 0 { low = middle } else { high = middle }
        }
        result.npvZero = (low + high) / 2
    }
}

extension BreakEven {
    init(target: ModelTarget) {
        self.init(target: target, roiZero: nil, npvZero: nil, npvNote: nil)
    }
}
