import SverkaSyntax

/// The rules of `load` and `export` that their slots cannot say, checked when a statement is
/// parsed so that a script breaking one runs nothing: which clauses go with `postgres`.
enum ConnectorSyntaxChecks {
    /// `load postgres` reads a query or a table (one of them); a file or an API takes neither.
    static let load: CommandSyntax.Check = { invocation, _ throws(Diagnostic) in
        let query = invocation.clause("query"), table = invocation.clause("table")
        guard case .word(let source)? = invocation.argument("source")?.value, source.text == "postgres" else {
            if let clause = query ?? table {
                throw Diagnostic("'\(clause.keyword)' belongs to load postgres", at: clause.span)
                    .hint("write: load postgres \"postgres://user@host/db\" \(clause.keyword) … as NAME")
            }
            return
        }
        if let query, table != nil {
            throw Diagnostic("load postgres reads a query or a table, not both", at: query.span)
                .hint("write: load postgres \"…\" table deals as deals, or … query \"select …\" as deals")
        }
        if query == nil && table == nil {
            throw Diagnostic("load postgres needs 'query \"SELECT …\"' or 'table NAME'", at: invocation.span)
                .hint("write: load postgres \"postgres://user@host/db\" table deals as deals")
        }
        if let options = invocation.clause("with") {
            throw Diagnostic("load postgres takes no options", at: options.span)
                .hint("the server's column types decide the table's; cast in the query to change one: CAST(inn AS text)")
        }
    }

    /// `export` writes to a file (`to "PATH"`) or a server table (`to postgres "…" table NAME`).
    static let export: CommandSyntax.Check = { invocation, _ throws(Diagnostic) in
        let file = invocation.clause("to"), server = invocation.clause("to postgres"), table = invocation.clause("table")
        if server != nil {
            if let file {
                throw Diagnostic("export writes to one place: a file or a server table", at: file.span)
            }
            if table == nil {
                throw Diagnostic("export to postgres needs the server table's name", at: invocation.span)
                    .hint("write: export deals to postgres \"postgres://user@host/db\" table deals")
            }
            return
        }
        if let table {
            throw Diagnostic("'table' belongs to export … to postgres", at: table.span)
                .hint("write: export deals to postgres \"postgres://user@host/db\" table deals")
        }
        if file == nil {
            throw Diagnostic("the 'export' command needs 'to \"FILE\"'", at: Span(start: invocation.span.end, end: invocation.span.end))
                .hint("usage: export QUERY to \"FILE\" [with (key: value, …)], or export QUERY to postgres \"ADDRESS\" table NAME")
        }
    }
}
