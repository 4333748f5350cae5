import SverkaSyntax

/// Every number of a model, read: what the ROI arithmetic works on, and what overrides change.
public struct ModelValues: Sendable {
    public struct Effect: Sendable {
        public var name: String
        public var direction: ModelEffect.Direction
        public var before: ModelNumber
        public var after: ModelNumber
        /// nil means 1.
        public var worth: ModelNumber?
        /// What `before` and `after` are measured over.
        public var period: ModelPeriod.Unit
    }

    public struct Cost: Sendable {
        public var name: String
        public var amount: ModelNumber
        /// nil for a one-off cost.
        public var period: ModelPeriod.Unit?
    }

    public var modelName: String
    public var effects: [Effect]
    public var costs: [Cost]
    /// In months; checked to be whole and positive when the figures are computed.
    public var horizon: ModelNumber
    /// A yearly rate (0.12 for 12%); nil when the model gives none.
    public var discount: ModelNumber?
    /// Where complaints about the model as a whole point: its name where it was defined.
    public var anchor: ValueOrigin

    /// The value an input has now.
    public func number(_ target: ModelTarget) -> ModelNumber? {
        switch target {
        case .cost(let name):
            return costs.first { $0.name.lowercased() == name.lowercased() }?.amount
        case .effect(let name, let field):
            guard let effect = effects.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
            switch field {
            case .from: return effect.before
            case .to: return effect.after
            case .worth: return effect.worth ?? ModelNumber(.one, origin: effect.before.origin)
            }
        case .horizon:
            return horizon
        case .discount:
            return discount
        }
    }

    /// A copy with one input set; a target the model does not have changes nothing (targets
    /// are checked against the model when they are read).
    public func setting(_ target: ModelTarget, to number: ModelNumber) -> ModelValues {
        var copy = self
        switch target {
        case .cost(let name):
            if let index = costs.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
                copy.costs[index].amount = number
            }
        case .effect(let name, let field):
            if let index = effects.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
                switch field {
                case .from: copy.effects[index].before = number
                case .to: copy.effects[index].after = number
                case .worth: copy.effects[index].worth = number
                }
            }
        case .horizon:
            copy.horizon = number
        case .discount:
            copy.discount = number
        }
        return copy
    }

    /// A copy with every override applied, in order.
    public func setting(_ overrides: [ModelOverride]) -> ModelValues {
        overrides.reduce(self) { $0.setting($1.target, to: $1.number) }
    }
}

/// One input set to a number by a `with`, a scenario or a `vary`.
public struct ModelOverride: Sendable {
    public var target: ModelTarget
    public var number: ModelNumber

    public init(target: ModelTarget, number: ModelNumber) {
        self.target = target
        self.number = number
    }
}
