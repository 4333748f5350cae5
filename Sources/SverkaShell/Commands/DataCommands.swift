import Foundation
import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// Commands that bring data into the workspace and show what it holds.
enum DataCommands {
    static let all: [CommandSpec] = [load, append, tables, describe, drop]

    static let load = CommandSpec(
        syntax: CommandSyntax(name: "load", positionals: [Slot("source", .choice(["api", "postgres"]), optional: true),
                                                          Slot("path", .string(.path))],
                              clauses: [ClauseSyntax(["as"], .word(.newTable), required: true),
                                        ClauseSyntax(["query"], .string(.sql)),
                                        ClauseSyntax(["table"], .word(.other)),
                                        ClauseSyntax(["with"], .options)],
                              check: ConnectorSyntaxChecks.load),
        group: .data,
        summary: "load a CSV, TSV, JSON, Excel or 1C file, or a JSON API, into a table (replacing it atomically)",
        usage: "load \"PATH\" as NAME [with (option: value, …)] | load api \"URL\" as NAME [with (option: value, …)] | load postgres \"postgres://…\" query \"SELECT …\"|table NAME as NAME",
        details: LoadHelp.loadDetails + LoadHelp.apiDetails + LoadHelp.postgresDetails,
        examples: ["load \"examples/data/deals.csv\" as deals",
                   "load \"1c-export.csv\" as invoices with (types: (inn: text), date: \"dd.MM.yyyy\")",
                   "load \"deals.csv\" as deals with (on_error: \"skip\", max_errors: 10)",
                   "load \"old.txt\" as clients with (encoding: \"koi8-r\", delimiter: \"|\", header: false)",
                   "load api \"https://example.amocrm.ru/api/v4/leads\" as leads with (preset: \"amocrm\", token_env: \"AMO_TOKEN\")",
                   "load api \"http://1c.local/base/odata/standard.odata/Catalog_Контрагенты\" as counterparties with (preset: \"1c\", user: \"buh\", password_env: \"ONEC_PASSWORD\")",
                   "load api \"https://api.example.com/v1/payments\" as payments with (cursor: \"meta.next_cursor\", cursor_param: \"cursor\", token_env: \"PAY_TOKEN\", max_pages: 50)",
                   "load postgres \"postgres://sverka@db.local/erp\" table deals as deals",
                   "load postgres \"postgres://sverka@db.local/erp\" query \"select id, inn, name from clients where active\" as clients"]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let path, let pathSpan)? = invocation.argument("path")?.value,
              case .word(let name)? = invocation.clause("as")?.value else {
            throw Diagnostic("load needs a file and a table name", at: invocation.span).hint("write: load \"file.csv\" as name")
        }
        try checkNotAttached(name, session: session)
        if case .word(let source)? = invocation.argument("source")?.value, source.text == "postgres" {
            try LoadPostgresCommand.run(address: path, span: pathSpan, table: name, invocation: invocation, session: session)
            return .done
        }
        if invocation.argument("source") != nil {
            try LoadAPICommand.run(url: path, span: pathSpan, table: name, invocation: invocation, session: session)
            return .done
        }
        let read = try readOptions(invocation)
        try run(path: path, pathSpan: pathSpan, table: name.text, read: read, session: session) { request throws(Diagnostic) in
            try LoadDispatch.load(request, read: read, into: session.workspace)
        }
        return .done
    }

    static let append = CommandSpec(
        syntax: CommandSyntax(name: "append", positionals: [Slot("path", .string(.path))],
                              clauses: [ClauseSyntax(["to"], .word(.table), required: true),
                                        ClauseSyntax(["with"], .options)]),
        group: .data,
        summary: "add the rows of a CSV or TSV file to a table (all or none)",
        usage: "append \"PATH\" to NAME [with (option: value, …)]",
        details: LoadHelp.appendDetails,
        examples: ["append \"deals-december.csv\" to deals",
                   "append \"late.csv\" to payments with (on_error: \"skip\")"]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let path, let pathSpan)? = invocation.argument("path")?.value,
              case .word(let name)? = invocation.clause("to")?.value else {
            throw Diagnostic("append needs a file and a table name", at: invocation.span)
                .hint("write: append \"file.csv\" to name")
        }
        let read = try readOptions(invocation)
        try run(path: path, pathSpan: pathSpan, table: name.text, read: read, session: session) { request throws(Diagnostic) in
            try LoadDispatch.append(request, read: read, into: session.workspace)
        }
        return .done
    }

    private static func readOptions(_ invocation: CommandInvocation) throws(Diagnostic) -> LoadOptionReader.Read {
        guard case .options(let entries)? = invocation.clause("with")?.value else { return LoadOptionReader.Read() }
        return try LoadOptionReader.readAll(entries)
    }

    /// Runs a load with a progress bar (on a terminal) and prints its summary and notable notes.
    private static func run(path: String, pathSpan: Span, table: String, read: LoadOptionReader.Read, session: Session,
                            loader: (LoadRequest) throws(Diagnostic) -> LoadReport) throws(Diagnostic) {
        let bar = LoadProgressBar(label: path)
        var progress: (@Sendable (LoadProgress) -> Void)?
        if let bar { progress = { bar.update($0) } }
        let request = LoadRequest(path: resolvedPath(path, session: session), table: table, options: read.options,
                                  progress: progress)
        let report: LoadReport
        do throws(Diagnostic) {
            report = try loader(request)
        } catch {
            bar?.finish()
            var located = error
            if located.span == nil && located.location == nil { located.span = pathSpan }
            throw located
        }
        bar?.finish()
        if !report.unchanged { session.counters.rowsLoaded += report.rows }
        session.messages.write(LoadMessages.summary(report, path: path))
    }

    static let tables = CommandSpec(
        syntax: CommandSyntax(name: "tables"),
        group: .data,
        summary: "list the tables and named queries",
        usage: "tables",
        details: ["Shows each table's name, kind, row count, column count and where it came from."],
        examples: ["tables"]
    ) { _, session throws(Diagnostic) in
        let summaries = try session.workspace.tables()
        session.show(
            columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "kind", type: .text),
                      ResultColumn(name: "rows", type: .integer), ResultColumn(name: "columns", type: .integer),
                      ResultColumn(name: "source", type: .text)],
            rows: summaries.map { [.text($0.name), .text($0.kind.rawValue), $0.rows.map { .integer(Int64($0)) } ?? .null,
                                   .integer(Int64($0.columnCount)), $0.source.map { .text(displayPath($0)) } ?? .null] })
        return .done
    }

    static let describe = CommandSpec(
        syntax: CommandSyntax(name: "describe", positionals: [Slot("table", .word(.table))]),
        group: .data,
        summary: "show a table's columns, types, null counts and examples",
        usage: "describe NAME",
        details: ["Lists each column with its logical type, how many values are null, and a few example values; then how the table was loaded.",
                  "describe wh.deals describes an attached server's table, as pipelines see it, counting on the server."],
        examples: ["describe deals", "describe wh.deals"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("table")?.value else { return .done }
        if try describeAttached(name, session: session) { return .done }
        let description: TableDescription
        do throws(Diagnostic) {
            description = try session.workspace.describe(name.text)
        } catch {
            var located = error
            if located.span == nil { located.span = name.span }
            throw located
        }
        session.show(
            columns: [ResultColumn(name: "column", type: .text), ResultColumn(name: "type", type: .text),
                      ResultColumn(name: "nulls", type: .integer), ResultColumn(name: "examples", type: .text)],
            rows: description.columns.map { column in
                [.text(column.name), .text(column.type.description), column.nullCount.map { .integer(Int64($0)) } ?? .null,
                 .text(column.examples.map(\.description).joined(separator: ", "))]
            })
        for note in description.notes { session.messages.write("  \(note)\n") }
        return .done
    }

    /// A workspace table named `wh.deals` while `wh` is attached would be hidden by the server's
    /// (and take its place after `detach`): refused, as `attach` refuses a name a table begins with.
    private static func checkNotAttached(_ name: Name, session: Session) throws(Diagnostic) {
        guard let attached = Attachment.owning(name.text, in: session.attachments)?.attachment.name else { return }
        throw Diagnostic("'\(attached)' is an attached server: a table named '\(name.text)' would be confused with its tables",
                         at: name.span)
            .hint("load into another name, or 'detach \(attached)' first")
    }

    /// `describe wh.deals`: an attached server's table, read on the server. False when the name
    /// is not an attachment's.
    private static func describeAttached(_ name: Name, session: Session) throws(Diagnostic) -> Bool {
        guard let (attachment, table) = Attachment.owning(name.text, in: session.attachments) else { return false }
        let summary = try located(name.span) { () throws(Diagnostic) -> [PostgresColumnSummary]? in
            try attachment.catalog.summary(of: table)
        }
        guard let summary else {
            var error = Diagnostic("'\(attachment.name)' has no table '\(table)'", at: name.span)
            if let suggestion = Suggestion.closest(to: table, among: attachment.catalog.tableNames) {
                error = error.hint("did you mean '\(attachment.name).\(suggestion)'?")
            }
            throw error.hint("'attachments' lists its tables; attach again to see tables made since")
        }
        session.show(
            columns: [ResultColumn(name: "column", type: .text), ResultColumn(name: "type", type: .text),
                      ResultColumn(name: "nulls", type: .integer), ResultColumn(name: "examples", type: .text)],
            rows: summary.map { column in
                [.text(column.name), .text(column.type.description), column.nulls.map { .integer(Int64($0)) } ?? .null,
                 .text(column.examples.map(\.description).joined(separator: ", "))]
            })
        session.messages.write("  on the server: postgres \(attachment.server.address)\n")
        return true
    }

    static let drop = CommandSpec(
        syntax: CommandSyntax(name: "drop", positionals: [Slot("table", .word(.table))]),
        group: .data,
        summary: "remove a table or named query",
        usage: "drop NAME",
        examples: ["drop old_deals"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("table")?.value else { return .done }
        do throws(Diagnostic) {
            try session.workspace.drop(name.text)
        } catch {
            var located = error
            if located.span == nil { located.span = name.span }
            throw located
        }
        session.messages.write("dropped \(name.text)\n")
        return .done
    }

    /// A path under the current directory is shown relative to it: shorter, and the same on
    /// every machine that runs the script from the same place.
    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    /// Relative paths are read from the current directory, or from the script's own folder
    /// when the file is not there and the statement came from a script file.
    static func resolvedPath(_ path: String, session: Session) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), !FileManager.default.fileExists(atPath: expanded),
              let scriptName = session.currentSource?.name, FileManager.default.fileExists(atPath: scriptName) else {
            return expanded
        }
        let beside = ((scriptName as NSString).deletingLastPathComponent as NSString).appendingPathComponent(expanded)
        return FileManager.default.fileExists(atPath: beside) ? beside : expanded
    }
}
