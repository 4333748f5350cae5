import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// Planning: which engine runs a pipeline. A pipeline that reads only one attached server's
/// tables runs there (push-down), so a million-row group-by returns just its groups; one that
/// reads only workspace tables runs in SQLite; one that mixes them is refused, since no engine
/// sees both sides.
extension Session {
    /// The tables pipelines can name here: the workspace's and the attached servers'.
    func sessionTables() -> SessionTables {
        SessionTables(workspace: WorkspaceTables(catalog: workspace.catalog), attachments: attachments)
    }

    /// Compiles a pipeline for the engine that must run it, without running anything.
    func plan(_ pipeline: Pipeline, in source: SourceText?) throws(Diagnostic) -> QueryPlan {
        try plan(span: pipeline.span, source: source) { compiler throws(Diagnostic) in try compiler.compile(pipeline) }
    }

    /// Compiles an expression over no table (`let n = rows(wh.deals)`, `expect …`) for its engine.
    func planScalar(_ expression: SverkaSyntax.Expression, name: String = "value",
                    in source: SourceText?) throws(Diagnostic) -> QueryPlan {
        try plan(span: expression.span, source: source) { compiler throws(Diagnostic) in
            try compiler.compileScalar(expression, name: name)
        }
    }

    /// Compiles for SQLite, which also tells which tables were named; again for PostgreSQL when
    /// they all belong to one attached server.
    private func plan(span: Span, source: SourceText?,
                      compile: (QueryCompiler) throws(Diagnostic) -> CompiledQuery) throws(Diagnostic) -> QueryPlan {
        let tables = sessionTables()
        let local = try compile(QueryCompiler(tables: tables, variables: variables, source: source))
        guard let attachment = try serverOnly(tables, span: span) else { return .workspace(local) }
        var remote = try compile(QueryCompiler(dialect: PostgresDialect(), tables: tables, variables: variables, source: source))
        remote.engine = "PostgreSQL on \(attachment.name) (\(attachment.server.address))"
        return .server(attachment, remote)
    }

    /// The one attachment a compiled statement read, nil when it read only the workspace.
    private func serverOnly(_ tables: SessionTables, span: Span) throws(Diagnostic) -> Attachment? {
        let read = tables.attachmentsRead
        guard let first = read.first, let attachment = attachments[first] else { return nil }
        if read.count > 1 {
            throw Diagnostic("this query reads the tables of \(read.map { "'\($0)'" }.joined(separator: " and ")): "
                             + "a query runs on one server", at: span)
                .hint("copy one side into the workspace with 'load postgres \"…\" table NAME as NAME', then join there")
        }
        if tables.readsWorkspace {
            throw Diagnostic("this query reads workspace tables and tables of '\(first)': a query runs on one engine",
                             at: span)
                .hint("copy the server's table into the workspace: load postgres \"…\" table NAME as NAME")
                .hint("or put the workspace's table on the server: export NAME to postgres \"…\" table NAME")
        }
        return attachment
    }

    /// Runs a plan, handing each row to `body`: on the server or in the workspace.
    func run(_ plan: QueryPlan, row body: ([Value]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch plan {
        case .workspace(let query):
            var failure: Diagnostic?
            try QueryRunner(database: workspace.database).run(query) { row in
                guard failure == nil else { return }
                do throws(Diagnostic) { try body(row) } catch { failure = error }
            }
            if let failure { throw failure }
        case .server(let attachment, let query):
            try PostgresQueryRunner(server: attachment.server).run(query, row: body)
        }
    }

    /// A plan as a query on the workspace: a server's result is first copied into a temporary
    /// table (only the result: the server did the work), so that export, charts and the rest
    /// read it like any other.
    func workspaceQuery(for plan: QueryPlan) throws(Diagnostic) -> CompiledQuery {
        guard case .server(let attachment, let query) = plan else { return plan.query }
        let database = workspace.database
        let table = "temp." + SQLiteQuoting.identifier("_sverka_server_result")
        let names = query.columns.indices.map { "c\($0 + 1)" }
        try database.execute("DROP TABLE IF EXISTS \(table)")
        let definitions = zip(names, query.columns).map { "\($0) \($1.type.storageDeclaration)" }
        try database.execute("CREATE TABLE \(table) (\((definitions.isEmpty ? ["c0"] : definitions).joined(separator: ", ")))")
        try database.inTransaction { () throws(Diagnostic) in
            let insert = try database.prepare("INSERT INTO \(table) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
            try PostgresQueryRunner(server: attachment.server).run(query) { row throws(Diagnostic) in
                guard !names.isEmpty else { return }
                insert.reset()
                try insert.bind(row.map(\.storage))
                _ = try insert.step()
            }
        }
        let list = zip(names, query.columns).map { "\($0) AS \(SQLiteQuoting.identifier($1.name))" }
        let sql = "SELECT \(list.isEmpty ? "NULL" : list.joined(separator: ", ")) FROM \(table)"
        return CompiledQuery(sql: sql, parameters: [], columns: query.columns, engine: query.engine)
    }

    /// Closes every attached server's connection (the session is ending).
    public func detachAll() {
        for attachment in attachments.values { attachment.server.close() }
        attachments = [:]
    }
}
