/// A command as written: its name, its positional arguments and its keyword clauses, each
/// shaped by the command's `CommandSyntax`.
public struct CommandInvocation: Sendable, Hashable {
    public var name: Name
    /// Positional arguments, in the order of the syntax's slots; a missing optional slot is absent.
    public var arguments: [CommandArgument]
    public var clauses: [CommandClause]
    public var span: Span

    public init(name: Name, arguments: [CommandArgument], clauses: [CommandClause], span: Span) {
        self.name = name
        self.arguments = arguments
        self.clauses = clauses
        self.span = span
    }

    /// The argument filling the slot with this name, if given.
    public func argument(_ slot: String) -> CommandArgument? {
        arguments.first { $0.slot == slot }
    }

    /// The clause introduced by this keyword (`as`, `to`, `with`, `as of`), or an unkeyed
    /// clause's label, if given.
    public func clause(_ keyword: String) -> CommandClause? {
        clauses.first { $0.keyword == keyword }
    }

    /// Every clause introduced by this keyword, in the order written (a repeatable clause).
    public func clauses(_ keyword: String) -> [CommandClause] {
        clauses.filter { $0.keyword == keyword }
    }
}

public struct CommandArgument: Sendable, Hashable {
    /// The name of the slot this fills (from the command's syntax).
    public var slot: String
    public var value: ArgumentValue
    public var span: Span

    public init(slot: String, value: ArgumentValue, span: Span) {
        self.slot = slot
        self.value = value
        self.span = span
    }
}

public struct CommandClause: Sendable, Hashable {
    /// The clause's keyword(s) as declared, joined by a space: `as`, `as of`, `with`.
    public var keyword: String
    public var value: ArgumentValue
    public var span: Span

    public init(keyword: String, value: ArgumentValue, span: Span) {
        self.keyword = keyword
        self.value = value
        self.span = span
    }
}

public enum ArgumentValue: Sendable, Hashable {
    /// A bare word: a table name, a mode (`csv`, `on`).
    case word(Name)
    /// Several words separated by commas: `by client, month`.
    case words([Name])
    case string(String, Span)
    case expression(Expression)
    /// A pipeline, or a bare table name read as `from NAME`.
    case query(Pipeline)
    /// `(key: value, …)`.
    case options([OptionEntry])
    /// `(name = expression, …)`; every item has a name (dotted, as in `cost.project`, for a
    /// `.overrides` slot).
    case assignments([NamedExpression])
    /// `from A to B`.
    case range(Expression, Expression)
    /// `NAME from A to B step S`.
    case sweep(Sweep)
    /// `(a, b, …)`, with the span of the brackets.
    case list([Expression], Span)
    /// `> 10`: an operator and the value the left side is compared with.
    case comparison(BinaryOperator, Expression)
}

/// One `key: value` of an option list.
public struct OptionEntry: Sendable, Hashable {
    public var key: Name
    public var value: OptionValue

    public init(key: Name, value: OptionValue) {
        self.key = key
        self.value = value
    }
}

public indirect enum OptionValue: Sendable, Hashable {
    /// A scalar: `true`, `"skip"`, `10`, or a bare word such as `text` (a column expression).
    case expression(Expression)
    /// `("won", "closed won")`.
    case list([OptionValue], Span)
    /// `(inn: text, amount: money)`.
    case options([OptionEntry], Span)
}
