import Foundation
import SverkaSyntax

/// The read–run loop of the interactive shell: prompts, gathers multi-line statements, hands
/// each complete one to the session, and keeps whole statements in the history.
public final class InteractiveLoop {
    public var prompt = "sverka> "
    /// Shown while the statement is visibly unfinished (open bracket or string, trailing `|`).
    public var continuationPrompt = "   ...> "
    private let reader: any LineReader
    private let history: HistoryStore?
    private let needsMoreInput: (String) -> Bool
    private let execute: (String) -> Void

    /// `execute` runs one complete statement (it may hold several separated by `;`, and
    /// newlines); it reports its own errors and flushes its own output.
    public init(
        reader: any LineReader,
        history: HistoryStore? = nil,
        needsMoreInput: @escaping (String) -> Bool = StatementCompleteness.needsMoreInput,
        execute: @escaping (String) -> Void
    ) {
        self.reader = reader
        self.history = history
        self.needsMoreInput = needsMoreInput
        self.execute = execute
    }

    /// Loads earlier sessions' statements into the reader's history, then runs statements until
    /// `quit`, `exit` or Ctrl-D.
    public func run() {
        for entry in history?.entries ?? [] { reader.addToHistory(entry) }
        var pending: String?
        while true {
            switch reader.readLine(prompt: pending == nil ? prompt : continuationPrompt, continuing: pending ?? "") {
            case .endOfInput:
                return
            case .interrupted:
                pending = nil
            case .line(let line):
                if pending == nil {
                    if line.allSatisfy(\.isWhitespace) { continue }
                    if Self.isQuit(line) { return }
                }
                let statement = pending.map { $0 + "\n" + line } ?? line
                if needsMoreInput(statement) {
                    pending = statement
                    continue
                }
                pending = nil
                // Recorded before it runs, so a statement that hangs or crashes can be recalled.
                reader.addToHistory(statement)
                history?.add(statement)
                execute(statement)
            }
        }
    }

    /// `quit` or `exit`, alone on the line.
    static func isQuit(_ line: String) -> Bool {
        var word = line.trimmingCharacters(in: .whitespaces)
        if word.hasSuffix(";") { word = String(word.dropLast()).trimmingCharacters(in: .whitespaces) }
        return word == "quit" || word == "exit"
    }
}
