/// One statement of a script or of a typed line.
public struct Statement: Sendable, Hashable {
    public var kind: StatementKind
    public var span: Span

    public init(_ kind: StatementKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

public enum StatementKind: Sendable, Hashable {
    /// A pipeline whose result is shown.
    case query(Pipeline)
    /// `let NAME = from …`: a named query later statements use like a table.
    case letQuery(Name, Pipeline)
    /// `let NAME = expression`: a variable, read as `$NAME`.
    case letValue(Name, Expression)
    /// Any registered command: `load "x.csv" as x`, `help`, `expect …`.
    case command(CommandInvocation)
    /// A `model NAME … end` block, spanning lines.
    case model(ModelDefinition)
}

/// A parsed script: its statements in order.
public struct Script: Sendable {
    public var source: SourceText
    public var statements: [Statement]

    public init(source: SourceText, statements: [Statement]) {
        self.source = source
        self.statements = statements
    }
}
