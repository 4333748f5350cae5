import Foundation
import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// `load postgres "postgres://…" query "select …" as NAME` (or `table NAME`): a server query's
/// result into a workspace table, replacing it atomically like a file load.
enum LoadPostgresCommand {
    static func run(address: String, span: Span, table: Name, invocation: CommandInvocation,
                    session: Session) throws(Diagnostic) {
        // ConnectorSyntaxChecks.load made sure there is exactly one of them.
        let query: String
        if case .string(let text, _)? = invocation.clause("query")?.value {
            query = text
        } else if case .word(let name)? = invocation.clause("table")?.value {
            query = PostgresTableLoad.tableQuery(name.text)
        } else {
            return
        }
        let server = try PostgresConnecting.open(address, at: span, session: session)
        defer { server.close() }
        let origin = "postgres \(server.address)"
        let report: LoadReport
        let line = TerminalProgressLine(verb: "reading", label: origin)
        let started = Date()
        do throws(Diagnostic) {
            report = try PostgresTableLoad(server: server).load(
                query, into: session.workspace, table: table.text, origin: origin,
                locate: { offset in queryPlace(offset, invocation: invocation, session: session) },
                progress: { rows in
                    let elapsed = Date().timeIntervalSince(started)
                    line?.draw("\(rows) rows" + String(format: ", %.0f s", elapsed), elapsed: elapsed)
                })
            line?.finish()
        } catch {
            line?.finish()
            throw located(error, at: invocation.clause("query")?.span ?? invocation.clause("table")?.span ?? span)
        }
        session.counters.rowsLoaded += report.rows
        session.messages.write(LoadMessages.summary(report, path: origin))
    }

    /// Where a byte of the query string is in the script: the string's text as written, when it
    /// has no escapes (else the caret goes under the whole string).
    private static func queryPlace(_ offset: Int, invocation: CommandInvocation, session: Session) -> Span? {
        guard case .string(let text, let span)? = invocation.clause("query")?.value,
              let source = session.currentSource, source.slice(span) == "\"\(text)\"" else { return nil }
        let at = span.start + 1 + offset
        return Span(start: at, end: at + 1)
    }
}
