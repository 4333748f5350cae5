import Foundation
import SverkaEngine

/// An API load's progress on stderr (see `TerminalProgressLine`): pages and records so far, and
/// what it waits for when a server asks it to wait (drawn at once).
final class LoadAPIProgressLine: Sendable {
    private let line: TerminalProgressLine

    /// nil when stderr is not a terminal.
    init?(label: String) {
        guard let line = TerminalProgressLine(verb: "fetching", label: label) else { return nil }
        self.line = line
    }

    func update(_ progress: RESTProgress) {
        var tail = (progress.pages == 1 ? "1 page" : "\(progress.pages) pages")
            + ", \(progress.records) record\(progress.records == 1 ? "" : "s")" + String(format: ", %.0f s", progress.elapsed)
        if let waiting = progress.waiting { tail += " — " + waiting }
        line.draw(tail, elapsed: progress.elapsed, now: progress.waiting != nil)
    }

    /// Erases the line, before the load's own message.
    func finish() { line.finish() }
}
