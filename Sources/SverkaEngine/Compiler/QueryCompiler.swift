import SverkaSyntax

/// Compiles pipelines and scalar expressions to SQL through a dialect, resolving every name
/// against the catalog and checking types, so that mistakes are reported in sverka's terms.
public struct QueryCompiler {
    public let dialect: any SQLDialect
    let tables: any TableResolver
    let variables: [String: Value]
    let source: SourceText?

    public init(dialect: any SQLDialect = SQLiteDialect(), tables: any TableResolver,
                variables: [String: Value] = [:], source: SourceText? = nil) {
        self.dialect = dialect
        self.tables = tables
        self.variables = variables
        self.source = source
    }

    public func compile(_ pipeline: Pipeline) throws(Diagnostic) -> CompiledQuery {
        let context = makeContext()
        let state = try Self.state(for: pipeline, context: context)
        let columns = zip(state.columns, state.outputNames()).map { ResultColumn(name: $1, type: $0.type) }
        let (sql, parameters) = PlaceholderCompaction.compact(state.sql(dialect: dialect), context.parameters.values,
                                                              marker: dialect.placeholderMarker)
        return CompiledQuery(sql: sql, parameters: parameters, columns: columns, engine: dialect.name)
    }

    /// Compiles an expression over no table (`let x = …`, `expect …`) as a one-row query.
    public func compileScalar(_ expression: Expression, name: String = "value") throws(Diagnostic) -> CompiledQuery {
        let context = makeContext()
        let compiler = ExpressionCompiler(scope: Scope(columns: [], description: "this statement (it reads no table)"),
                                          context: context)
        let value = try compiler.compile(expression)
        let (sql, parameters) = PlaceholderCompaction.compact("SELECT \(value.sql) AS \(dialect.quoteIdentifier(name))",
                                                              context.parameters.values, marker: dialect.placeholderMarker)
        return CompiledQuery(sql: sql, parameters: parameters,
                             columns: [ResultColumn(name: name, type: value.type)], engine: dialect.name)
    }

    private func makeContext() -> CompilationContext {
        CompilationContext(dialect: dialect, variables: variables, tables: tables, source: source)
    }

    // MARK: - Sources

    /// The SQL for reading a table or named query, and the columns it offers.
    static func tableSource(for reference: TableReference, context: CompilationContext) throws(Diagnostic) -> (sql: String, columns: [ScopeColumn]) {
        let dialect = context.dialect
        let name = reference.name.description
        let visible = dialect.quoteIdentifier(reference.visibleName)
        guard let schema = context.tables.schema(of: name) else {
            var error = Diagnostic("unknown table '\(name)'", at: reference.name.span)
            if let suggestion = Suggestion.closest(to: name, among: context.tables.allNames()) {
                error = error.hint("did you mean '\(suggestion)'?")
            } else {
                error = error.hint("'tables' lists the tables; 'load \"file.csv\" as \(name)' makes one")
            }
            throw error
        }
        let columns = schema.columns.map { column in
            ScopeColumn(qualifier: reference.visibleName, name: column.name,
                        sql: "\(visible).\(dialect.quoteIdentifier(column.name))", type: column.type)
        }
        guard schema.kind == .query else {
            if let sourceSQL = schema.sourceSQL { return ("(\(sourceSQL)) AS \(visible)", columns) }
            let table = dialect.quoteIdentifier(schema.name)
            return (reference.alias == nil && schema.name == reference.visibleName ? table : "\(table) AS \(visible)", columns)
        }
        guard !context.expanding.contains(schema.name) else {
            throw Diagnostic("the named query '\(schema.name)' refers to itself", at: reference.name.span)
        }
        guard let (pipeline, text) = try context.tables.pipeline(ofQuery: schema.name) else {
            throw Diagnostic("the named query '\(schema.name)' has no definition", at: reference.name.span)
        }
        context.expanding.append(schema.name)
        defer { context.expanding.removeLast() }
        let inner: SelectState
        do {
            inner = try state(for: pipeline, context: context)
        } catch {
            throw Diagnostic("the named query '\(schema.name)' no longer compiles: \(error.message)", at: reference.name.span)
                .hint("its definition: let \(schema.name) = \(text.text)")
        }
        let names = inner.outputNames()
        let offered = zip(inner.columns, names).map { column, outputName in
            ScopeColumn(qualifier: reference.visibleName, name: outputName,
                        sql: "\(visible).\(dialect.quoteIdentifier(outputName))", type: column.type)
        }
        return ("(\(inner.sql(dialect: dialect))) AS \(visible)", offered)
    }

    // MARK: - Steps

    static func state(for pipeline: Pipeline, context: CompilationContext) throws(Diagnostic) -> SelectState {
        let (from, columns) = try tableSource(for: pipeline.source, context: context)
        var state = SelectState(from: from, columns: columns, sourceNames: [pipeline.source.visibleName],
                                description: pipeline.source.visibleName)
        for step in pipeline.steps {
            state = try StepCompiler(context: context, step: step).apply(to: state)
        }
        return state
    }
}
