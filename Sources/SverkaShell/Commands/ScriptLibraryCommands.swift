import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// The script library kept in the workspace, and turning this session's work into a script.
enum ScriptLibraryCommands {
    static let all: [CommandSpec] = [script, scripts, history, saveHistory]

    static let script = CommandSpec(
        syntax: CommandSyntax(name: "script", positionals: [Slot("action", .choice(["save", "show", "rm"])),
                                                           Slot("name", .word(.other))],
                              clauses: [ClauseSyntax(["from"], .string(.path))]),
        group: .scripts,
        summary: "keep named scripts in the workspace: script save|show|rm NAME",
        usage: "script save NAME [from \"FILE.sv\"] | script show NAME | script rm NAME",
        details: [
            "script save NAME from \"FILE.sv\" stores the file's text in the workspace under NAME (checked first: a script with a syntax error is refused); without from, it stores this session's history as save history would write it. Saving under an existing name replaces that script (and says so).",
            "run NAME runs a library script; so does sverka run NAME --workspace FILE from cron, with nothing but the workspace file. script show NAME prints its text; script rm NAME removes it; 'scripts' lists them.",
        ],
        examples: ["script save nightly from \"nightly.sv\"", "script save nightly", "script show nightly", "script rm nightly"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let action)? = invocation.argument("action")?.value,
              case .word(let name)? = invocation.argument("name")?.value else { return .done }
        let library = ScriptLibrary(workspace: session.workspace)
        switch action.text {
        case "save":
            let text: String, origin: String
            if case .string(let path, let span)? = invocation.clause("from")?.value {
                let expanded = (path as NSString).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: expanded) else {
                    throw Diagnostic("the script '\(path)' \(FileManager.default.fileExists(atPath: expanded) ? "cannot be read" : "does not exist")", at: span)
                }
                text = String(decoding: data, as: UTF8.self)
                origin = expanded
            } else {
                text = try HistoryScript.text(of: session, last: nil, from: nil, to: nil, at: invocation.span).text
                origin = "history"
            }
            let parsed = SourceText(name: origin, text: text)
            do throws(DiagnosticList) {
                _ = try Parser(grammar: session.registry).parse(parsed)
            } catch {
                var first = error.diagnostics.first?.message ?? "a syntax error"
                if let span = error.diagnostics.first?.span {
                    let position = parsed.position(of: span.start)
                    first = "\(position.line):\(position.column): \(first)"
                }
                throw Diagnostic("the script was not saved: it has a syntax error at \(origin == "history" ? "" : origin + ":")\(first)",
                                 at: invocation.span)
                    .hint(error.diagnostics.count > 1 ? "and \(error.diagnostics.count - 1) more; sverka run it to see them all"
                                                      : "sverka run it to see the error in full")
            }
            let replaced = try library.save(name: name.text, text: text, origin: origin, at: ProcessIdentity.timestamp(),
                                            by: ProcessIdentity.userName)
            let lines = lineCount(text)
            session.messages.write("\(replaced ? "replaced" : "saved") script \(name.text) (\(lines) lines from \(origin))\n")
        case "show":
            guard let entry = try library.entry(named: name.text) else {
                throw Session.unknownScript(name.text, span: name.span, known: try library.all().map(\.name))
            }
            session.output.write(entry.text.hasSuffix("\n") ? entry.text : entry.text + "\n")
        default:
            guard try library.remove(name: name.text) else {
                throw Session.unknownScript(name.text, span: name.span, known: try library.all().map(\.name))
            }
            session.messages.write("removed script \(name.text)\n")
        }
        return .done
    }

    static let scripts = CommandSpec(
        syntax: CommandSyntax(name: "scripts"),
        group: .scripts,
        summary: "list the scripts kept in this workspace",
        usage: "scripts",
        examples: ["scripts"]
    ) { _, session throws(Diagnostic) in
        let entries = try ScriptLibrary(workspace: session.workspace).all()
        session.show(columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "lines", type: .integer),
                               ResultColumn(name: "from", type: .text), ResultColumn(name: "saved_at", type: .text),
                               ResultColumn(name: "saved_by", type: .text)],
                     rows: entries.map { entry in
                         [.text(entry.name), .integer(Int64(lineCount(entry.text))),
                          .text(entry.origin), .text(entry.savedAt), .text(entry.savedBy)]
                     })
        return .done
    }

    static let history = CommandSpec(
        syntax: CommandSyntax(name: "history"),
        group: .scripts,
        summary: "list the statements typed in this session that worked, numbered for save history",
        usage: "history",
        details: ["Failed statements, help and the commands that only look (tables, describe, runs, …) are left out, as save history leaves them out; statements holding a secret are never listed."],
        examples: ["history", "save history from 3 to 9 to \"nightly.sv\""]
    ) { _, session throws(Diagnostic) in
        let entries = session.typedHistory?.entries ?? []
        session.show(columns: [ResultColumn(name: "n", type: .integer), ResultColumn(name: "statement", type: .text)],
                     rows: entries.map { [.integer(Int64($0.number)), .text($0.text.replacingOccurrences(of: "\n", with: " "))] })
        if session.typedHistory == nil { session.messages.write("history is kept for statements typed at the prompt\n") }
        return .done
    }

    static let saveHistory = CommandSpec(
        syntax: CommandSyntax(name: "save", positionals: [Slot("what", .choice(["history"]))],
                              clauses: [ClauseSyntax(["last"], .expression), ClauseSyntax(["from"], .range),
                                        ClauseSyntax(["to"], .string(.path), required: true)]),
        group: .scripts,
        summary: "write the statements typed in this session as a script file",
        usage: "save history [last N | from K to M] to \"FILE.sv\"",
        details: [
            "Writes the statements typed at the prompt that worked — without the failed ones, help and the commands that only look (see 'history' for the numbers) — one after another as a script, under a header comment with the date and the workspace. last N takes the last N, from K to M those numbered K to M. The file is written whole or not at all; an existing file of that name is replaced, and the message says so.",
            "Run it later with sverka run FILE.sv --workspace W.db; a 'param' typed at the prompt becomes the script's parameter, so --set can change it.",
        ],
        examples: ["save history to \"nightly.sv\"", "save history last 5 to \"fix.sv\"", "save history from 3 to 9 to \"close.sv\""]
    ) { invocation, session throws(Diagnostic) in
        guard case .string(let path, let span)? = invocation.clause("to")?.value else { return .done }
        var last: Int?, first: Int?, final: Int?
        if case .expression(let expression)? = invocation.clause("last")?.value {
            last = try wholeNumber(expression, session: session)
        }
        if case .range(let low, let high)? = invocation.clause("from")?.value {
            first = try wholeNumber(low, session: session)
            final = try wholeNumber(high, session: session)
        }
        let (text, count) = try HistoryScript.text(of: session, last: last, from: first, to: final, at: invocation.span)
        let expanded = (path as NSString).expandingTildeInPath
        let replacing = FileManager.default.fileExists(atPath: expanded)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
        } catch {
            throw Diagnostic("cannot write '\(path)': \(error.localizedDescription)", at: span)
                .hint("check that the folder exists and is writable")
        }
        session.noteFileWritten(expanded)
        session.messages.write("\(replacing ? "replaced" : "wrote") \(path): \(count) statement\(count == 1 ? "" : "s")\n")
        return .done
    }

    /// Lines as an editor counts them: a final newline ends the last line, it does not start one.
    private static func lineCount(_ text: String) -> Int {
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return text.hasSuffix("\n") ? pieces - 1 : pieces
    }

    private static func wholeNumber(_ expression: SverkaSyntax.Expression, session: Session) throws(Diagnostic) -> Int {
        guard case .integer(let number) = try session.evaluate(expression), number > 0 else {
            throw Diagnostic("expected a positive whole number", at: expression.span).hint("'history' shows the numbers")
        }
        return Int(number)
    }
}

/// The script `save history` writes: a header, then the chosen statements.
enum HistoryScript {
    static func text(of session: Session, last: Int?, from first: Int?, to final: Int?,
                     at span: Span) throws(Diagnostic) -> (text: String, statements: Int) {
        guard let history = session.typedHistory else {
            throw Diagnostic("there is no typed history here: save history saves what was typed at the prompt", at: span)
                .hint("in a script, write the statements into the file itself")
        }
        let entries = history.selection(last: last, from: first, to: final)
        guard !entries.isEmpty else {
            throw Diagnostic(history.entries.isEmpty ? "nothing typed in this session has worked yet" : "no statements in that range",
                             at: span)
                .hint("'history' lists the statements with their numbers")
        }
        var lines = ["# Saved by sverka from an interactive session on \(ProcessIdentity.timestamp()) by \(ProcessIdentity.userName).",
                     "# Workspace: \(session.workspace.path ?? "in memory"). Statements \(entries.first!.number)–\(entries.last!.number) of \(history.entries.count)."]
        if history.secretsLeftOut > 0 {
            lines.append("# \(history.secretsLeftOut) statement(s) holding a secret were left out.")
        }
        lines.append("")
        lines += entries.map(\.text)
        return (lines.joined(separator: "\n") + "\n", entries.count)
    }
}
