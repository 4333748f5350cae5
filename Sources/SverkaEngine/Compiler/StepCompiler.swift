import SverkaSyntax

/// Adds one pipeline step to the SELECT being built, wrapping it first when the step cannot
/// be expressed in the same SELECT.
struct StepCompiler {
    let context: CompilationContext
    let step: Step

    private var dialect: any SQLDialect { context.dialect }

    func apply(to input: SelectState) throws(Diagnostic) -> SelectState {
        var state = input
        switch step.kind {
        case .filter(let condition):
            if !state.isPlain { state = wrap(state) }
            let compiled = try ExpressionCompiler(scope: state.scope, context: context).compileCondition(condition, for: "where")
            state.filters.append(compiled.sql)
        case .select(let items):
            if state.isDistinct { state = wrap(state) }
            state.columns = try project(items, in: state, requireNames: false)
            state.hiddenColumns = []
        case .derive(let items):
            if state.isDistinct { state = wrap(state) }
            for column in try project(items, in: state, requireNames: true) {
                if let index = state.columns.firstIndex(where: { $0.name == column.name }) {
                    state.columns[index] = column
                } else {
                    state.columns.append(column)
                }
            }
        case .join(let kind, let reference, let condition):
            state = try join(kind, reference, condition, state)
        case .group(let keys, let aggregates):
            state = try group(keys, aggregates, state)
        case .sort(let keys):
            if state.limit != nil { state = wrap(state) }
            let compiler = ExpressionCompiler(scope: state.scope, context: context)
            state.orderBy = []
            for key in keys {
                let value = try compiler.compile(key.expression)
                state.orderBy.append(dialect.orderKey(value.sql, descending: key.descending))
            }
        case .take(let count):
            if state.limit != nil { state = wrap(state) }
            let compiler = ExpressionCompiler(scope: Scope(columns: [], description: "take"), context: context)
            let value = try compiler.compile(count)
            guard case .integer(let rows)? = value.constant, rows >= 0 else {
                throw Diagnostic("take needs a whole number of rows, 0 or more", at: count.span)
                    .hint("write take 10")
            }
            state.limit = String(rows)
        case .distinct:
            if state.limit != nil { state = wrap(state) }
            state.isDistinct = true
        case .append(let other):
            state = try append(other, to: state)
        }
        return state
    }

    private func wrap(_ state: SelectState) -> SelectState {
        state.wrapped(alias: context.nextAlias(), dialect: dialect)
    }

    /// The columns of a select or derive list.
    private func project(_ items: [NamedExpression], in state: SelectState, requireNames: Bool) throws(Diagnostic) -> [ScopeColumn] {
        let compiler = ExpressionCompiler(scope: state.scope, context: context)
        var columns: [ScopeColumn] = []
        for item in items {
            let value = try compiler.compile(item.expression)
            if let name = item.name {
                columns.append(ScopeColumn(qualifier: nil, name: name.text, sql: value.sql, type: value.type,
                                           isAggregate: value.isAggregate))
            } else if case .column(let reference) = item.expression.kind {
                let original = try state.scope.resolve(reference)
                columns.append(original)
            } else {
                let written = context.source(item.expression.span)
                columns.append(ScopeColumn(qualifier: nil, name: written, sql: value.sql, type: value.type,
                                           isAggregate: value.isAggregate))
            }
        }
        try Self.checkUnique(columns, spans: items.map(\.span))
        return columns
    }

    /// Two output columns may share a name only when both keep different tables' qualifiers
    /// (`deals.id`, `clients.id`); otherwise a later step could not tell them apart.
    static func checkUnique(_ columns: [ScopeColumn], spans: [Span]) throws(Diagnostic) {
        for (index, column) in columns.enumerated() {
            for earlier in columns[..<index] where earlier.name == column.name {
                if let a = earlier.qualifier, let b = column.qualifier, a != b { continue }
                throw Diagnostic("two columns are named '\(column.name)'", at: spans[index])
                    .hint("give one another name: \(column.name)_2 = …")
            }
        }
    }

    private func join(_ kind: JoinKind, _ reference: TableReference, _ condition: JoinCondition,
                      _ input: SelectState) throws(Diagnostic) -> SelectState {
        var state = input.isPlain ? input : wrap(input)
        state.orderBy = []
        let visible = reference.visibleName
        if state.sourceNames.contains(visible) || state.scope.columns.contains(where: { $0.qualifier == visible }) {
            throw Diagnostic("'\(visible)' is already in this pipeline", at: reference.span)
                .hint("give it another name: join \(reference.name) as \(visible)2 …")
        }
        let (rightSQL, rightColumns) = try QueryCompiler.tableSource(for: reference, context: context)
        let rightScope = Scope(columns: rightColumns, description: visible)
        var hidden: [ScopeColumn] = []
        let onSQL: String
        switch condition {
        case .on(let expression):
            let both = Scope(columns: state.scope.columns + rightColumns, description: "\(state.description) or \(visible)")
            onSQL = try ExpressionCompiler(scope: both, context: context).compileCondition(expression, for: "on").sql
        case .using(let names):
            var parts: [String] = []
            for name in names {
                let qualified = QualifiedName([name])
                let left = try state.scope.resolve(qualified)
                let right = try rightScope.resolve(qualified)
                let unified = try TypeRules.unify(
                    [TypedSQL(sql: left.sql, type: left.type), TypedSQL(sql: right.sql, type: right.type)],
                    spans: [name.span, name.span], context: context)
                parts.append("\(unified[0].sql) = \(unified[1].sql)")
                hidden.append(right)
            }
            onSQL = parts.joined(separator: " AND ")
        }
        let keyword = kind == .left ? "LEFT JOIN" : "JOIN"
        state.from += " \(keyword) \(rightSQL) ON \(onSQL)"
        state.sourceNames.insert(visible)
        let hiddenNames = Set(hidden.map(\.name))
        state.columns += rightColumns.filter { !hiddenNames.contains($0.name) }
        state.hiddenColumns += hidden
        state.description = "\(state.description) or \(visible)"
        return state
    }

    private func group(_ keys: [NamedExpression], _ aggregates: [NamedExpression],
                       _ input: SelectState) throws(Diagnostic) -> SelectState {
        var state = input.isPlain ? input : wrap(input)
        state.orderBy = []
        let rowCompiler = ExpressionCompiler(scope: state.scope, context: context)
        var keyColumns: [ScopeColumn] = []
        for key in keys {
            let value = try rowCompiler.compile(key.expression)
            if value.isAggregate {
                throw Diagnostic("a group key cannot be an aggregate", at: key.span)
                    .hint("aggregates go in the parenthesised list after the keys")
            }
            if let name = key.name {
                keyColumns.append(ScopeColumn(qualifier: nil, name: name.text, sql: value.sql, type: value.type))
            } else if case .column(let reference) = key.expression.kind {
                keyColumns.append(try state.scope.resolve(reference))
            } else {
                throw Diagnostic("name this group key", at: key.span)
                    .hint("write: group month = yearmonth(closed_at) (…)")
            }
        }
        try Self.checkUnique(keyColumns, spans: keys.map(\.span))
        context.groupKeys = keyColumns
        defer { context.groupKeys = [] }
        let aggregateCompiler = ExpressionCompiler(scope: state.scope, context: context, place: .aggregate)
        var aggregateColumns: [ScopeColumn] = []
        for item in aggregates {
            let value = try aggregateCompiler.compile(item.expression)
            let name: String
            if let given = item.name {
                name = given.text
            } else if case .call(let function, _) = item.expression.kind {
                name = function.text.lowercased()
            } else {
                throw Diagnostic("name this aggregate", at: item.span).hint("write: (total = \(context.source(item.span)))")
            }
            if keyColumns.contains(where: { $0.name == name }) || aggregateColumns.contains(where: { $0.name == name }) {
                throw Diagnostic("two columns are named '\(name)'", at: item.span).hint("give it another name")
            }
            aggregateColumns.append(ScopeColumn(qualifier: nil, name: name, sql: value.sql, type: value.type, isAggregate: true))
        }
        state.groupBy = keyColumns.map(\.sql)
        state.columns = keyColumns + aggregateColumns
        state.hiddenColumns = []
        return state
    }

    private func append(_ other: Pipeline, to input: SelectState) throws(Diagnostic) -> SelectState {
        let right = try QueryCompiler.state(for: other, context: context)
        guard right.columns.count == input.columns.count else {
            throw Diagnostic("append needs the same number of columns: this has \(input.columns.count), '\(other.source.visibleName)' has \(right.columns.count)",
                             at: step.span).hint("select the same columns on both sides")
        }
        let leftWrapped = wrap(input), rightWrapped = wrap(right)
        var leftList: [String] = [], rightList: [String] = [], columns: [ScopeColumn] = []
        for (index, (l, r)) in zip(leftWrapped.columns, rightWrapped.columns).enumerated() {
            let unified = try TypeRules.unify([TypedSQL(sql: l.sql, type: l.type), TypedSQL(sql: r.sql, type: r.type)],
                                              spans: [step.span, step.span], context: context)
            let name = input.outputNames()[index]
            leftList.append("\(unified[0].sql) AS \(dialect.quoteIdentifier(name))")
            rightList.append("\(unified[1].sql) AS \(dialect.quoteIdentifier(name))")
            let type = unified[0].type == .null ? unified[1].type : unified[0].type
            columns.append(ScopeColumn(qualifier: l.qualifier, name: name, sql: "", type: type))
        }
        let alias = context.nextAlias()
        let quoted = dialect.quoteIdentifier(alias)
        let union = "SELECT \(leftList.joined(separator: ", ")) FROM \(leftWrapped.from) UNION ALL "
            + "SELECT \(rightList.joined(separator: ", ")) FROM \(rightWrapped.from)"
        for index in columns.indices {
            columns[index].sql = "\(quoted).\(dialect.quoteIdentifier(columns[index].name))"
        }
        return SelectState(from: "(\(union)) AS \(quoted)", columns: columns, sourceNames: [alias],
                           description: input.description)
    }
}
