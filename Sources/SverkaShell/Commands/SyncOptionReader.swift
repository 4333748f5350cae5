import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Splits a sync's `with (…)` between its own option (terms) and the outbox file's, which are
/// export's.
enum SyncOptionReader {
    struct Options {
        var terms: Int?
        var export = OutboxTarget.defaultOptions
        /// Where the first file option was written, when one was.
        var exportSpan: Span?
    }

    static func read(_ clause: CommandClause?, session: Session) throws(Diagnostic) -> Options {
        var options = Options()
        guard case .options(let entries)? = clause?.value else { return options }
        var fileEntries: [OptionEntry] = []
        for entry in entries {
            let key = entry.key.text.lowercased()
            if key == "terms" {
                options.terms = try terms(entry, session: session)
            } else if ExportOptionReader.known.contains(key) {
                fileEntries.append(entry)
                if options.exportSpan == nil { options.exportSpan = entry.key.span }
            } else {
                var error = Diagnostic("unknown option '\(entry.key.text)'", at: entry.key.span)
                let known = ["terms"] + ExportOptionReader.known
                if let suggestion = Suggestion.closest(to: key, among: known) { error = error.hint("did you mean '\(suggestion)'?") }
                throw error.hint("options: " + known.joined(separator: ", "))
            }
        }
        guard !fileEntries.isEmpty else { return options }
        options.export = try ExportOptionReader.read(fileEntries)
        if !fileEntries.contains(where: { $0.key.text.lowercased() == "raw" }) { options.export.raw = true }
        return options
    }

    private static func terms(_ entry: OptionEntry, session: Session) throws(Diagnostic) -> Int {
        guard case .expression(let expression) = entry.value,
              case .integer(let days) = try session.evaluate(expression), (0...3650).contains(days) else {
            throw Diagnostic("terms is a number of days, 0 to 3650", at: entry.key.span).hint("write: with (terms: 14)")
        }
        return Int(days)
    }
}

/// A test hook: with SVERKA_TEST_APPLY_PAUSE=MS in the environment, an apply announces each
/// stage on stderr and pauses there, so that a crash test can kill it at every stage.
enum ApplyPause {
    static func hook(_ session: Session) -> (ApplyStage) -> Void {
        guard let text = ProcessInfo.processInfo.environment["SVERKA_TEST_APPLY_PAUSE"], let milliseconds = UInt32(text) else {
            return { _ in }
        }
        return { stage in
            session.messages.write("apply: \(stage.rawValue)\n")
            session.messages.flush()
            usleep(milliseconds * 1000)
        }
    }
}
