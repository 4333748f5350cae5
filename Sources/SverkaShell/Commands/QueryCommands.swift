import SverkaEngine
import SverkaSyntax

/// Commands that look under a query, or past the language to SQL.
enum QueryCommands {
    static let all: [CommandSpec] = [explain, sql]

    static let explain = CommandSpec(
        syntax: CommandSyntax(name: "explain", positionals: [Slot("query", .query)]),
        group: .query,
        summary: "show the SQL a pipeline compiles to",
        usage: "explain QUERY",
        details: ["Prints the engine that would run the query, the SQL with numbered parameters, the parameters' values, and the result's columns with their types. Nothing is run."],
        examples: ["explain from deals | where amount > 1M | group client_id (n = count())"]
    ) { invocation, session throws(Diagnostic) in
        guard case .query(let pipeline)? = invocation.argument("query")?.value else { return .done }
        let query = try session.compile(pipeline, in: session.currentSource)
        var text = "engine: \(query.engine)\nsql: \(query.sql)\n"
        if !query.parameters.isEmpty {
            let values = query.parameters.enumerated().map { index, value in "?\(index + 1) = \(Self.describe(value))" }
            text += "parameters: " + values.joined(separator: ", ") + "\n"
        }
        text += "columns: " + query.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + "\n"
        session.output.write(text)
        return .done
    }

    static let sql = CommandSpec(
        syntax: CommandSyntax(name: "sql", positionals: [Slot("statement", .string(.sql))]),
        group: .query,
        summary: "run SQL as written, on the workspace's SQLite database",
        usage: "sql \"SELECT …\"",
        details: ["The escape hatch: the text goes to SQLite unchanged. Money columns hold integer minor units there (12.50 is 1250), dates ISO text. Result types are read off the values."],
        examples: ["sql \"select count(*) from deals\""]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let text, let span)? = invocation.argument("statement")?.value else { return .done }
        let result: (columns: [ResultColumn], rows: [[Value]])
        do throws(Diagnostic) {
            result = try QueryRunner(database: session.workspace.database).runRaw(text)
        } catch {
            var located = error
            if located.span == nil { located.span = span }
            throw located
        }
        if !result.columns.isEmpty { session.show(columns: result.columns, rows: result.rows) }
        return .done
    }

    private static func describe(_ value: StoredValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return String(number)
        case .real(let number): return Value.format(number)
        case .text(let text): return "'\(text)'"
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }
}
