/// `NAME from A to B step S`: the values one input takes in turn (`roi … vary cost.project from
/// 500k to 2M step 250k`). The name may be dotted; the numbers are expressions.
public struct Sweep: Sendable, Hashable {
    public var target: Name
    public var from: Expression
    public var to: Expression
    public var step: Expression
    public var span: Span

    public init(target: Name, from: Expression, to: Expression, step: Expression, span: Span) {
        self.target = target
        self.from = from
        self.to = to
        self.step = step
        self.span = span
    }
}
