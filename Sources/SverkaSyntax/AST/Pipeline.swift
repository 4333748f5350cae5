/// `from SOURCE | step | step …`: a query over one table or named query.
public struct Pipeline: Sendable, Hashable {
    public var source: TableReference
    public var steps: [Step]
    public var span: Span

    public init(source: TableReference, steps: [Step], span: Span) {
        self.source = source
        self.steps = steps
        self.span = span
    }
}

/// A table, view or named query, optionally given another name: `clients`, `clients as c`.
public struct TableReference: Sendable, Hashable {
    public var name: QualifiedName
    public var alias: Name?

    public init(name: QualifiedName, alias: Name? = nil) {
        self.name = name
        self.alias = alias
    }

    /// The name its columns are qualified with in the pipeline.
    public var visibleName: String { alias?.text ?? name.last.text }
    public var span: Span { alias.map { name.span.through($0.span) } ?? name.span }
}

public struct Step: Sendable, Hashable {
    public var kind: StepKind
    /// The whole step, keyword included.
    public var span: Span
    /// The step's keyword alone (`where`, `left join`).
    public var keywordSpan: Span

    public init(_ kind: StepKind, span: Span, keywordSpan: Span) {
        self.kind = kind
        self.span = span
        self.keywordSpan = keywordSpan
    }
}

public enum JoinKind: String, Sendable, Hashable {
    case inner = "join"
    case left = "left join"
}

public enum JoinCondition: Sendable, Hashable {
    case on(Expression)
    case using([Name])
}

public struct SortKey: Sendable, Hashable {
    public var expression: Expression
    public var descending: Bool

    public init(expression: Expression, descending: Bool) {
        self.expression = expression
        self.descending = descending
    }
}

public enum StepKind: Sendable, Hashable {
    /// `where CONDITION` (`=` means `==` here).
    case filter(Expression)
    /// `select a, b, total = a + b`: keeps exactly these columns.
    case select([NamedExpression])
    /// `derive total = a + b, …`: adds (or replaces) columns; every item is named.
    case derive([NamedExpression])
    /// `join T on COND`, `left join T using (a, b)`.
    case join(JoinKind, TableReference, JoinCondition)
    /// `group k1, k2 (agg = …, …)`; no keys for one row over the whole input.
    case group(keys: [NamedExpression], aggregates: [NamedExpression])
    /// `sort a, -b`.
    case sort([SortKey])
    /// `take N`.
    case take(Expression)
    case distinct
    /// `append OTHER` or `append (from … | …)`: the rows of another query after these.
    case append(Pipeline)
}
