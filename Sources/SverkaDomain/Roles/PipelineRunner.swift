import SverkaEngine
import SverkaSyntax

/// Compiles and runs pipelines the domain writes as text (a role's definition, its checks and
/// counts) through the same compiler as the user's own queries, so the SQL dialect stays the
/// compiler's business.
struct PipelineRunner {
    let workspace: Workspace
    let variables: [String: Value]

    func compiler(source: SourceText?) -> QueryCompiler {
        QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), variables: variables, source: source)
    }

    /// Parses and compiles one pipeline written as text; `name` is what its errors call it.
    func compile(_ text: String, name: String) throws(Diagnostic) -> CompiledQuery {
        let source = SourceText(name: name, text: text)
        let script: Script
        do throws(DiagnosticList) {
            script = try Parser(grammar: PipelinesOnly()).parse(source)
        } catch {
            throw error.diagnostics.first ?? Diagnostic("\(name) cannot be read")
        }
        guard script.statements.count == 1, case .query(let pipeline) = script.statements[0].kind else {
            throw Diagnostic("\(name) is not a single pipeline")
        }
        return try compiler(source: source).compile(pipeline)
    }

    func run(_ query: CompiledQuery, row: ([Value]) -> Void) throws(Diagnostic) {
        try QueryRunner(database: workspace.database).run(query, row: row)
    }

    /// The rows of a table or named query.
    func count(_ table: String) throws(Diagnostic) -> Int {
        guard let name = PipelineText.name(table) else { throw Diagnostic("'\(table)' cannot be named in a pipeline") }
        let query = try compile("from \(name) | group (n = count())", name: "count of \(table)")
        guard case .integer(let rows) = try QueryRunner(database: workspace.database).scalar(query) else { return 0 }
        return Int(rows)
    }
}

/// A grammar with no commands: the domain's pipelines are pipelines only.
private struct PipelinesOnly: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? { nil }
    var commandNames: [String] { [] }
}
