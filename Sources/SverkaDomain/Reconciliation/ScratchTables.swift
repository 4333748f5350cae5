import SverkaEngine
import SverkaSyntax

/// Copies the canonical roles a run needs into temporary tables, once, with uniform types and
/// indexes on the join keys. The roles are named queries over the user's tables (text ids from
/// numbers, normalised stages …); expanding them in each of seven statements would evaluate
/// every conversion seven times on a million deals, and SQLite could not index them.
///
/// The copies go through the compiler, so they read whatever the mapping made of the role. Every
/// statement runs inside the caller's transaction: a failure rolls the temporary tables back too.
final class ScratchTables {
    let workspace: Workspace
    let sql: DomainSQL
    private(set) var created: [String] = []

    init(workspace: Workspace, dialect: any SQLDialect = SQLiteDialect()) {
        self.workspace = workspace
        self.sql = DomainSQL(dialect: dialect)
    }

    /// Whether a role or table by this name exists in the catalog.
    func exists(_ source: String) -> Bool {
        workspace.catalog.schema(of: source) != nil
    }

    /// Copies `spec.source` into `spec.table`; optional fields the source lacks stay null.
    /// Returns the names of the fields the source has.
    @discardableResult
    func copy(_ spec: ScratchSpec, filter: RowFilter? = nil) throws(Diagnostic) -> Set<String> {
        let (query, present) = try selection(spec, filter: filter)
        let table = sql.quote(spec.table)
        let declarations = spec.fields.map { "\(sql.quote($0.name)) \($0.type.storageDeclaration)" }
        try workspace.database.execute("DROP TABLE IF EXISTS \(table)")
        try workspace.database.execute("CREATE TEMP TABLE \(table) (\(declarations.joined(separator: ", ")))")
        created.append(spec.table)
        let targets = spec.fields.filter { present.contains($0.name) }.map { sql.quote($0.name) }
        try workspace.database.run("INSERT INTO \(table) (\(targets.joined(separator: ", "))) \(query.sql)", query.parameters)
        for columns in spec.indexes {
            let name = sql.quote(([spec.table] + columns).joined(separator: "_"))
            try workspace.database.execute("CREATE INDEX \(name) ON \(table) (\(columns.map(sql.quote).joined(separator: ", ")))")
        }
        return present
    }

    /// The SELECT a copy inserts: the fields `spec.source` has, in the spec's order and brought
    /// to their shapes, and their names. Commands that read a role once use it as a subquery
    /// instead of copying it.
    func selection(_ spec: ScratchSpec, filter: RowFilter? = nil) throws(Diagnostic) -> (query: CompiledQuery, present: Set<String>) {
        guard let schema = workspace.catalog.schema(of: spec.source) else { throw Self.missing(spec.source) }
        var items: [NamedExpression] = []
        var present: Set<String> = []
        for field in spec.fields {
            guard let column = schema.columns.first(where: { $0.name.lowercased() == field.name }) else {
                if field.isRequired { throw Self.missingField(field.name, in: spec.source, columns: schema.columns) }
                continue
            }
            guard field.accepts(column.type) else {
                throw Diagnostic("\(spec.source).\(column.name) is \(column.type), which cannot be read as \(field.type)")
                    .hint("map the role again with a column of the right kind")
            }
            items.append(NamedExpression(name: Self.name(field.name), expression: Self.shaped(field, column)))
            present.insert(field.name)
        }
        return (try compile(source: spec.source, items: items, filter: filter), present)
    }

    /// A temporary table made by SQL the caller writes (summaries of the copies).
    func create(_ table: String, as select: String, parameters: [StoredValue] = [], index: [String] = []) throws(Diagnostic) {
        let quoted = sql.quote(table)
        try workspace.database.execute("DROP TABLE IF EXISTS \(quoted)")
        try workspace.database.runGenerated("CREATE TEMP TABLE \(quoted) AS \(select)", parameters)
        created.append(table)
        for column in index {
            try workspace.database.execute("CREATE INDEX \(sql.quote("\(table)_\(column)")) ON \(quoted) (\(sql.quote(column)))")
        }
    }

    /// Drops every table this run made; the end of a successful run.
    func dropAll() throws(Diagnostic) {
        for table in created.reversed() {
            try workspace.database.execute("DROP TABLE IF EXISTS \(sql.quote(table))")
        }
        created = []
    }

    // MARK: - Compiling the copy

    private func compile(source: String, items: [NamedExpression], filter: RowFilter?) throws(Diagnostic) -> CompiledQuery {
        let parts = source.split(separator: ".").map { Self.name(String($0)) }
        var steps: [Step] = []
        if let filter {
            steps.append(Step(.filter(filter.condition), span: filter.condition.span, keywordSpan: filter.condition.span))
        }
        steps.append(Step(.select(items), span: .none, keywordSpan: .none))
        let pipeline = Pipeline(source: TableReference(name: QualifiedName(parts)), steps: steps, span: .none)
        let compiler = QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog),
                                     variables: filter?.context.variables ?? [:], source: filter?.context.source)
        return try compiler.compile(pipeline)
    }

    /// The expression that brings a column to a field's shape.
    private static func shaped(_ field: ScratchField, _ column: ResultColumn) -> SverkaSyntax.Expression {
        let value = expression(.column(QualifiedName([name(column.name)])))
        switch field.shape {
        case .id:
            let text = column.type == .text ? value : call("text", value)
            return call("nullif", call("trim", text), expression(.literal(.string(""))))
        case .text:
            return column.type == .text ? value : call("text", value)
        case .lowerText:
            return call("lower", call("trim", column.type == .text ? value : call("text", value)))
        case .money:
            return column.type == .decimal(scale: 2) ? value : call("decimal", value, expression(.literal(.integer(2))))
        case .date:
            return column.type == .date ? value : call("date", value)
        }
    }

    private static func name(_ text: String) -> Name { Name(text, span: .none) }

    private static func expression(_ kind: ExpressionKind) -> SverkaSyntax.Expression {
        SverkaSyntax.Expression(kind, span: .none)
    }

    private static func call(_ function: String, _ arguments: SverkaSyntax.Expression...) -> SverkaSyntax.Expression {
        expression(.call(name(function), arguments))
    }

    // MARK: - Errors

    static func missing(_ source: String) -> Diagnostic {
        if source == "matches" {
            return Diagnostic("there is no 'matches' table").hint("'match clients' makes it")
        }
        let entity = source.split(separator: ".").last.map(String.init) ?? source
        return Diagnostic("the role \(source) is not mapped")
            .hint("bind a loaded table to it: map \(entity) as \(source)")
            .hint("'roles' shows what is mapped")
    }

    static func missingField(_ field: String, in source: String, columns: [ResultColumn]) -> Diagnostic {
        Diagnostic("\(source) has no column '\(field)'")
            .hint("its columns: " + columns.map(\.name).joined(separator: ", "))
            .hint("map the role again, naming the column: map TABLE as \(source) (\(field) = COLUMN)")
    }
}
