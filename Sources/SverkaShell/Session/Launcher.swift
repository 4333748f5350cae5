import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Opens the workspace, makes the session and runs what the command line asked for.
public struct Launcher {
    let invocation: Invocation
    let output = FileDescriptorSink(fileDescriptor: 1)
    let messages = FileDescriptorSink(fileDescriptor: 2)

    public init(invocation: Invocation) {
        self.invocation = invocation
    }

    /// Runs and returns the exit code: 0 success, 1 a statement failed, 2 usage, 3 an expect
    /// failed, 130/143 stopped by SIGINT/SIGTERM (docs/exit-codes.md).
    public func run() -> Int32 {
        defer { output.flush(); messages.flush() }
        for (name, _) in invocation.variables where !VariableText.isValidName(name) {
            return usage("'\(name)' cannot be a variable name", hints: ["names start with a letter or _, e.g. --set as_of=2026-11-30"])
        }
        let workspace: Workspace
        do {
            workspace = try Workspace(path: invocation.workspacePath)
        } catch {
            messages.write(DiagnosticRenderer().render(error, in: nil))
            return 1
        }
        var settings = SessionSettings()
        if let format = invocation.format { settings.render.format = format }
        let session = Session(workspace: workspace, settings: settings, output: output, messages: messages)
        session.variables = Dictionary(invocation.variables.map { ($0.0, VariableText.value(of: $0.1)) }) { _, last in last }
        session.isDryRun = invocation.isDryRun

        switch invocation.mode {
        case .statements(let text):
            let source = SourceText(name: "-c", text: text)
            return unattended(session, source, parsed: try? Parser(grammar: session.registry).parse(source), key: "-c", name: "-c")
        case .script(let path), .scriptHelp(let path):
            let script: ScriptSource
            do throws(Diagnostic) {
                script = try ScriptSource.locate(path, in: workspace)
            } catch {
                messages.write(DiagnosticRenderer().render(error, in: nil))
                return 2
            }
            if case .scriptHelp = invocation.mode { return describeParameters(of: script, session: session) }
            let parsed = try? Parser(grammar: session.registry).parse(script.source)
            if let parsed, let code = typeParameters(ScriptParameter.declared(in: parsed), of: script, session: session) { return code }
            return unattended(session, script.source, parsed: parsed, key: script.key, name: script.displayName)
        case .interactiveOrStdin:
            if isatty(STDIN_FILENO) == 0 {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                let source = SourceText(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
                return unattended(session, source, parsed: try? Parser(grammar: session.registry).parse(source),
                                  key: "<stdin>", name: "<stdin>")
            }
            settleAbandonedRuns(in: workspace)
            session.typedHistory = TypedHistory()
            return InteractiveShell(session: session, output: output, messages: messages,
                                    runInitFile: invocation.runInitFile).run()
        }
    }

    /// A script run without a person at the prompt: the workspace locked for the whole run,
    /// the run recorded (and logged with --log), SIGINT/SIGTERM stopping it at a statement.
    /// `parsed` is the script when it parses (a script that does not is still recorded as a
    /// failed run, its errors reported by the session).
    private func unattended(_ session: Session, _ source: SourceText, parsed script: Script?,
                            key: String, name: String) -> Int32 {
        let workspace = session.workspace
        if let script, script.statements.allSatisfy({ LookingStatements.onlyLooks($0, forHistory: false) }) {
            settleAbandonedRuns(in: workspace)
            return session.runScript(script, key: key).exitCode
        }
        var lock: WorkspaceLock?
        let supervisor: RunSupervisor
        do throws(Diagnostic) {
            if let path = workspace.path {
                lock = try WorkspaceLock.acquire(path: path, wait: invocation.waitSeconds) {
                    (try? RunStore(workspace: workspace).running()).flatMap { $0 }.map { run in
                        "run \(run.id) (\(run.script), pid \(run.processID), started \(run.startedAt))"
                    }
                }
                try RunStore(workspace: workspace).settleAbandoned(isAlive: ProcessIdentity.isAlive, at: ProcessIdentity.timestamp())
            }
            supervisor = try RunSupervisor(session: session, script: name, parameters: invocation.variables,
                                           logPath: invocation.logPath)
        } catch {
            messages.write(DiagnosticRenderer().render(error, in: nil))
            return 1
        }
        let stop = StopRequest()
        let interrupt = workspace.database.interruptHandle
        let servers = session.serverInterrupts
        stop.install {
            interrupt.interrupt()
            servers.cancelAll()
        }
        session.stopRequest = stop
        session.observer = supervisor
        session.runID = supervisor.runID
        if session.isDryRun { messages.write("dry run: exports and sync … apply will say what they would write\n") }
        var outcome = script.map { session.runScript($0, key: key) } ?? session.runScript(source, key: key)
        if let signal = stop.signal, outcome != .interrupted(signal) { outcome = .interrupted(signal) }
        if case .interrupted(let signal) = outcome {
            messages.write("stopped by \(StopRequest.name(of: signal)); the statement running was undone, the run is recorded as interrupted\n")
        }
        supervisor.finish(outcome, session: session)
        withExtendedLifetime(lock) {}
        return outcome.exitCode
    }

    /// Marks runs killed midway, when no run holds the workspace now (else leaves them for
    /// the next run to settle): so `runs` from a look or a session shows them as they are.
    private func settleAbandonedRuns(in workspace: Workspace) {
        guard let path = workspace.path,
              let lock = try? WorkspaceLock.acquire(path: path, wait: 0, holder: { nil }) else { return }
        try? RunStore(workspace: workspace).settleAbandoned(isAlive: ProcessIdentity.isAlive, at: ProcessIdentity.timestamp())
        withExtendedLifetime(lock) {}
    }

    /// Checks `--set` against the script's `param`s and types the values; an exit code on error.
    private func typeParameters(_ parameters: [ScriptParameter], of script: ScriptSource, session: Session) -> Int32? {
        guard !parameters.isEmpty else { return nil }
        for (name, text) in invocation.variables {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                var hints = ["its parameters: " + parameters.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", ")]
                if let close = Suggestion.closest(to: name, among: parameters.map(\.name)) { hints.insert("did you mean '\(close)'?", at: 0) }
                return usage("\(script.displayName) has no parameter '\(name)'", hints: hints)
            }
            guard let value = parameter.value(from: text) else {
                return usage("--set \(name)=\(text): \(name) is a \(parameter.kind.rawValue)",
                             hints: ["e.g. --set \(name)=\(parameter.example)"])
            }
            session.variables[name] = value
        }
        return nil
    }

    /// `sverka run SCRIPT --help`: the parameters, their types, defaults and meaning.
    private func describeParameters(of script: ScriptSource, session: Session) -> Int32 {
        let parsed: Script
        do throws(DiagnosticList) {
            parsed = try Parser(grammar: session.registry).parse(script.source)
        } catch {
            for diagnostic in error.diagnostics { session.report(diagnostic, in: script.source) }
            return 1
        }
        let parameters = ScriptParameter.declared(in: parsed)
        var text = "usage: sverka run \(script.displayName)"
        text += parameters.map { " [--set \($0.name)=\($0.kind.rawValue.uppercased())]" }.joined() + "\n"
        if parameters.isEmpty {
            text += "\nThe script declares no parameters ('param NAME TYPE default …'); --set still defines $variables.\n"
        } else {
            text += "\nparameters:\n"
            let width = parameters.map { $0.name.count + $0.kind.rawValue.count + 3 }.max() ?? 0
            for parameter in parameters {
                let head = "\(parameter.name) (\(parameter.kind.rawValue))"
                var line = "  " + head.padding(toLength: width, withPad: " ", startingAt: 0)
                line += parameter.defaultText.map { "  default \($0)" } ?? "  required"
                if let summary = parameter.summary { line += " — \(summary)" }
                text += line + "\n"
            }
        }
        output.write(text)
        return 0
    }

    private func usage(_ message: String, hints: [String]) -> Int32 {
        messages.write("error: \(message)\n" + hints.map { "  = hint: \($0)\n" }.joined())
        return 2
    }
}
