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
        details: ["Prints the engine that would run the query, the SQL with numbered parameters, the parameters' values, and the result's columns with their types. Nothing is run.",
                  "A pipeline that reads only an attached server's tables (attach postgres … as wh; from wh.deals | …) runs on that server: the engine line says 'PostgreSQL on wh (…)' and the SQL is PostgreSQL's. One that reads only workspace tables runs in SQLite."],
        examples: ["explain from deals | where amount > 1M | group client_id (n = count())",
                   "explain from wh.deals | where stage == \"won\" | group client_id (revenue = sum(amount))"]
    ) { invocation, session throws(Diagnostic) in
        guard case .query(let pipeline)? = invocation.argument("query")?.value else { return .done }
        let plan = try session.plan(pipeline, in: session.currentSource)
        let query = plan.query
        var text = "engine: \(query.engine)\nsql: \(query.sql)\n"
        if !query.parameters.isEmpty {
            let marker = if case .server = plan { "$" } else { "?" }
            let values = query.parameters.enumerated().map { index, value in "\(marker)\(index + 1) = \(Self.describe(value))" }
            text += "parameters: " + values.joined(separator: ", ") + "\n"
        }
        text += "columns: " + query.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + "\n"
        session.output.write(text)
        return .done
    }

    static let sql = CommandSpec(
        syntax: CommandSyntax(name: "sql", positionals: [Slot("write", .choice(["write"]), optional: true),
                                                         Slot("statement", .string(.sql))]),
        group: .query,
        summary: "run SQL as written, on the workspace's SQLite database (read-only unless 'sql write')",
        usage: "sql [write] \"SQL\"",
        details: [
            "The escape hatch: the text goes to SQLite unchanged. Money columns hold integer minor units there (12.50 is 1250), dates ISO text. Result types are read off the values.",
            "sql only reads: a statement that would change the workspace is refused before it runs. sql write runs one in a transaction of its own (all of it or nothing), says how many rows it changed, and the audit trail records it. A table written this way is reloaded by the next load of its file, even an unchanged one.",
            "Neither may change sverka's own _sverka_ tables (catalog, journal, runs, audit), begin or end transactions, attach other databases, set pragmas or create triggers; sql write may not drop or alter a table the catalog types (use drop, or make a new table with create table … as select).",
        ],
        examples: ["sql \"select count(*) from deals\"", "sql write \"update deals set stage = 'won' where deal_id = 17\"",
                   "sql write \"create index deals_client on deals (client_id)\""]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let text, let span)? = invocation.argument("statement")?.value else { return .done }
        let raw = RawSQL(workspace: session.workspace)
        do throws(Diagnostic) {
            if isWrite(invocation) {
                let report = try raw.write(text)
                show(report.result, in: session)
                let rows = "\(report.rowsChanged) row\(report.rowsChanged == 1 ? "" : "s") changed"
                // `created table t (9 rows)` says it all; "0 rows changed" beside it would confuse.
                let said = (report.rowsChanged > 0 || report.made.isEmpty ? [rows] : []) + report.made
                session.messages.write("sql write: " + said.joined(separator: "; ") + "\n")
            } else {
                show(try raw.read(text), in: session)
            }
        } catch {
            var located = error
            if located.span == nil { located.span = span }
            throw located
        }
        return .done
    }

    /// Whether a `sql` statement is `sql write`: the one form of raw SQL that changes the
    /// workspace, for whoever needs to tell it apart (the audit trail).
    static func isWrite(_ invocation: CommandInvocation) -> Bool {
        guard invocation.name.text == "sql", case .word(let mode)? = invocation.argument("write")?.value else { return false }
        return mode.text == "write"
    }

    private static func show(_ result: RawResult, in session: Session) {
        if !result.columns.isEmpty { session.show(columns: result.columns, rows: result.rows) }
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
