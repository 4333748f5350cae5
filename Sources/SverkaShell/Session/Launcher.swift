import Foundation
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

    /// Runs and returns the exit code: 0 success, 1 a statement failed, 2 usage, 3 an expect failed.
    public func run() -> Int32 {
        defer { output.flush(); messages.flush() }
        var variables: [String: Value] = [:]
        for (name, text) in invocation.variables {
            guard VariableText.isValidName(name) else {
                messages.write("error: '\(name)' cannot be a variable name\n  = hint: names start with a letter or _, e.g. --set as_of=2026-11-30\n")
                return 2
            }
            variables[name] = VariableText.value(of: text)
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
        session.variables = variables

        switch invocation.mode {
        case .statements(let text):
            return session.run(SourceText(name: "-c", text: text)).exitCode
        case .script(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
                messages.write("error: the script '\(path)' \(reason)\n")
                return 2
            }
            return session.run(SourceText(name: path, text: String(decoding: data, as: UTF8.self))).exitCode
        case .interactiveOrStdin:
            if isatty(STDIN_FILENO) == 0 {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                return session.run(SourceText(name: "<stdin>", text: String(decoding: data, as: UTF8.self))).exitCode
            }
            return InteractiveShell(session: session, output: output, messages: messages,
                                    runInitFile: invocation.runInitFile).run()
        }
    }
}
