import Foundation
import SverkaEngine

/// A load's progress on stderr, when stderr is a terminal: from one second into the load, at
/// most ten times a second, on one line that is erased when the load ends. Nothing at all when
/// stderr is a file or a pipe, so logs stay clean.
final class LoadProgressBar: @unchecked Sendable {
    // The loader calls `update` on its own thread while the command waits; the lock keeps the
    // drawing state consistent should that ever change.
    private let lock = NSLock()
    private let label: String
    private var lastDraw = 0.0
    private var drawn = false
    /// When the current pass started, for its rate.
    private var pass = 0
    private var passStarted = 0.0

    /// nil when stderr is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ progress: LoadProgress) {
        lock.lock()
        defer { lock.unlock() }
        if progress.pass != pass {
            pass = progress.pass
            passStarted = progress.elapsed
        }
        guard progress.elapsed >= 1, progress.elapsed - lastDraw >= 0.1 else { return }
        lastDraw = progress.elapsed
        drawn = true
        write("\r\u{1B}[K" + line(progress))
    }

    /// Erases the bar, before the load's own message.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func line(_ progress: LoadProgress) -> String {
        let fraction = progress.fraction
        let columns = TerminalSize.of(STDERR_FILENO)?.columns ?? 80
        let megabytes = Double(progress.bytes) / 1_048_576
        let total = Double(progress.totalBytes) / 1_048_576
        let seconds = progress.elapsed - passStarted
        let rate = seconds > 0 ? megabytes / seconds : 0
        let remaining = fraction > 0.01 ? progress.elapsed * (1 - fraction) / fraction : nil
        let phase = progress.pass == 1 ? "reading" : "loading"
        let tail = String(format: " %3.0f%%  ", fraction * 100) + Self.grouped(progress.rows) + " rows"
            + String(format: "  %.0f/%.0f MB  %.0f MB/s", megabytes, total, rate)
            + (remaining.map { String(format: "  ETA %.0f s", $0.rounded(.up)) } ?? "")
        let head = "\(phase) \(label) "
        let width = max(10, min(40, columns - head.count - tail.count - 3))
        let filled = Int((fraction * Double(width)).rounded(.down))
        return head + "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]" + tail
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            _ = Foundation.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        }
    }
}
