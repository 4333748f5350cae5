import SverkaEngine
import SverkaSyntax

/// Defining models and scenarios: each is run once before it is kept, so a mistake in it (an
/// unknown table, a negative horizon, costs of zero) is reported under the text just written,
/// and nothing is kept that cannot be run.
extension ROIAnalysis {
    /// Checks and keeps a model, replacing one of the same name.
    public func define(_ model: ROIModel) throws(Diagnostic) -> ModelDefinitionReport {
        let figures = try ROICalculator.figures(try evaluator.values(of: model))
        let store = ModelStore(workspace: workspace)
        let scenarios = try store.scenarios(of: model.name)
        var broken: [String] = []
        for scenario in scenarios {
            do throws(Diagnostic) {
                _ = try evaluator.overrides(try scenario.items(), in: scenario.source, of: model)
            } catch {
                broken.append("scenario \(scenario.name): \(error.message)")
            }
        }
        let replaced = try store.save(model)
        return ModelDefinitionReport(figures: figures, replaced: replaced, scenarios: scenarios.count, brokenScenarios: broken)
    }

    /// Checks and keeps a scenario: its overrides (the text of `(…)`, empty for none) are read
    /// against the model and the figures computed once.
    public func defineScenario(_ name: Name, of modelName: Name, overrides items: [NamedExpression], written: String,
                               in source: SourceText) throws(Diagnostic) -> ScenarioDefinitionReport {
        let store = ModelStore(workspace: workspace)
        let model = try store.model(modelName)
        let overrides = try evaluator.overrides(items, in: source, of: model)
        let values = try evaluator.values(of: model)
        let figures = try ROICalculator.figures(values.setting(overrides))
        let modelFigures = try? ROICalculator.figures(values)
        let replaced = try store.saveScenario(name.text, of: model.name, overrides: written)
        return ScenarioDefinitionReport(model: model.name, figures: figures, modelFigures: modelFigures,
                                        overrides: overrides.map { ($0.target, $0.number.value) }, replaced: replaced)
    }

    /// Forgets a model (with its scenarios) or one scenario of a model.
    public func forget(model name: Name, scenario: Name?) throws(Diagnostic) {
        let store = ModelStore(workspace: workspace)
        guard let scenario else {
            try store.remove(name)
            return
        }
        let model = try store.model(name)
        guard try store.removeScenario(scenario.text, of: model.name) else {
            throw Diagnostic("the model '\(model.name)' has no scenario '\(scenario.text)'", at: scenario.span)
                .hint("'models \(model.name)' shows its scenarios")
        }
    }
}

public struct ModelDefinitionReport: Sendable {
    /// The figures with the data as it is now.
    public var figures: ROIFigures
    /// Whether a model of that name was replaced.
    public var replaced: Bool
    /// How many scenarios the model has (they stay when it is replaced).
    public var scenarios: Int
    /// Scenarios that set an input the new definition does not have, with why.
    public var brokenScenarios: [String]
}

public struct ScenarioDefinitionReport: Sendable {
    public var model: String
    public var figures: ROIFigures
    /// The model's own figures, to compare with.
    public var modelFigures: ROIFigures?
    public var overrides: [(target: ModelTarget, value: ExactRatio)]
    public var replaced: Bool
}
