import SverkaEngine
import SverkaSyntax

/// Reads a pipeline the analysis writes over the roles row by row, straight off SQLite: adding
/// up a million deals in Swift costs less than grouping them in SQL by a text key, as long as no
/// row is turned into `[Value]` on the way.
struct RoleStream {
    let workspace: Workspace

    /// Whether a role (or table) is in the catalog.
    func exists(_ source: String) -> Bool {
        workspace.catalog.schema(of: source) != nil
    }

    /// The column names of a role, lower-cased; empty when it is not mapped.
    func columns(of source: String) -> Set<String> {
        Set(workspace.catalog.schema(of: source)?.columns.map { $0.name.lowercased() } ?? [])
    }

    /// Compiles the pipeline (so the dialect and the roles stay the compiler's business).
    func compile(_ pipeline: String, name: String) throws(Diagnostic) -> CompiledQuery {
        try PipelineRunner(workspace: workspace, variables: [:]).compile(pipeline, name: name)
    }

    /// Runs `sql`, binding `parameters`, and hands each row to `body` as the statement itself.
    func each(sql: String, parameters: [StoredValue] = [],
              _ body: (PreparedStatement) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let statement = try workspace.database.prepare(sql)
        try statement.bind(parameters)
        while try statement.step() { try body(statement) }
    }

    /// Runs a pipeline row by row.
    func each(_ pipeline: String, name: String,
              _ body: (PreparedStatement) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let query = try compile(pipeline, name: name)
        try each(sql: query.sql, parameters: query.parameters, body)
    }
}

extension PreparedStatement {
    /// The text of a column, nil for null.
    func optionalText(at index: Int) -> String? {
        isNull(at: index) ? nil : text(at: index)
    }
}
