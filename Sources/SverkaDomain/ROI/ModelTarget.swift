/// An input of a model that what-if overrides, `vary` and scenarios set by name: a cost's
/// amount (`cost.project`), an effect's value before or after or its worth (`data_errors.to`),
/// the horizon in months, or the discount rate.
public enum ModelTarget: Sendable, Hashable, CustomStringConvertible {
    public enum EffectField: String, Sendable, CaseIterable {
        case from, to, worth
    }

    case cost(String)
    case effect(String, EffectField)
    case horizon
    case discount

    /// As written in overrides: `cost.project`, `data_errors.to`, `horizon`, `discount`.
    public var description: String {
        switch self {
        case .cost(let name): return "cost.\(name)"
        case .effect(let name, let field): return "\(name).\(field.rawValue)"
        case .horizon: return "horizon"
        case .discount: return "discount"
        }
    }

    /// Its column in the `roi` table: the name with `_` for the dot, so queries need no quotes.
    public var columnName: String {
        description.replacingOccurrences(of: ".", with: "_")
    }

    /// Money or a KPI value: the net effect and NPV are linear in it.
    public var isAmount: Bool {
        switch self {
        case .cost, .effect: return true
        case .horizon, .discount: return false
        }
    }
}
