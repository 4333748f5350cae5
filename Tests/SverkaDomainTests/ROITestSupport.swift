import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// Models for the ROI tests: written as text and parsed as the shell would, or built straight
/// from numbers for the generated (property) tests.
enum ROIFixture {
    /// A grammar with no commands: these tests parse model blocks and overrides only.
    struct Grammar: CommandGrammar {
        func syntax(for name: String) -> CommandSyntax? { nil }
        var commandNames: [String] { [] }
    }

    /// The model, with licences and a discount.
    static let integration = """
        model integration
          gain   sales        from 10M to 10.5M
          saving order_hours  from 400 to 150 worth 1200
          saving data_errors  from 120 to 20  worth 3000
          cost   project      900k
          cost   licenses     15k per month
          horizon 12 months
          discount 12%
        end
        """

    /// The same without the licences line and without a discount.
    static let integrationWithoutLicences = """
        model integration
          gain   sales        from 10M to 10.5M
          saving order_hours  from 400 to 150 worth 1200
          saving data_errors  from 120 to 20  worth 3000
          cost   project      900k
        end
        """

    /// `roi` and `scenario` as the shell declares them, to read statements into requests.
    struct StatementGrammar: CommandGrammar {
        static let syntaxes = [
            CommandSyntax(name: "roi", positionals: [Slot("model", .word(.model)), Slot("scenarios", .choice(["scenarios"]), optional: true)],
                          clauses: [ClauseSyntax(["scenario"], .word(.other)), ClauseSyntax(["with"], .overrides),
                                    ClauseSyntax(["vary"], .sweep, repeatable: true)]),
            CommandSyntax(name: "scenario", positionals: [Slot("name", .word(.other))],
                          clauses: [ClauseSyntax(["of"], .word(.model), required: true), ClauseSyntax(unkeyed: "overrides", .overrides)]),
        ]

        func syntax(for name: String) -> CommandSyntax? { Self.syntaxes.first { $0.name == name } }
        var commandNames: [String] { Self.syntaxes.map(\.name) }
    }

    /// Runs model blocks, `scenario` and `roi` statements against a workspace, as the shell
    /// would; returns the last `roi`'s outcome.
    @discardableResult
    static func run(_ text: String, in workspace: Workspace, variables: [String: Value] = [:]) throws -> ROIOutcome? {
        let source = SourceText(name: "test", text: text)
        let analysis = ROIAnalysis(workspace: workspace, variables: variables)
        var outcome: ROIOutcome?
        for statement in try Parser(grammar: StatementGrammar()).parse(source).statements {
            switch statement.kind {
            case .model(let definition):
                _ = try analysis.define(ROIModel(definition, source: source))
            case .command(let invocation) where invocation.name.text == "scenario":
                guard case .word(let name)? = invocation.argument("name")?.value,
                      case .word(let model)? = invocation.clause("of")?.value else { continue }
                var items: [NamedExpression] = [], written = ""
                if let clause = invocation.clause("overrides"), case .assignments(let list) = clause.value {
                    items = list
                    written = source.slice(clause.span)
                }
                _ = try analysis.defineScenario(name, of: model, overrides: items, written: written, in: source)
            case .command(let invocation):
                guard case .word(let name)? = invocation.argument("model")?.value else { continue }
                var request = ROIRequest(model: name, source: source)
                request.allScenarios = invocation.argument("scenarios") != nil
                if case .word(let scenario)? = invocation.clause("scenario")?.value { request.scenario = scenario }
                if case .assignments(let items)? = invocation.clause("with")?.value { request.overrides = items }
                request.sweeps = invocation.clauses("vary").compactMap { clause in
                    if case .sweep(let sweep) = clause.value { return sweep }
                    return nil
                }
                outcome = try analysis.run(request)
            default:
                continue
            }
        }
        return outcome
    }

    static func model(_ text: String, name: String = "test") throws -> ROIModel {
        let source = SourceText(name: name, text: text)
        let script = try Parser(grammar: Grammar()).parse(source)
        guard case .model(let definition)? = script.statements.first?.kind else { throw Diagnostic("not a model: \(text)") }
        return try ROIModel(definition, source: source)
    }

    static func values(_ text: String, workspace: Workspace? = nil, variables: [String: Value] = [:]) throws -> ModelValues {
        let workspace = try workspace ?? Workspace(path: nil)
        return try ModelEvaluator(workspace: workspace, variables: variables).values(of: model(text))
    }

    static func figures(_ text: String, workspace: Workspace? = nil) throws -> ROIFigures {
        try ROICalculator.figures(values(text, workspace: workspace))
    }

    /// Overrides written as in a `roi … with (…)`, read against the model.
    static func overrides(_ list: String, of text: String, workspace: Workspace) throws -> [ModelOverride] {
        let source = SourceText(name: "with", text: list)
        let items = try Parser(grammar: Grammar()).parseOverrides(source)
        return try ModelEvaluator(workspace: workspace, variables: [:]).overrides(items, in: source, of: model(text))
    }

    static func ratio(_ text: String) -> ExactRatio {
        ExactRatio(decimalText: text) ?? .zero
    }

    // MARK: - Built from numbers

    static let origin = ValueOrigin(span: .none, source: SourceText(name: "generated", text: ""), isLiteral: true)

    static func number(_ value: Int) -> ModelNumber { ModelNumber(ExactRatio(value), origin: origin) }

    static func effect(_ name: String, _ direction: ModelEffect.Direction, from before: Int, to after: Int, worth: Int?,
                       per period: ModelPeriod.Unit = .year) -> ModelValues.Effect {
        ModelValues.Effect(name: name, direction: direction, before: number(before), after: number(after),
                           worth: worth.map(number), period: period)
    }

    static func cost(_ name: String, _ amount: Int, per period: ModelPeriod.Unit? = nil) -> ModelValues.Cost {
        ModelValues.Cost(name: name, amount: number(amount), period: period)
    }

    static func values(effects: [ModelValues.Effect], costs: [ModelValues.Cost], months: Int, discount: ExactRatio? = nil) -> ModelValues {
        ModelValues(modelName: "generated", effects: effects, costs: costs, horizon: number(months),
                    discount: discount.map { ModelNumber($0, origin: origin) }, anchor: origin)
    }

    /// NPV as the help defines it, computed here on its own: one-off costs now, then each
    /// month's net effect discounted at (1 + rate)^(month/12).
    static func npv(oneOff: Double, monthlyNet: Double, months: Int, rate: Double) -> Double {
        var total = -oneOff
        for month in 1...months { total += monthlyNet * pow(1 + rate, -Double(month) / 12) }
        return total
    }

    /// SplitMix64: the same models on every run, so a failure can be replayed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
