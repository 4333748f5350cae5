import SverkaEngine
import SverkaSyntax

/// Reads a model's numbers — and the numbers of overrides and `vary` — through the same
/// compiler as every query, so `rows(mismatches)`, `$hours * 12` and `(from orders | group (h =
/// sum(hours)))` mean what they mean anywhere, read the data as it is now, and fail with a caret
/// under the text that gave them.
public struct ModelEvaluator {
    let workspace: Workspace
    let variables: [String: Value]

    public init(workspace: Workspace, variables: [String: Value]) {
        self.workspace = workspace
        self.variables = variables
    }

    /// Every number of the model, as the data and the variables give them now.
    public func values(of model: ROIModel) throws(Diagnostic) -> ModelValues {
        let source = model.source
        var effects: [ModelValues.Effect] = []
        for effect in model.effects {
            let name = effect.name.text
            effects.append(ModelValues.Effect(
                name: name, direction: effect.direction,
                before: try number(effect.before, in: source, naming: "\(name).from"),
                after: try number(effect.after, in: source, naming: "\(name).to"),
                worth: try effect.worth.map { quantity throws(Diagnostic) in try number(quantity, in: source, naming: "\(name).worth") },
                period: effect.period.unit))
        }
        var costs: [ModelValues.Cost] = []
        for cost in model.costs {
            costs.append(ModelValues.Cost(name: cost.name.text,
                                          amount: try number(cost.amount, in: source, naming: "cost.\(cost.name.text)"),
                                          period: cost.period?.unit))
        }
        let anchor = ValueOrigin(span: model.definition.name.span, source: source, isLiteral: false)
        // The default of 12 months counts as written: nothing was read to get it.
        var horizon = ModelNumber(ExactRatio(12), origin: ValueOrigin(span: anchor.span, source: source, isLiteral: true))
        if let (length, unit) = model.horizon {
            horizon = try number(length, in: source, naming: "horizon")
            if unit == .years {
                horizon.value = try Self.exactly(horizon.value * ExactRatio(12), at: horizon.origin)
            }
        }
        let discount = try model.discount.map { rate throws(Diagnostic) in try number(rate, in: source, naming: "discount") }
        return ModelValues(modelName: model.name, effects: effects, costs: costs, horizon: horizon,
                           discount: discount, anchor: anchor)
    }

    /// `(target = expression, …)` as written in `source`: each target checked against the model.
    public func overrides(_ items: [NamedExpression], in source: SourceText, of model: ROIModel) throws(Diagnostic) -> [ModelOverride] {
        var result: [ModelOverride] = []
        for item in items {
            guard let name = item.name else { continue }
            let target = try model.target(name, in: source)
            result.append(ModelOverride(target: target,
                                        number: try number(.expression(item.expression), in: source, naming: target.description)))
        }
        return result
    }

    /// One number: an expression or a one-value query, read now.
    public func number(_ quantity: ModelQuantity, in source: SourceText, naming what: String) throws(Diagnostic) -> ModelNumber {
        let origin = ValueOrigin(span: quantity.span, source: source, isLiteral: Self.isLiteral(quantity))
        let compiler = QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), variables: variables, source: source)
        let value: Value
        do throws(Diagnostic) {
            switch quantity {
            case .expression(let expression):
                value = try QueryRunner(database: workspace.database).scalar(compiler.compileScalar(expression))
            case .query(let pipeline, _):
                value = try queryValue(compiler.compile(pipeline), origin: origin, what: what)
            }
        } catch {
            throw error.pointing(into: source)
        }
        return ModelNumber(try Self.ratio(value, origin: origin, what: what), origin: origin)
    }

    /// The one value of a query's one row and column.
    private func queryValue(_ query: CompiledQuery, origin: ValueOrigin, what: String) throws(Diagnostic) -> Value {
        guard query.columns.count == 1 else {
            throw origin.diagnostic("\(what) reads a query of \(query.columns.count) columns; a number needs one",
                                    hints: ["end the query with a group or select that leaves one column: (from t | group (n = sum(x)))"])
        }
        var rows: [Value] = []
        try QueryRunner(database: workspace.database).run(query) { row in
            if rows.count < 2 { rows.append(row.first ?? .null) }
        }
        guard rows.count == 1, let value = rows.first else {
            throw origin.diagnostic("\(what) reads a query that gave \(rows.isEmpty ? "no rows" : "more than one row"); a number needs one",
                                    hints: ["a group with no keys gives one row: (from t | group (n = sum(x)))"])
        }
        return value
    }

    static func ratio(_ value: Value, origin: ValueOrigin, what: String) throws(Diagnostic) -> ExactRatio {
        switch value {
        case .integer(let integer):
            return ExactRatio(integer)
        case .decimal(let decimal):
            return ExactRatio(decimal)
        case .number(let double):
            guard let ratio = ExactRatio(double) else {
                throw origin.diagnostic("\(what) is \(Value.format(double)), which is not a number a model can use")
            }
            return ratio
        case .null:
            throw origin.diagnostic("\(what) has no value (it is null)",
                                    hints: ["coalesce(x, 0) reads a missing value as 0"])
        default:
            throw origin.diagnostic("\(what) must be a number, not \(value.type) (\(value.description))")
        }
    }

    static func exactly(_ compute: @autoclosure () throws(ExactRatio.Overflow) -> ExactRatio, at origin: ValueOrigin) throws(Diagnostic) -> ExactRatio {
        do throws(ExactRatio.Overflow) {
            return try compute()
        } catch {
            throw origin.diagnostic("this number is too large to compute with exactly")
        }
    }

    /// `900k`, `-5`, `12%`: written, not read from anywhere.
    static func isLiteral(_ quantity: ModelQuantity) -> Bool {
        guard case .expression(let expression) = quantity else { return false }
        switch expression.kind {
        case .literal: return true
        case .unary(.negate, let operand):
            if case .literal = operand.kind { return true }
            return false
        default: return false
        }
    }
}
