import Foundation

/// Completes file paths inside a string: directories get a trailing `/`, files close the string.
struct PathCompleter {
    /// Where relative paths start; the process's current directory when nil.
    var workingDirectory: String?
    var fileManager: FileManager = .default

    /// Candidates for `typed` (the path so far, escapes resolved). With `openQuote`, each
    /// candidate also opens the string (Tab right after `load `).
    func candidates(for typed: String, quote: Character, openQuote: Bool) -> [CompletionCandidate] {
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let directory = resolve(directoryPart)
        guard let entries = try? fileManager.contentsOfDirectory(atPath: directory) else { return [] }
        let opening = openQuote ? String(quote) : ""
        return entries
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { entry in
                var isDirectory: ObjCBool = false
                let path = (directory as NSString).appendingPathComponent(entry)
                _ = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
                let written = opening + CompletionScanner.escaped(directoryPart + entry, quote: quote)
                return isDirectory.boolValue
                    ? CompletionCandidate(text: written + "/", suffix: "", display: entry + "/")
                    : CompletionCandidate(text: written, suffix: String(quote), display: entry)
            }
    }

    /// The directory to list for the typed directory part (`""`, `data/`, `/tmp/`, `~/x/`).
    private func resolve(_ directoryPart: String) -> String {
        let base = workingDirectory ?? fileManager.currentDirectoryPath
        if directoryPart.isEmpty { return base }
        if directoryPart.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            return home + directoryPart.dropFirst()
        }
        if directoryPart.hasPrefix("/") { return directoryPart }
        return (base as NSString).appendingPathComponent(directoryPart)
    }
}
