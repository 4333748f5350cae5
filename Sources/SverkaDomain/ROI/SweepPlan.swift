import SverkaSyntax

/// The values a `vary NAME from A to B step S` gives its input: A, A + S, … up to B (down, when
/// B is below A), read exactly, so `from 500k to 2M step 250k` is seven values ending at 2M.
public struct SweepPlan: Sendable {
    public var target: ModelTarget
    public var values: [ExactRatio]
    /// The `vary` as written: where a value it gives is complained about.
    public var origin: ValueOrigin

    /// The most values one `vary` may give, and the most the second of two may (the columns of
    /// a two-way table).
    public static let maximumValues = 1_000
    public static let maximumColumns = 30

    static func plan(_ sweep: Sweep, in source: SourceText, model: ROIModel, evaluator: ModelEvaluator,
                     maximum: Int) throws(Diagnostic) -> SweepPlan {
        let target = try model.target(sweep.target, in: source)
        let from = try evaluator.number(.expression(sweep.from), in: source, naming: "the first value of \(target)")
        let to = try evaluator.number(.expression(sweep.to), in: source, naming: "the last value of \(target)")
        let step = try evaluator.number(.expression(sweep.step), in: source, naming: "the step")
        let origin = ValueOrigin(span: sweep.span, source: source, isLiteral: false)
        guard step.value > .zero else {
            throw step.origin.diagnostic("the step of a vary must be more than 0; it is \(step.value.formatted())",
                                         hints: ["to go down, write the larger value first: vary \(target) from 2M to 500k step 250k"])
        }
        let descending = to.value < from.value
        let count = try ROICalculator.exactly(at: origin) { () throws(ExactRatio.Overflow) -> Int128 in
            let distance = descending ? try from.value - to.value : try to.value - from.value
            return ((try distance / step.value) ?? .zero).floor + 1
        }
        guard count <= Int128(maximum) else {
            let counted = ExactRatio(count, over: 1)?.formatted() ?? "\(count)"
            throw origin.diagnostic("this vary gives \(counted) values; at most \(ExactRatio(maximum).formatted())",
                                    hints: ["take a larger step or a narrower range"])
        }
        let values = try ROICalculator.exactly(at: origin) { () throws(ExactRatio.Overflow) -> [ExactRatio] in
            let delta = descending ? -step.value : step.value
            var values = [from.value]
            for _ in 1..<Int(count) { values.append(try values[values.count - 1] + delta) }
            return values
        }
        return SweepPlan(target: target, values: values, origin: origin)
    }

    /// The override that sets the input to one of the values.
    func override(_ value: ExactRatio) -> ModelOverride {
        ModelOverride(target: target, number: ModelNumber(value, origin: origin))
    }
}
