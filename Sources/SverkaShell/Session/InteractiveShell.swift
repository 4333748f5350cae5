import Foundation
import SverkaEngine
import SverkaSyntax

/// The interactive shell: libedit line editing, completion, whole-statement history, the
/// pager, and Ctrl-C that cancels the line or the running query but never the shell.
struct InteractiveShell {
    let session: Session
    let output: FileDescriptorSink
    let messages: FileDescriptorSink
    let runInitFile: Bool

    func run() -> Int32 {
        let catalog = SessionCompletionCatalog(session: session)
        guard let reader = LibEditLineReader(completer: Completer(catalog: catalog)) else {
            messages.write("error: the line editor could not start on this terminal\n")
            return 1
        }
        if runInitFile { runInitScript() }
        messages.write("sverka — 'help' lists the commands; Tab completes; 'quit' or Ctrl-D leaves.\n")
        messages.flush()
        let history = HistoryStore.defaultPath().map { HistoryStore(path: $0) }
        history?.masksPersonalData = { [session] in session.settings.mask.isOn }
        let interrupt = session.workspace.database.interruptHandle
        let servers = session.serverInterrupts
        var statementNumber = 0
        InteractiveLoop(reader: reader, history: history) { statement in
            statementNumber += 1
            let source = SourceText(name: "<input \(statementNumber)>", text: statement)
            InterruptWatcher.shared.whileRunning(onInterrupt: {
                // The terminal has echoed ^C with the cursor after it: start the message on a new line.
                _ = "\n".withCString { Glibc.write(STDERR_FILENO, $0, 1) }
                interrupt.interrupt()
                servers.cancelAll()
            }) {
                runPaged(source)
            }
        }.run()
        messages.write("\n")
        messages.flush()
        return 0
    }

    /// Runs one typed statement, sending a result taller than the screen through the pager.
    private func runPaged(_ source: SourceText) {
        let captured = StringSink()
        session.output = captured
        session.run(source)
        session.output = output
        let pager = Pager(isEnabled: session.settings.pager)
        pager.present(captured.text) { text in
            output.write(text)
            output.flush()
        }
    }

    /// `~/.sverkarc`: statements run at the start of every interactive session (never for
    /// `-c`, `run` or piped input, so scripts print the same on every machine).
    private func runInitScript() {
        // $HOME first, as the history file does: NSHomeDirectory() reads the user database on Linux.
        let environmentHome = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let home = environmentHome.isEmpty ? NSHomeDirectory() : environmentHome
        let path = (home as NSString).appendingPathComponent(".sverkarc")
        guard let data = FileManager.default.contents(atPath: path) else { return }
        // Settings from the init file are not the user's typed work: save history leaves them out.
        let history = session.typedHistory
        session.typedHistory = nil
        session.run(SourceText(name: path, text: String(decoding: data, as: UTF8.self)))
        session.typedHistory = history
        output.flush()
    }
}
