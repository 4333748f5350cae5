import Foundation
import SverkaEngine
import SverkaSyntax

/// Commands that bring data into the workspace and show what it holds.
enum DataCommands {
    static let all: [CommandSpec] = [load, tables, describe, drop]

    static let load = CommandSpec(
        syntax: CommandSyntax(name: "load", positionals: [Slot("path", .string(.path))],
                              clauses: [ClauseSyntax(["as"], .word(.newTable), required: true),
                                        ClauseSyntax(["with"], .options)]),
        group: .data,
        summary: "load a CSV file into a table (replacing it atomically)",
        usage: "load \"PATH\" as NAME [with (types: (column: type, …))]",
        details: [
            "Reads a UTF-8, comma-separated file with a header row. Each column's type is inferred from all its values: integer, decimal (exact; money keeps its scale), date (yyyy-MM-dd), datetime, bool, else text. Numbers with leading zeros (tax ids, codes) stay text.",
            "The load is one transaction: if any row is bad, the previous table NAME is left as it was and the error names file:line and the value.",
            "Options: types: (column: integer|decimal(N)|money|number|text|date|datetime|bool, …) overrides inference.",
        ],
        examples: ["load \"examples/data/deals.csv\" as deals",
                   "load \"clients.csv\" as clients with (types: (tax_id: text))"]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let path, let pathSpan)? = invocation.argument("path")?.value,
              case .word(let name)? = invocation.clause("as")?.value else {
            throw Diagnostic("load needs a file and a table name", at: invocation.span).hint("write: load \"file.csv\" as name")
        }
        var options = LoadOptions()
        if case .options(let entries)? = invocation.clause("with")?.value {
            options = try LoadOptionReader.read(entries)
        }
        let report: LoadReport
        do throws(Diagnostic) {
            report = try CSVLoader().load(LoadRequest(path: resolvedPath(path, session: session), table: name.text, options: options),
                                          into: session.workspace)
        } catch {
            var located = error
            if located.span == nil && located.location == nil { located.span = pathSpan }
            throw located
        }
        let columns = report.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        session.messages.write("loaded \(report.rows) rows into \(report.table) (\(columns)) from \(path) in "
                               + String(format: "%.2f s", report.seconds) + "\n")
        return .done
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
        details: ["Lists each column with its logical type, how many values are null, and a few example values; then how the table was loaded."],
        examples: ["describe deals"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("table")?.value else { return .done }
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
