import SverkaSyntax

/// What a `roi` statement asks, as written: the model, a scenario or all of them, overrides,
/// and up to two inputs to vary. `source` is the statement's text, which the overrides' and
/// sweeps' spans point into.
public struct ROIRequest: Sendable {
    public var model: Name
    /// `scenario NAME`: that scenario's overrides first.
    public var scenario: Name?
    /// `scenarios`: every scenario of the model side by side.
    public var allScenarios: Bool
    /// `with (…)`, applied after a scenario's overrides.
    public var overrides: [NamedExpression]
    /// `vary …`, one or two.
    public var sweeps: [Sweep]
    public var source: SourceText

    public init(model: Name, scenario: Name? = nil, allScenarios: Bool = false, overrides: [NamedExpression] = [],
                sweeps: [Sweep] = [], source: SourceText) {
        self.model = model
        self.scenario = scenario
        self.allScenarios = allScenarios
        self.overrides = overrides
        self.sweeps = sweeps
        self.source = source
    }
}
