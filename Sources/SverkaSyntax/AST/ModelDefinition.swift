/// A `model NAME … end` block: an ROI model as written, one line per effect, cost or setting.
/// The parser only reads it; what the numbers mean is the domain's business.
///
///     model integration
///       gain   sales        from 10M to 10.5M
///       saving data_errors  from rows(mismatches) to 20 worth 3000
///       cost   project      900k
///       cost   licenses     15k per month
///       horizon 12 months
///       discount 12%
///     end
public struct ModelDefinition: Sendable, Hashable {
    public var name: Name
    public var lines: [ModelLine]
    /// The whole block, from `model` through `end`.
    public var span: Span

    public init(name: Name, lines: [ModelLine], span: Span) {
        self.name = name
        self.lines = lines
        self.span = span
    }
}

/// One line of a model, with its span (the whole line) and its first word's.
public struct ModelLine: Sendable, Hashable {
    public var kind: ModelLineKind
    public var span: Span
    public var keywordSpan: Span

    public init(_ kind: ModelLineKind, span: Span, keywordSpan: Span) {
        self.kind = kind
        self.span = span
        self.keywordSpan = keywordSpan
    }
}

public enum ModelLineKind: Sendable, Hashable {
    /// `gain NAME from A to B …` or `saving NAME from A to B …`.
    case effect(ModelEffect)
    /// `cost NAME AMOUNT [per month|per year]`.
    case cost(ModelCost)
    /// `horizon N [months|years]`.
    case horizon(ModelQuantity, unit: HorizonUnit)
    /// `discount RATE`: a yearly rate, `12%` or `0.12`.
    case discount(ModelQuantity)
}

/// A KPI the integration moves: its value before and after, and what one unit is worth.
public struct ModelEffect: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        /// An increase is the effect (sales).
        case gain
        /// A decrease is the effect (hours, errors).
        case saving
    }

    public var direction: Direction
    public var name: Name
    public var before: ModelQuantity
    public var after: ModelQuantity
    /// `worth X`: the money one unit of the KPI is worth; absent means 1.
    public var worth: ModelQuantity?
    /// The period `before` and `after` are measured over; a year unless `per month`.
    public var period: ModelPeriod

    public init(direction: Direction, name: Name, before: ModelQuantity, after: ModelQuantity,
                worth: ModelQuantity?, period: ModelPeriod) {
        self.direction = direction
        self.name = name
        self.before = before
        self.after = after
        self.worth = worth
        self.period = period
    }
}

/// What the integration costs: once, or every month or year of the horizon.
public struct ModelCost: Sendable, Hashable {
    public var name: Name
    public var amount: ModelQuantity
    /// nil for a one-off cost.
    public var period: ModelPeriod?

    public init(name: Name, amount: ModelQuantity, period: ModelPeriod?) {
        self.name = name
        self.amount = amount
        self.period = period
    }
}

/// `per month` or `per year`, with the span of the words.
public struct ModelPeriod: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case month, year
    }

    public var unit: Unit
    /// nil when the period was not written (an effect's default year).
    public var span: Span?

    public init(_ unit: Unit, span: Span?) {
        self.unit = unit
        self.span = span
    }
}

public enum HorizonUnit: String, Sendable, Hashable {
    case months, years
}

/// A number of a model as written: an expression (`900k`, `$hours * 12`, `rows(mismatches)`)
/// or a query in parentheses whose one value is the number (`(from orders | group (h = sum(hours)))`).
public enum ModelQuantity: Sendable, Hashable {
    case expression(Expression)
    case query(Pipeline, span: Span)

    public var span: Span {
        switch self {
        case .expression(let expression): return expression.span
        case .query(_, let span): return span
        }
    }
}
