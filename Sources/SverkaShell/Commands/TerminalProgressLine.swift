import Foundation

/// One line of progress on stderr, when stderr is a terminal: `VERB LABEL: TAIL`, drawn from one
/// second into the work (or at once when asked), at most ten times a second, on one line that is
/// erased when the work ends. Nothing at all when stderr is a file or a pipe, so logs stay clean.
final class TerminalProgressLine: @unchecked Sendable {
    // Callers draw from the command's own thread; the lock keeps the state consistent should
    // that ever change, as in `LoadProgressBar`.
    private let lock = NSLock()
    private let verb: String
    private let label: String
    private var lastDraw = -1.0
    private var drawn = false

    /// nil when stderr is not a terminal.
    init?(verb: String, label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.verb = verb
        self.label = label
    }

    /// Redraws the line with `tail` after the label, `elapsed` seconds into the work; `now`
    /// draws it even within the first second (a wait the user should see).
    func draw(_ tail: String, elapsed: Double, now: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        guard now || (elapsed >= 1 && elapsed - lastDraw >= 0.1) else { return }
        lastDraw = elapsed
        drawn = true
        let columns = TerminalSize.of(STDERR_FILENO)?.columns ?? 80
        let suffix = ": " + tail
        // The label gives way first: the counts matter more.
        let room = max(12, columns - 1 - verb.count - 1 - suffix.count)
        let shown = label.count <= room ? label : String(label.prefix(room - 1)) + "…"
        var line = verb + " " + shown + suffix
        if line.count > columns - 1 { line = String(line.prefix(max(10, columns - 2))) + "…" }
        write("\r\u{1B}[K" + line)
    }

    /// Erases the line, before the work's own message.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            _ = Foundation.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        }
    }
}
