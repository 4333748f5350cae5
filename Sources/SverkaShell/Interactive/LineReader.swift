/// What one prompt produced: a line, a Ctrl-C, or the end of input (Ctrl-D on an empty line).
public enum LineInput: Sendable, Equatable {
    /// A line as typed, without its trailing newline; may hold newlines when recalled from history.
    case line(String)
    /// Ctrl-C at the prompt: the line was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
}

/// Reads lines from the user; libedit in the shell, a script in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line. `statement` is the unfinished statement the line will
    /// continue ("" at the main prompt): completion needs it for context.
    func readLine(prompt: String, continuing statement: String) -> LineInput
    /// Makes a whole statement recallable with Up.
    func addToHistory(_ statement: String)
}

extension LineReader {
    /// Reads the first line of a statement.
    public func readLine(prompt: String) -> LineInput {
        readLine(prompt: prompt, continuing: "")
    }
}
