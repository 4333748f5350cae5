import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// ROI models: `roi` runs one (as it is, what-if, varied, or its scenarios side by side),
/// `scenario` keeps a named set of overrides, `models` lists them, `forget` removes one. The
/// `model NAME … end` block that defines a model is a statement of its own (see `define`).
enum ModelCommands {
    static let all: [CommandSpec] = [roi, scenario, models, forget]

    static let roi = CommandSpec(
        syntax: CommandSyntax(name: "roi", positionals: [Slot("model", .word(.model)), Slot("scenarios", .choice(["scenarios"]), optional: true)],
                              clauses: [ClauseSyntax(["scenario"], .word(.other)), ClauseSyntax(["with"], .overrides),
                                        ClauseSyntax(["vary"], .sweep, repeatable: true)]),
        group: .models,
        summary: "what an ROI model pays back: effects, costs, ROI %, payback, NPV; what-if, vary, scenarios",
        usage: "roi MODEL [scenario NAME] [with (INPUT = EXPR, …)] [vary INPUT from A to B step S [vary …]] | roi MODEL scenarios",
        details: [
            "Runs a model defined with a 'model NAME … end' block (help model). Its numbers are read when roi runs — expressions, $variables, rows(TABLE), a query in parentheses — so the model follows the data: reconcile again and roi shows the new figures. The notes on stderr say which numbers were read and what they were.",
            "roi MODEL prints one row per line (gains and savings with before, after, worth, a year's effect and the total over the horizon; costs with what they come to), then total effect, total cost, net effect, ROI % (net effect / total cost), the payback month and, when the model has a discount, NPV. The table roi holds the figures (model, horizon_months, total_effect, total_cost, net_effect, roi_pct, payback_month, npv), roi_lines the lines.",
            "How it counts: effects are spread evenly over the months; one-off costs are paid at the start (month 0), costs per month or per year evenly each month. Payback is the first month at whose end the cumulative effect covers the cumulative cost ('none' when that is not within the horizon). Money is computed exactly; ROI % is rounded half away from zero to one decimal; NPV discounts each month's net effect at (1 + rate)^(month/12) and is rounded to the kopeck.",
            "Inputs: cost.NAME (a cost's amount), NAME.from, NAME.to and NAME.worth (an effect's values and worth), horizon (in months) and discount (a yearly rate). with (…) sets them for this run only: roi integration with (cost.project = 1.2M, data_errors.to = 40). scenario NAME applies a kept scenario first.",
            "vary INPUT from A to B step S gives one row per value — A, A + S, … up to B (down when B is below A), at most 1,000 — with the figures for each, and prints the break-even: the value at which ROI is 0 (solved exactly, the net effect being linear in every input but the discount), and, with a discount, the value at which NPV is 0; varying the discount gives the rate at which NPV is 0. A second vary (at most 30 values) gives a two-way table of ROI % and the first input's break-even at each value of the second; the table roi then holds every pair.",
            "roi MODEL scenarios shows the model's scenarios side by side (define them with 'scenario'): the inputs they set, then the figures; the table roi has one row per scenario.",
        ],
        examples: ["roi integration", "roi integration with (cost.project = 1.2M, data_errors.to = 40)",
                   "roi integration vary cost.project from 500k to 2M step 250k",
                   "roi integration vary cost.project from 500k to 2M step 250k vary data_errors.to from 10 to 60 step 10",
                   "roi integration scenarios", "roi integration scenario pessimistic vary horizon from 6 to 36 step 6",
                   "export roi to \"roi.xlsx\""]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("model")?.value else { return .done }
        var request = ROIRequest(model: name, source: session.currentSource ?? SourceText(name: "input", text: ""))
        request.allScenarios = invocation.argument("scenarios") != nil
        if case .word(let scenario)? = invocation.clause("scenario")?.value { request.scenario = scenario }
        if case .assignments(let items)? = invocation.clause("with")?.value { request.overrides = items }
        request.sweeps = invocation.clauses("vary").compactMap { clause in
            if case .sweep(let sweep) = clause.value { return sweep }
            return nil
        }
        let outcome = try ROIAnalysis(workspace: session.workspace, variables: session.variables).run(request)
        ROIReport(outcome: outcome, modelName: name.text).show(in: session)
        return .done
    }

    static let scenario = CommandSpec(
        syntax: CommandSyntax(name: "scenario", positionals: [Slot("name", .word(.other))],
                              clauses: [ClauseSyntax(["of"], .word(.model), required: true),
                                        ClauseSyntax(unkeyed: "overrides", .overrides)]),
        group: .models,
        summary: "keep a named set of what-if overrides for a model (pessimistic, base, optimistic …)",
        usage: "scenario NAME of MODEL [(INPUT = EXPR, …)]",
        details: [
            "Keeps the overrides in the workspace under the name, for 'roi MODEL scenarios' (side by side, in the order first defined) and 'roi MODEL scenario NAME'. Without a list the scenario is the model as it is (a 'base' column). The overrides are expressions, read each time the scenario is used; they are checked against the model and run once now, and the scenario's ROI is printed beside the model's.",
            "Defining a scenario again replaces it (it keeps its place). Redefining the model keeps its scenarios; one that sets an input the model no longer has is reported then, and again when used. 'forget scenario NAME of MODEL' removes one.",
        ],
        examples: ["scenario pessimistic of integration (cost.project = 1.2M, data_errors.to = 60, sales.to = 10.2M)",
                   "scenario base of integration", "scenario optimistic of integration (cost.project = 800k, sales.to = 11M)"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("name")?.value,
              case .word(let model)? = invocation.clause("of")?.value else { return .done }
        let source = session.currentSource ?? SourceText(name: "input", text: "")
        var items: [NamedExpression] = []
        var written = ""
        if let clause = invocation.clause("overrides"), case .assignments(let list) = clause.value {
            items = list
            written = source.slice(clause.span)
        }
        let report = try ROIAnalysis(workspace: session.workspace, variables: session.variables)
            .defineScenario(name, of: model, overrides: items, written: written, in: source)
        session.messages.write(ROIReport.scenarioDefined(name.text, report) + "\n")
        return .done
    }

    static let models = CommandSpec(
        syntax: CommandSyntax(name: "models", positionals: [Slot("model", .word(.model), optional: true)]),
        group: .models,
        summary: "list the ROI models, or show one as written with its scenarios",
        usage: "models [MODEL]",
        details: ["Models and scenarios are kept in the workspace as they were written: 'models NAME' prints the block and one 'scenario' line per scenario, ready to copy into a script."],
        examples: ["models", "models integration"]
    ) { invocation, session throws(Diagnostic) in
        let store = ModelStore(workspace: session.workspace)
        guard case .word(let name)? = invocation.argument("model")?.value else {
            let summaries = try store.summaries()
            session.show(columns: [ResultColumn(name: "model", type: .text), ResultColumn(name: "effects", type: .integer),
                                   ResultColumn(name: "costs", type: .integer), ResultColumn(name: "scenarios", type: .text)],
                         rows: summaries.map { summary in
                             [.text(summary.stored.name), .integer(Int64(summary.effects)), .integer(Int64(summary.costs)),
                              .text(summary.scenarios.joined(separator: ", "))]
                         })
            if summaries.isEmpty { session.messages.write("no models yet: define one with a block, model NAME … end (help model)\n") }
            return .done
        }
        let model = try store.model(name)
        var text = model.text + "\n"
        for scenario in try store.scenarios(of: model.name) {
            text += "scenario \(scenario.name) of \(model.name)" + (scenario.overrides.isEmpty ? "" : " " + scenario.overrides) + "\n"
        }
        session.output.write(text)
        return .done
    }

    static let forget = CommandSpec(
        syntax: CommandSyntax(name: "forget", positionals: [Slot("what", .choice(["model", "scenario"])), Slot("name", .word(.other))],
                              clauses: [ClauseSyntax(["of"], .word(.model))]),
        group: .models,
        summary: "remove an ROI model (with its scenarios) or one scenario from the workspace",
        usage: "forget model MODEL | forget scenario NAME of MODEL",
        examples: ["forget scenario optimistic of integration", "forget model integration"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let what)? = invocation.argument("what")?.value,
              case .word(let name)? = invocation.argument("name")?.value else { return .done }
        let analysis = ROIAnalysis(workspace: session.workspace, variables: session.variables)
        let of = invocation.clause("of")
        if what.text == "model" {
            if let of {
                throw Diagnostic("'forget model' takes the model's name alone", at: of.span)
                    .hint("to remove a scenario: forget scenario NAME of MODEL")
            }
            try analysis.forget(model: name, scenario: nil)
            session.messages.write("forgot model \(name.text) and its scenarios\n")
            return .done
        }
        guard let of, case .word(let model) = of.value else {
            throw Diagnostic("'forget scenario' needs the model: of MODEL", at: Span(start: name.span.end, end: name.span.end))
                .hint("forget scenario \(name.text) of MODEL")
        }
        try analysis.forget(model: model, scenario: name)
        session.messages.write("forgot scenario \(name.text) of \(model.text)\n")
        return .done
    }

    /// A `model NAME … end` block: checked, run once with the data as it is, and kept
    /// (replacing a model of the same name).
    static func define(_ definition: ModelDefinition, in source: SourceText, session: Session) throws(Diagnostic) {
        let model = try ROIModel(definition, source: source)
        let report = try ROIAnalysis(workspace: session.workspace, variables: session.variables).define(model)
        session.messages.write(ROIReport.modelDefined(model, report))
    }
}
