import SverkaSyntax

/// The queries behind a data test, built as pipelines over the tested relation and compiled
/// like anything a user types: tables, named queries and roles alike, names resolved (errors
/// point at the test's own text), types checked, values bound as parameters. Every query
/// yields two text columns, `key` and `value`, the shape of `test_failures`.
struct DataTestQueries {
    let compiler: QueryCompiler

    static let keyColumn = "key"
    static let valueColumn = "value"

    /// The rows (or, for `unique`, the values) that fail the test. `references` yields the
    /// candidates only — rows with a value — and `referencedValues` what they must be among.
    func failingRows(_ test: DataTest) throws(Diagnostic) -> CompiledQuery {
        let tested = test.column
        let schema = try self.schema(of: tested)
        let value = column(tested.column, at: tested.columnSpan)
        var steps: [Step] = test.filter.map { [step(.filter($0), at: $0.span)] } ?? []
        switch test.check {
        case .notNull:
            steps.append(step(.filter(expression(.isNull(value, negated: false), at: tested.columnSpan))))
            steps.append(select(key: key(in: schema, besides: tested.column), value: literal(.null)))
        case .accepted(let values):
            let span = values.reduce(tested.columnSpan) { $0.through($1.span) }
            let present = expression(.isNull(value, negated: true), at: tested.columnSpan)
            let outside = expression(.inList(value, values, negated: true), at: span)
            steps.append(step(.filter(expression(.binary(.and, present, outside), at: span))))
            steps.append(select(key: key(in: schema, besides: tested.column), value: text(value)))
        case .between(let low, let high):
            let span = tested.columnSpan.through(low.span).through(high.span)
            let present = expression(.isNull(value, negated: true), at: tested.columnSpan)
            let outside = expression(.between(value, low: low, high: high, negated: true), at: span)
            steps.append(step(.filter(expression(.binary(.and, present, outside), at: span))))
            steps.append(select(key: key(in: schema, besides: tested.column), value: text(value)))
        case .references:
            steps.append(step(.filter(expression(.isNull(value, negated: true), at: tested.columnSpan))))
            steps.append(select(key: key(in: schema, besides: tested.column), value: text(value)))
        case .unique:
            let count = Self.countName(besides: tested.column)
            let counted = column(count, at: tested.columnSpan)
            steps.append(step(.filter(expression(.isNull(value, negated: true), at: tested.columnSpan))))
            steps.append(step(.group(keys: [NamedExpression(name: nil, expression: value)],
                                     aggregates: [NamedExpression(name: Name(count, span: .none), expression: call("count"))])))
            steps.append(step(.filter(expression(.binary(.greater, counted, literal(.integer(1))), at: tested.columnSpan))))
            steps.append(step(.sort([SortKey(expression: value, descending: false)])))
            steps.append(select(key: text(value), value: text(counted)))
        }
        return try compiler.compile(pipeline(over: tested, steps: steps))
    }

    /// The values a `references` test looks its candidates up in, as text, nulls left out.
    func referencedValues(_ target: TestedColumn) throws(Diagnostic) -> CompiledQuery {
        let value = column(target.column, at: target.columnSpan)
        let steps = [step(.filter(expression(.isNull(value, negated: true), at: target.columnSpan))),
                     step(.select([NamedExpression(name: Name(Self.valueColumn, span: .none), expression: text(value))]))]
        return try compiler.compile(pipeline(over: target, steps: steps))
    }

    // MARK: - The pieces

    /// The relation's schema; an unknown name is reported by the compiler, as for `from NAME`.
    private func schema(of tested: TestedColumn) throws(Diagnostic) -> TableSchema {
        if let schema = compiler.tables.schema(of: tested.relation) { return schema }
        _ = try compiler.compile(pipeline(over: tested, steps: []))
        throw Diagnostic("unknown table '\(tested.relation)'", at: tested.relationSpan)
    }

    /// A failing row is named by its relation's first column (an id, by the usual layout of
    /// exports and of every role), or the second when the first is the one tested; null when
    /// the relation has no other column.
    private func key(in schema: TableSchema, besides tested: String) -> Expression {
        guard let other = schema.columns.first(where: { $0.name.lowercased() != tested.lowercased() }) else {
            return literal(.null)
        }
        return text(column(other.name, at: .none))
    }

    /// A name for `unique`'s row count that cannot be the tested column's (dbt calls it n_records).
    static func countName(besides tested: String) -> String {
        tested.lowercased() == "n_records" ? "n_records_" : "n_records"
    }

    private func pipeline(over tested: TestedColumn, steps: [Step]) -> Pipeline {
        let parts = tested.relation.split(separator: ".", omittingEmptySubsequences: false)
            .map { Name(String($0), span: tested.relationSpan) }
        return Pipeline(source: TableReference(name: QualifiedName(parts)), steps: steps, span: tested.relationSpan)
    }

    private func select(key: Expression, value: Expression) -> Step {
        step(.select([NamedExpression(name: Name(Self.keyColumn, span: .none), expression: key),
                      NamedExpression(name: Name(Self.valueColumn, span: .none), expression: value)]))
    }

    private func step(_ kind: StepKind, at span: Span = .none) -> Step {
        Step(kind, span: span, keywordSpan: span)
    }

    private func column(_ name: String, at span: Span) -> Expression {
        expression(.column(QualifiedName([Name(name, span: span)])), at: span)
    }

    private func text(_ value: Expression) -> Expression {
        expression(.call(Name("text", span: value.span), [value]), at: value.span)
    }

    private func call(_ function: String) -> Expression {
        expression(.call(Name(function, span: .none), []), at: .none)
    }

    private func literal(_ value: Literal) -> Expression {
        expression(.literal(value), at: .none)
    }

    private func expression(_ kind: ExpressionKind, at span: Span) -> Expression {
        Expression(kind, span: span)
    }
}
