/// An expression node with its span.
public indirect enum ExpressionKind: Sendable, Hashable {
    case literal(Literal)
    /// A column, plain or qualified by a table (`amount`, `deals.amount`).
    case column(QualifiedName)
    /// A variable read as `$name`.
    case variable(Name)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// A function call, scalar or aggregate: `round(x, 2)`, `sum(amount)`, `count()`.
    case call(Name, [Expression])
    /// `x in (a, b)`, `x not in (…)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `x between a and b`, `x not between …`.
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `x is null`, `x is not null`.
    case isNull(Expression, negated: Bool)
}

public struct Expression: Sendable, Hashable {
    public var kind: ExpressionKind
    public var span: Span

    public init(_ kind: ExpressionKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "and", or = "or"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo: return true
        default: return false
        }
    }
}

/// An expression with an optional output name: `revenue = sum(amount)`, or `region` alone.
public struct NamedExpression: Sendable, Hashable {
    public var name: Name?
    public var expression: Expression

    public init(name: Name?, expression: Expression) {
        self.name = name
        self.expression = expression
    }

    public var span: Span { name.map { $0.span.through(expression.span) } ?? expression.span }
}
