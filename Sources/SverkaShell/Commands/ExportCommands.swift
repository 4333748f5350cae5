import Foundation
import SverkaEngine
import SverkaSyntax

/// Commands that write workspace data out to files.
enum ExportCommands {
    static let all: [CommandSpec] = [export]

    static let export = CommandSpec(
        syntax: CommandSyntax(name: "export", positionals: [Slot("query", .query)],
                              clauses: [ClauseSyntax(["to"], .string(.path)),
                                        ClauseSyntax(["to", "postgres"], .string(.text)),
                                        ClauseSyntax(["table"], .word(.other)),
                                        ClauseSyntax(["with"], .options)],
                              check: ConnectorSyntaxChecks.export),
        group: .data,
        summary: "write a table's or a query's rows to a file (csv, tsv, json, ndjson, md, xlsx)",
        usage: "export QUERY_OR_TABLE to \"PATH\" [with (option: value, …)] | export QUERY_OR_TABLE to postgres \"postgres://…\" table NAME [with (if_exists: \"fail\"|\"replace\"|\"append\")]",
        details: [
            "Writes the rows of a table, a named query (let) or a pipeline. The extension picks the format: .csv, .tsv, .json (an array of objects), .ndjson (one object per line), .md (a Markdown table), .xlsx (a workbook with one sheet, named after the table or query, else 'result'). Money is written exactly, from its digits; numbers stay numbers (in JSON and xlsx too); dates are yyyy-MM-dd unless 'date' says otherwise, and xlsx date cells are real dates.",
            "The rows go to a temporary file in the target's folder, renamed into place only when complete: a failed or interrupted export leaves no partial file, and a file already there stays as it was. The folder must exist. A relative path is taken from the current folder. New files get the usual permissions (0644 under the default umask): exports are for sharing.",
            "encoding: \"utf-8\" (default) or \"windows-1251\" (also \"cp1251\"), which 1C imports. A character windows-1251 cannot hold stops the export with its row and column; it is never replaced by '?'. For csv, tsv and md.",
            "delimiter: one character, e.g. \";\", \"|\" or \"\\t\". The default is ',' for csv and a tab for tsv; with decimal: \",\" a csv's default becomes ';' (and the message says so).",
            "decimal: \",\" writes money and numbers with a decimal comma (1234,50); integers are unchanged. For csv, tsv and md.",
            "date: \"yyyy-MM-dd\" (default), \"dd.MM.yyyy\", \"dd.MM.yy\" or \"MM/dd/yyyy\"; datetimes add HH:mm:ss. In xlsx it is the date cells' display format.",
            "header: false leaves out the column names (csv, tsv, xlsx). bom: true starts a UTF-8 file with a byte order mark, so that Excel reads it as UTF-8. format: \"csv\" (or tsv, json, ndjson, md, xlsx) overrides the extension.",
            "Formulas: in csv, tsv and xlsx, a text cell that starts with =, +, -, @, a tab or a carriage return — after any apostrophes it already starts with — gets one leading ' so that a spreadsheet shows it instead of running it. Numbers never do: -1234,56 in a money column stays a number. Loading such a file removes that one ' again, so a round trip is exact. raw: true writes text exactly as it is.",
            "Prints 'exported N rows to PATH (format, encoding) in T s' to stderr, with a note for each choice it made for you; stdout stays clean.",
            DashboardExport.help,
            "to postgres \"postgres://USER@HOST/DB\" table NAME writes the rows into a server table (schema.name for another schema than public): created with the result's columns (integer bigint, decimal(s) numeric(28,s), number double precision, text, date, timestamp, boolean) and filled with COPY, all in one transaction — after any error the server has none of the rows. A table already there is an error unless with (if_exists: \"replace\") (dropped and recreated) or (if_exists: \"append\") (rows added; it must have the result's columns). The password comes from PGPASSWORD or ~/.pgpass.",
        ],
        examples: ["export deals to \"deals.csv\"",
                   "export from deals | where stage == \"won\" | sort -amount to \"won.xlsx\"",
                   "export deals to \"for-1c.csv\" with (encoding: \"windows-1251\", decimal: \",\", date: \"dd.MM.yyyy\")",
                   "export clients to \"clients.json\"",
                   "export dashboard to \"kpi.html\" with (as_of: @2026-11-30)",
                   "export from deals | where stage == \"won\" to postgres \"postgres://sverka@db.local/erp\" table won_deals with (if_exists: \"replace\")"]
    ) { invocation, session throws(Diagnostic) in
        if case .query(let pipeline)? = invocation.argument("query")?.value,
           case .string(let address, let span)? = invocation.clause("to postgres")?.value {
            try ExportPostgresCommand.run(pipeline, address: address, span: span, invocation: invocation, session: session)
            return .done
        }
        guard case .query(let pipeline)? = invocation.argument("query")?.value,
              case .string(let path, let pathSpan)? = invocation.clause("to")?.value else {
            throw Diagnostic("export needs a table or query and a file", at: invocation.span)
                .hint("write: export deals to \"deals.csv\"")
        }
        if DashboardExport.isDashboard(pipeline, path: path) {
            return try DashboardExport.run(invocation, path: path, pathSpan: pathSpan, session: session)
        }
        var options = ExportOptions()
        if case .options(let entries)? = invocation.clause("with")?.value {
            options = try ExportOptionReader.read(entries)
        }
        let query = try session.compile(pipeline, in: session.currentSource)
        session.privacy.prepare(&options, columns: query.columns)
        // A table or named query exported whole names the sheet; anything else is a "result".
        let sheet = pipeline.steps.isEmpty && pipeline.source.alias == nil ? pipeline.source.name.last.text : "result"
        let request = ExportRequest(path: path, filePath: (path as NSString).expandingTildeInPath,
                                    options: options, sheetName: sheet)
        if session.isDryRun {
            let rows = try session.rowCount(of: query)
            session.noteSkippedByDryRun("would export \(rows) row\(rows == 1 ? "" : "s") to \(path)")
            return .done
        }
        let report: ExportReport
        do throws(Diagnostic) {
            report = try Exporter().export(query, request, from: session.workspace.database)
        } catch {
            var located = error
            if located.span == nil && located.location == nil { located.span = pathSpan }
            throw located
        }
        session.noteFileWritten(request.filePath)
        session.messages.write(report.summary + "\n")
        for note in report.notes { session.messages.write("  \(note)\n") }
        return .done
    }
}
