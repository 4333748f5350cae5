import SverkaSyntax

/// A `model NAME … end` block checked for sense — every line named once, at most one horizon
/// and one discount, at least one effect and one cost — with the text its spans point into.
/// Its numbers are not read here: they are expressions, evaluated each time the model is used.
public struct ROIModel: Sendable {
    public let definition: ModelDefinition
    /// The text the definition was parsed from: the statement that defined it, or the copy
    /// kept in the workspace.
    public let source: SourceText

    public var name: String { definition.name.text }
    /// The block as written, `model` through `end`: what the workspace keeps.
    public var text: String { source.slice(definition.span) }

    public let effects: [ModelEffect]
    public let costs: [ModelCost]
    public let horizon: (length: ModelQuantity, unit: HorizonUnit)?
    public let discount: ModelQuantity?

    /// Line names that would make override targets ambiguous (`cost.x`, `horizon`).
    static let reservedNames: Set<String> = ["cost", "horizon", "discount"]

    public init(_ definition: ModelDefinition, source: SourceText) throws(Diagnostic) {
        self.definition = definition
        self.source = source
        var effects: [ModelEffect] = [], costs: [ModelCost] = []
        var horizon: (ModelQuantity, HorizonUnit)?, discount: ModelQuantity?
        var seen: [String: Name] = [:]
        for line in definition.lines {
            switch line.kind {
            case .effect(let effect):
                try Self.claim(effect.name, in: &seen, source: source)
                effects.append(effect)
            case .cost(let cost):
                try Self.claim(cost.name, in: &seen, source: source)
                costs.append(cost)
            case .horizon(let length, let unit):
                guard horizon == nil else { throw Self.twice("horizon", line, source: source) }
                horizon = (length, unit)
            case .discount(let rate):
                guard discount == nil else { throw Self.twice("discount", line, source: source) }
                discount = rate
            }
        }
        let nameSpan = definition.name.span
        guard !effects.isEmpty else {
            throw Diagnostic("the model '\(definition.name.text)' has no effect to pay for its cost", at: nameSpan,
                             hints: ["add a line such as 'gain sales from 10M to 10.5M' or 'saving hours from 400 to 150 worth 1200'"])
                .pointing(into: source)
        }
        guard !costs.isEmpty else {
            throw Diagnostic("the model '\(definition.name.text)' has no cost, so its ROI is not defined", at: nameSpan,
                             hints: ["add a line such as 'cost project 900k' or 'cost licenses 15k per month'"])
                .pointing(into: source)
        }
        self.effects = effects
        self.costs = costs
        self.horizon = horizon
        self.discount = discount
    }

    private static func claim(_ name: Name, in seen: inout [String: Name], source: SourceText) throws(Diagnostic) {
        let key = name.text.lowercased()
        if reservedNames.contains(key) {
            throw Diagnostic("'\(name.text)' cannot name a line of a model", at: name.span,
                             hints: ["'cost', 'horizon' and 'discount' name other inputs in overrides; choose another name"])
                .pointing(into: source)
        }
        if let earlier = seen[key] {
            let line = source.position(of: earlier.span.start).line
            throw Diagnostic("'\(name.text)' is already a line of this model (line \(line))", at: name.span,
                             hints: ["give each effect and cost its own name"])
                .pointing(into: source)
        }
        seen[key] = name
    }

    private static func twice(_ word: String, _ line: ModelLine, source: SourceText) -> Diagnostic {
        Diagnostic("the model gives its \(word) twice", at: line.keywordSpan, hints: ["keep one '\(word)' line"])
            .pointing(into: source)
    }

    // MARK: - Targets

    /// Every input an override can set, in the order of the model's lines.
    public var targets: [ModelTarget] {
        effects.flatMap { effect in ModelTarget.EffectField.allCases.map { ModelTarget.effect(effect.name.text, $0) } }
            + costs.map { ModelTarget.cost($0.name.text) } + [.horizon, .discount]
    }

    /// The input a written name sets (`cost.project`, `data_errors.to`), ignoring case; an
    /// unknown one is an error under the name, with the closest input.
    public func target(_ written: Name, in text: SourceText) throws(Diagnostic) -> ModelTarget {
        let wanted = written.text.lowercased()
        if let found = targets.first(where: { $0.description.lowercased() == wanted }) { return found }
        var error = Diagnostic("the model '\(name)' has no input '\(written.text)'", at: written.span).pointing(into: text)
        let names = targets.map(\.description)
        if let suggestion = Suggestion.closest(to: written.text, among: names) {
            error = error.hint("did you mean '\(suggestion)'?")
        } else if let effect = effects.first(where: { $0.name.text.lowercased() == wanted }) {
            error = error.hint("an effect's inputs are \(effect.name.text).from, \(effect.name.text).to and \(effect.name.text).worth")
        } else if let cost = costs.first(where: { $0.name.text.lowercased() == wanted }) {
            error = error.hint("a cost is set as cost.\(cost.name.text)")
        }
        throw error.hint("inputs: " + names.joined(separator: ", "))
    }
}
