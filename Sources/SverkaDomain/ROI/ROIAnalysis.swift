import SverkaEngine
import SverkaSyntax

/// Runs a `roi` statement: reads the model kept in the workspace, its numbers as the data and
/// variables give them now, the scenario and overrides asked for, then the figures in the shape
/// asked for — and writes them to the tables `roi` (and `roi_lines`), all or nothing.
public struct ROIAnalysis {
    let workspace: Workspace
    let evaluator: ModelEvaluator

    public init(workspace: Workspace, variables: [String: Value]) {
        self.workspace = workspace
        self.evaluator = ModelEvaluator(workspace: workspace, variables: variables)
    }

    public func run(_ request: ROIRequest) throws(Diagnostic) -> ROIOutcome {
        let store = ModelStore(workspace: workspace)
        let model = try store.model(request.model)
        try checkShape(request)
        var base = try evaluator.values(of: model)
        if let scenarioName = request.scenario {
            let scenario = try findScenario(scenarioName, of: model, in: store)
            base = base.setting(try scenarioOverrides(scenario, of: model))
        }
        let statementOverrides = try evaluator.overrides(request.overrides, in: request.source, of: model)
        let outcome: ROIOutcome
        if request.allScenarios {
            outcome = .scenarios(try scenarios(of: model, base: base, then: statementOverrides, in: store, request: request))
        } else {
            base = base.setting(statementOverrides)
            switch request.sweeps.count {
            case 0: outcome = .single(try single(base, scenario: request.scenario?.text))
            case 1: outcome = .oneWay(try oneWay(base, request.sweeps[0], model: model, request: request))
            default: outcome = .twoWay(try twoWay(base, request.sweeps, model: model, request: request))
            }
        }
        try ResultTables.replace(ROITables.tables(for: outcome), in: workspace, by: "roi")
        return outcome
    }

    private func checkShape(_ request: ROIRequest) throws(Diagnostic) {
        let here = { (span: Span) in ValueOrigin(span: span, source: request.source, isLiteral: false) }
        if request.sweeps.count > 2 {
            throw here(request.sweeps[2].span).diagnostic("at most two inputs can be varied at once (a two-way table)")
        }
        if request.allScenarios, let sweep = request.sweeps.first {
            throw here(sweep.span).diagnostic("'scenarios' and 'vary' cannot be combined",
                                              hints: ["vary one scenario: roi MODEL scenario NAME vary …"])
        }
        if request.allScenarios, let scenario = request.scenario {
            throw here(scenario.span).diagnostic("'scenarios' shows every scenario; 'scenario NAME' picks one — write one of them")
        }
        if request.sweeps.count == 2, request.sweeps[0].target.text.lowercased() == request.sweeps[1].target.text.lowercased() {
            throw here(request.sweeps[1].target.span).diagnostic("'\(request.sweeps[1].target.text)' is varied twice",
                                                                   hints: ["a two-way table varies two different inputs"])
        }
    }

    // MARK: - Shapes

    private func single(_ values: ModelValues, scenario: String?) throws(Diagnostic) -> ROISingle {
        let figures = try ROICalculator.figures(values)
        return ROISingle(figures: figures, readNumbers: Self.readNumbers(values), scenario: scenario)
    }

    private func oneWay(_ base: ModelValues, _ sweep: Sweep, model: ROIModel, request: ROIRequest) throws(Diagnostic) -> ROIOneWay {
        let plan = try SweepPlan.plan(sweep, in: request.source, model: model, evaluator: evaluator, maximum: SweepPlan.maximumValues)
        var rows: [ROIFigures] = []
        for value in plan.values {
            rows.append(try ROICalculator.figures(base.setting([plan.override(value)])))
        }
        return ROIOneWay(sweep: plan, rows: rows, breakEven: try BreakEvenSolver.solve(base, target: plan.target),
                         baseLines: ROICalculator.lines(base), scenario: request.scenario?.text)
    }

    private func twoWay(_ base: ModelValues, _ sweeps: [Sweep], model: ROIModel, request: ROIRequest) throws(Diagnostic) -> ROITwoWay {
        let source = request.source
        let rows = try SweepPlan.plan(sweeps[0], in: source, model: model, evaluator: evaluator, maximum: SweepPlan.maximumValues)
        let columns = try SweepPlan.plan(sweeps[1], in: source, model: model, evaluator: evaluator, maximum: SweepPlan.maximumColumns)
        var figures: [[ROIFigures]] = []
        for rowValue in rows.values {
            var line: [ROIFigures] = []
            for columnValue in columns.values {
                line.append(try ROICalculator.figures(base.setting([rows.override(rowValue), columns.override(columnValue)])))
            }
            figures.append(line)
        }
        var breakEvens: [BreakEven] = []
        for columnValue in columns.values {
            breakEvens.append(try BreakEvenSolver.solve(base.setting([columns.override(columnValue)]), target: rows.target))
        }
        return ROITwoWay(rows: rows, columns: columns, figures: figures, breakEvens: breakEvens,
                         baseLines: ROICalculator.lines(base), scenario: request.scenario?.text)
    }

    private func scenarios(of model: ROIModel, base: ModelValues, then overrides: [ModelOverride], in store: ModelStore,
                           request: ROIRequest) throws(Diagnostic) -> ROIScenarios {
        let stored = try store.scenarios(of: model.name)
        guard !stored.isEmpty else {
            throw Diagnostic("the model '\(model.name)' has no scenarios", at: request.model.span)
                .hint("define them: scenario pessimistic of \(model.name) (cost.\(model.costs[0].name.text) = …)")
                .hint("a scenario with no overrides is the model as it is: scenario base of \(model.name)")
        }
        var columns: [ROIScenarios.Column] = []
        var targets: [ModelTarget] = []
        for scenario in stored {
            let own = try scenarioOverrides(scenario, of: model)
            for override in own where !targets.contains(override.target) { targets.append(override.target) }
            let values = base.setting(own).setting(overrides)
            columns.append(ROIScenarios.Column(name: scenario.name, values: values, figures: try ROICalculator.figures(values)))
        }
        for override in overrides where !targets.contains(override.target) { targets.append(override.target) }
        return ROIScenarios(columns: columns, targets: targets)
    }

    // MARK: - Scenarios

    private func findScenario(_ name: Name, of model: ROIModel, in store: ModelStore) throws(Diagnostic) -> StoredScenario {
        let all = try store.scenarios(of: model.name)
        if let found = all.first(where: { $0.name.lowercased() == name.text.lowercased() }) { return found }
        var error = Diagnostic("the model '\(model.name)' has no scenario '\(name.text)'", at: name.span)
        if let suggestion = Suggestion.closest(to: name.text, among: all.map(\.name)) {
            error = error.hint("did you mean '\(suggestion)'?")
        }
        let names = all.map(\.name).joined(separator: ", ")
        throw error.hint(all.isEmpty ? "define one: scenario NAME of \(model.name) (…)" : "its scenarios: \(names)")
    }

    /// A kept scenario's overrides, read against the model as it is now (which may have lost an
    /// input the scenario sets: then the caret is under the scenario's text).
    private func scenarioOverrides(_ scenario: StoredScenario, of model: ROIModel) throws(Diagnostic) -> [ModelOverride] {
        try evaluator.overrides(try scenario.items(), in: scenario.source, of: model)
    }

    /// The inputs whose numbers were not written as plain numbers.
    static func readNumbers(_ values: ModelValues) -> [ReadNumber] {
        var read: [ReadNumber] = []
        func note(_ target: ModelTarget, _ number: ModelNumber?) {
            guard let number, !number.origin.isLiteral else { return }
            // A query written over several lines reads as one in a note.
            let text = number.origin.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            read.append(ReadNumber(target: target, text: text, value: number.value))
        }
        for effect in values.effects {
            note(.effect(effect.name, .from), effect.before)
            note(.effect(effect.name, .to), effect.after)
            note(.effect(effect.name, .worth), effect.worth)
        }
        for cost in values.costs { note(.cost(cost.name), cost.amount) }
        note(.horizon, values.horizon)
        note(.discount, values.discount)
        return read
    }
}
