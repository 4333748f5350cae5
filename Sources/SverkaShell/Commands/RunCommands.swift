import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Commands for scripts that run unattended: including scripts, parameters, the error policy,
/// and the record of past runs.
enum RunCommands {
    static let all: [CommandSpec] = [run, runs, param, onError]

    static let run = CommandSpec(
        syntax: CommandSyntax(name: "run", positionals: [Slot("what", .value), Slot("id", .value, optional: true)]),
        group: .scripts,
        summary: "run a script file or a library script here; run show ID shows a recorded run",
        usage: "run \"FILE.sv\" | run NAME | run show ID",
        details: [
            "run \"FILE.sv\" runs another script as if its statements stood here: the whole file is parsed first (a syntax error runs none of it), its variables and settings carry on, and an 'on error' inside it ends with it. A relative path is taken beside the including script first, then from the current folder. A script that would run itself, directly or through others, is an error.",
            "run NAME runs a script of the workspace's library (see 'help script'); from the command line, sverka run NAME --workspace FILE does the same when no file NAME exists.",
            "run show ID shows one recorded run (see 'help runs'): its parameters, status and every statement with its line, status, time and error.",
        ],
        examples: ["run \"load-exports.sv\"", "run nightly", "run show 12"]
    ) { invocation, session throws(Diagnostic) in
        guard let what = invocation.argument("what") else { return .done }
        if let id = invocation.argument("id") {
            guard word(what.value) == "show" else {
                throw Diagnostic("run takes one script", at: id.span).hint("run \"FILE.sv\" | run NAME | run show ID")
            }
            guard case .expression(let expression) = id.value, case .literal(.integer(let number)) = expression.kind else {
                throw Diagnostic("run show needs a run's number", at: id.span).hint("'runs' lists them")
            }
            try showRun(number, span: id.span, session: session)
            return .done
        }
        let outcome: RunOutcome
        if case .string(let path, let span) = what.value {
            outcome = try session.include(path: path, span: span)
        } else if let name = word(what.value) {
            outcome = try session.includeLibraryScript(name, span: what.span)
        } else {
            throw Diagnostic("run needs a script: a file in quotes or a library script's name", at: what.span)
                .hint("run \"FILE.sv\" | run NAME")
        }
        return outcome == .success ? .done : .stopped(outcome)
    }

    static let runs = CommandSpec(
        syntax: CommandSyntax(name: "runs", clauses: [ClauseSyntax(["last"], .expression)]),
        group: .scripts,
        summary: "list the recorded runs of scripts against this workspace, newest first",
        usage: "runs [last N]",
        details: [
            "Every sverka run, -c and piped script against a workspace file is recorded in it: the script, the --set parameters, start and end, status (running, succeeded, failed, expectation_failed, interrupted, or killed — a run whose process ended without finishing, found at the next start), statements run, rows loaded, items synced, and the first error. Shows the last 20 unless last N says otherwise; run show ID shows one with its statements.",
            "The same records are in the tables _sverka_runs and _sverka_run_statements for raw sql; sverka run --log FILE also appends them to FILE as JSON lines.",
        ],
        examples: ["runs", "runs last 5", "run show 3"]
    ) { invocation, session throws(Diagnostic) in
        var limit = 20
        if case .expression(let expression)? = invocation.clause("last")?.value {
            guard case .integer(let number) = try session.evaluate(expression), number > 0 else {
                throw Diagnostic("'last' needs a positive whole number", at: expression.span)
            }
            limit = Int(min(number, 100_000))
        }
        let records = try RunStore(workspace: session.workspace).recent(limit: limit)
        session.show(columns: RunListing.columns, rows: records.map(RunListing.row))
        if records.isEmpty { session.messages.write("no runs recorded yet: sverka run SCRIPT --workspace FILE records one\n") }
        return .done
    }

    static let param = CommandSpec(
        syntax: CommandSyntax(name: "param", positionals: [Slot("name", .word(.other)),
                                                          Slot("type", .choice(ScriptParameter.Kind.allCases.map(\.rawValue)))],
                              clauses: [ClauseSyntax(["default"], .expression)]),
        group: .scripts,
        summary: "declare a typed script parameter with a default, set from the command line with --set",
        usage: "param NAME date|datetime|integer|decimal|number|text|bool [default EXPRESSION]",
        details: [
            "Declares $NAME for the script. sverka run FILE --set NAME=VALUE gives it a value, read as the declared type (a date as 2026-11-30); without one the default is evaluated when the param statement runs (so default today() is the day of the run). A parameter with no default must be given.",
            "Once a script declares parameters, the command line checks --set against them before anything runs: an unknown name or a value of the wrong type is a usage error (exit code 2) that lists the parameters. sverka run FILE --help lists them with their types, defaults and the comment line above each. Typed at the prompt, param defines the variable unless it already has a value.",
        ],
        examples: ["param as_of date default today()", "# the outbox folder accounting reads\nparam outbox text default \"outbox\"",
                   "param threshold decimal default 1000.00"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("name")?.value,
              case .word(let type)? = invocation.argument("type")?.value,
              let kind = ScriptParameter.Kind(rawValue: type.text.lowercased()) else { return .done }
        let parameter = ScriptParameter(name: name.text, kind: kind, defaultText: nil, summary: nil)
        if let given = session.variables[name.text] {
            guard parameter.accepting(given) != nil else {
                throw Diagnostic("$\(name.text) is \(given.type), but the parameter is declared \(kind.rawValue)", at: type.span)
                    .hint("give it as --set \(name.text)=\(parameter.example)")
            }
            session.variables[name.text] = parameter.accepting(given)
            return .done
        }
        guard case .expression(let expression)? = invocation.clause("default")?.value else {
            throw Diagnostic("the parameter \(name.text) has no value", at: name.span)
                .hint("give one: sverka run SCRIPT --set \(name.text)=\(parameter.example)")
                .hint("or declare a default: param \(name.text) \(kind.rawValue) default …")
        }
        let value = try session.evaluate(expression)
        guard let typed = parameter.accepting(value) else {
            throw Diagnostic("the default is \(value.type), but the parameter is declared \(kind.rawValue)", at: expression.span)
                .hint("e.g. param \(name.text) \(kind.rawValue) default \(parameter.literalExample)")
        }
        session.variables[name.text] = typed
        return .done
    }

    static let onError = CommandSpec(
        syntax: CommandSyntax(name: "on", positionals: [Slot("event", .choice(["error"])),
                                                       Slot("action", .choice(["continue", "stop"]))]),
        group: .scripts,
        summary: "what a failing statement does to the rest of the script: continue or stop",
        usage: "on error continue|stop",
        details: [
            "on error stop (the default) ends the script at the first failing statement with exit code 1. on error continue reports the failure (stderr, the run record, the --log file) and goes on with the next statement; the script still ends with exit code 1. An expect or a failed data test always stops the script (exit code 3), and a signal always stops it. The policy lasts until the end of the script it is in (an included script's ends with it).",
        ],
        examples: ["on error continue", "on error stop"]
    ) { invocation, session throws(Diagnostic) in
        if case .word(let action)? = invocation.argument("action")?.value, let policy = ErrorPolicy(rawValue: action.text.lowercased()) {
            session.errorPolicy = policy
        }
        return .done
    }

    /// A bare word argument, however the parser carried it.
    static func word(_ value: ArgumentValue) -> String? {
        switch value {
        case .word(let name): return name.text
        case .expression(let expression):
            if case .column(let name) = expression.kind { return name.description }
            return nil
        default: return nil
        }
    }

    private static func showRun(_ id: Int64, span: Span, session: Session) throws(Diagnostic) {
        let store = RunStore(workspace: session.workspace)
        guard let record = try store.run(id: id) else {
            throw Diagnostic("there is no run \(id) in this workspace", at: span).hint("'runs' lists them")
        }
        session.messages.write(RunListing.header(record))
        session.show(columns: RunListing.statementColumns, rows: try store.statements(run: id).map(RunListing.statementRow))
    }
}
