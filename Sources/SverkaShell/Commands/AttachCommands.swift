import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// `attach`, `detach`, `attachments`: a PostgreSQL server's tables in pipelines, queried where
/// they live.
enum AttachCommands {
    static let all: [CommandSpec] = [attach, detach, attachments]

    static let attach = CommandSpec(
        syntax: CommandSyntax(name: "attach", positionals: [Slot("engine", .choice(["postgres"])),
                                                            Slot("address", .string(.text))],
                              clauses: [ClauseSyntax(["as"], .word(.other), required: true)]),
        group: .data,
        summary: "use a PostgreSQL server's tables in pipelines as NAME.table; such queries run on the server",
        usage: "attach postgres \"postgres://USER@HOST[:PORT]/DB\" as NAME",
        details: [
            "After 'attach postgres \"postgres://sverka@db.local/erp\" as wh', the server's tables are wh.deals, wh.clients, … (wh.sales.deals outside the public schema). A pipeline that reads only wh's tables compiles to PostgreSQL and runs on the server, which sends back just the result: a million-row group-by never crosses the wire. 'explain' shows the engine and the SQL. A pipeline that mixes workspace and server tables is refused; copy one side over first (load postgres … table, or export … to postgres).",
            "Columns are typed as sverka types them: integers, numeric(p,s) as exact decimals of s places (a numeric without a scale gets the most places its values have), real and double as numbers, text, date, timestamp (timestamptz in the server's time zone), boolean. Results are the same as the same pipeline over the same data in the workspace.",
            "The password comes from PGPASSWORD or ~/.pgpass (PGPASSFILE), never from the script: an address with a password in it is refused. The address may set sslmode=disable|prefer|require (prefer by default; certificates are verified whenever TLS is used). The server's tables are read at attach: attach again to see tables made since. The connection lasts until 'detach' or the end of the session.",
        ],
        examples: ["attach postgres \"postgres://sverka@127.0.0.1:5432/erp\" as wh",
                   "from wh.deals | where stage == \"won\" | group client_id (revenue = sum(amount)) | sort -revenue | take 10",
                   "explain from wh.deals | group stage (n = count())"]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let address, let span)? = invocation.argument("address")?.value,
              case .word(let name)? = invocation.clause("as")?.value else {
            throw Diagnostic("attach needs an address and a name", at: invocation.span)
                .hint("write: attach postgres \"postgres://user@host/db\" as wh")
        }
        try checkName(name, session: session)
        let server = try PostgresConnecting.open(address, at: span, session: session)
        let catalog: PostgresCatalog
        do throws(Diagnostic) {
            catalog = try PostgresCatalog(attachment: name.text, server: server)
        } catch {
            server.close()
            throw located(error, at: span)
        }
        session.attachments[name.text]?.server.close()
        session.attachments[name.text] = Attachment(name: name.text, server: server, catalog: catalog)
        let count = catalog.tableNames.count
        let shown = catalog.tableNames.prefix(8).joined(separator: ", ") + (count > 8 ? ", …" : "")
        session.messages.write("attached \(name.text): postgres \(server.address), \(count) table\(count == 1 ? "" : "s")"
                               + (count > 0 ? " (\(shown))" : "") + "\n")
        return .done
    }

    static let detach = CommandSpec(
        syntax: CommandSyntax(name: "detach", positionals: [Slot("name", .word(.other))]),
        group: .data,
        summary: "close an attached server's connection; its tables leave the pipelines",
        usage: "detach NAME",
        details: ["Named queries that read its tables stay defined and work again after the next attach under the same name."],
        examples: ["detach wh"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("name")?.value else { return .done }
        guard let attachment = session.attachments[name.text] else {
            throw Diagnostic("nothing is attached as '\(name.text)'", at: name.span)
                .hint(session.attachments.isEmpty ? "'attach postgres \"…\" as NAME' attaches a server"
                      : "attached: " + session.attachments.keys.sorted().joined(separator: ", "))
        }
        attachment.server.close()
        session.attachments[name.text] = nil
        session.messages.write("detached \(name.text)\n")
        return .done
    }

    static let attachments = CommandSpec(
        syntax: CommandSyntax(name: "attachments"),
        group: .data,
        summary: "list the attached servers and their tables",
        usage: "attachments",
        details: [],
        examples: ["attachments"]
    ) { _, session throws(Diagnostic) in
        let rows = session.attachments.values.sorted { $0.name < $1.name }.map { attachment -> [Value] in
            [.text(attachment.name), .text("postgres \(attachment.server.address)"),
             .integer(Int64(attachment.catalog.tableNames.count)),
             .text(attachment.catalog.tableNames.joined(separator: ", "))]
        }
        session.show(columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "server", type: .text),
                               ResultColumn(name: "tables", type: .integer), ResultColumn(name: "names", type: .text)],
                     rows: rows)
        return .done
    }

    /// An attachment's name is the first part of its tables' names, so it may not be dotted, nor
    /// the first part of a workspace table's name (`crm` in `crm.deals`).
    private static func checkName(_ name: Name, session: Session) throws(Diagnostic) {
        guard !name.text.contains(".") else {
            throw Diagnostic("an attachment's name is one word, not '\(name.text)'", at: name.span).hint("write: as wh")
        }
        let prefix = name.text.lowercased() + "."
        if let clash = session.workspace.catalog.allSchemas().first(where: { $0.name.lowercased().hasPrefix(prefix) }) {
            throw Diagnostic("'\(name.text)' already begins the workspace table '\(clash.name)'", at: name.span)
                .hint("choose another name for the server, e.g. as wh")
        }
    }
}
