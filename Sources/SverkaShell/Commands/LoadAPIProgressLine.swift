import Foundation
import SverkaEngine

/// An API load's progress on stderr, when stderr is a terminal: pages and records so far, and
/// what it waits for when a server asks it to wait — drawn from one second into the load (or at
/// once when it waits), at most ten times a second, on one line erased when the load ends.
/// Nothing at all when stderr is a file or a pipe, so logs stay clean.
final class LoadAPIProgressLine: @unchecked Sendable {
    // The loader calls `update` on the command's own thread; the lock keeps the state
    // consistent should that ever change, as in `LoadProgressBar`.
    private let lock = NSLock()
    private let label: String
    private var lastDraw = -1.0
    private var drawn = false

    /// nil when stderr is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ progress: RESTProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard progress.waiting != nil || (progress.elapsed >= 1 && progress.elapsed - lastDraw >= 0.1) else { return }
        lastDraw = progress.elapsed
        drawn = true
        let columns = TerminalSize.of(STDERR_FILENO)?.columns ?? 80
        var tail = ": " + (progress.pages == 1 ? "1 page" : "\(progress.pages) pages")
            + ", \(progress.records) record\(progress.records == 1 ? "" : "s")" + String(format: ", %.0f s", progress.elapsed)
        if let waiting = progress.waiting { tail += " — " + waiting }
        // The URL gives way first: the counts and what the load waits for matter more.
        let room = max(12, columns - 1 - "fetching ".count - tail.count)
        let shown = label.count <= room ? label : String(label.prefix(room - 1)) + "…"
        var line = "fetching " + shown + tail
        if line.count > columns - 1 { line = String(line.prefix(max(10, columns - 2))) + "…" }
        write("\r\u{1B}[K" + line)
    }

    /// Erases the line, before the load's own message.
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
