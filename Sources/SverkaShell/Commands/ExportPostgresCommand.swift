import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// `export QUERY to postgres "postgres://…" table NAME [with (if_exists: …)]`: a result into a
/// server table, all rows in one transaction.
enum ExportPostgresCommand {
    static func run(_ pipeline: Pipeline, address: String, span: Span, invocation: CommandInvocation,
                    session: Session) throws(Diagnostic) {
        // ConnectorSyntaxChecks.export made sure the table is named.
        guard case .word(let table)? = invocation.clause("table")?.value else { return }
        let ifExists = try readOptions(invocation)
        let query = try session.compile(pipeline, in: session.currentSource)
        if session.isDryRun {
            let rows = try session.rowCount(of: query)
            session.noteSkippedByDryRun("would export \(rows) row\(rows == 1 ? "" : "s") to postgres table \(table.text)")
            return
        }
        let server = try PostgresConnecting.open(address, at: span, session: session)
        defer { server.close() }
        let rows: Int
        do throws(Diagnostic) {
            rows = try PostgresTableExport(server: server).export(columns: query.columns, to: table.text, ifExists: ifExists) {
                send throws(Diagnostic) in
                var failure: Diagnostic?
                try QueryRunner(database: session.workspace.database).run(query) { row in
                    guard failure == nil else { return }
                    do throws(Diagnostic) { try send(row) } catch { failure = error }
                }
                if let failure { throw failure }
            }
        } catch {
            throw located(error, at: table.span)
        }
        session.noteServerWrite("postgres \(server.address) table \(table.text)", rows: rows)
        session.messages.write("exported \(rows) row\(rows == 1 ? "" : "s") to postgres \(server.address) table \(table.text)\n")
    }

    private static func readOptions(_ invocation: CommandInvocation) throws(Diagnostic) -> PostgresExistingTable {
        guard case .options(let entries)? = invocation.clause("with")?.value else { return .fail }
        var ifExists = PostgresExistingTable.fail
        for entry in entries {
            guard entry.key.text == "if_exists" else {
                throw Diagnostic("unknown option '\(entry.key.text)' for export to postgres", at: entry.key.span)
                    .hint("the one option is if_exists: \"fail\" (default), \"replace\" or \"append\"")
            }
            guard case .expression(let expression) = entry.value, case .literal(.string(let text)) = expression.kind,
                  let value = PostgresExistingTable(rawValue: text) else {
                throw Diagnostic("if_exists is \"fail\", \"replace\" or \"append\"", at: entry.key.span)
            }
            ifExists = value
        }
        return ifExists
    }
}
