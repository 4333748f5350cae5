import Foundation
import SverkaEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sverka's own persistent history of whole statements (see `HistoryLineFormat` for the file).
///
/// libedit's history file is not used: its buffer splits long lines and a hand-truncated file
/// stops loading. This store appends one line per statement, keeps the newest `capacity`
/// entries, drops consecutive duplicates and never writes statements that carry secrets. Under
/// `set mask on` the e-mails, phones and tax ids typed into a statement are kept masked.
/// Failing to read or write the file never stops the shell; history is a convenience.
public final class HistoryStore {
    public static let defaultCapacity = 5000

    /// The file, with symbolic links resolved so a rewrite replaces the target, not the link.
    public let path: String
    public let capacity: Int
    /// The statements, oldest first.
    public private(set) var entries: [String] = []
    /// Lines in the file, counting ones other sessions appended as of the last read.
    private var linesInFile = 0
    /// Asked at each add: whether personal data in statements is masked (the session's `set mask`).
    public var masksPersonalData: () -> Bool = { false }

    /// `$SVERKA_HISTORY`, else `~/.sverka_history`; nil when there is no home directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["SVERKA_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".sverka_history")
    }

    /// Opens the history at `path` and reads what it holds; the file is created on the first add.
    public init(path: String, capacity: Int = HistoryStore.defaultCapacity) {
        self.path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        self.capacity = max(1, capacity)
        let stored = readFile()
        linesInFile = stored.count
        entries = Array(Self.withoutConsecutiveDuplicates(stored).suffix(self.capacity))
    }

    /// Records a statement; returns whether it was written (not empty, not a repeat of the
    /// previous entry, not a secret).
    @discardableResult
    public func add(_ statement: String) -> Bool {
        let typed = Self.trimmingTrailingNewlines(statement)
        guard !typed.allSatisfy(\.isWhitespace), !SecretFilter.isSecret(typed) else { return false }
        let kept = masksPersonalData() ? Masking.maskText(typed) : typed
        guard kept != entries.last else { return false }
        entries.append(kept)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        append(kept)
        // Compacting only now and then keeps each add one small append.
        if linesInFile > capacity + capacity / 4 { compact() }
        return true
    }

    /// Whether a statement would be kept out of the file as a secret.
    public static func isSecret(_ statement: String) -> Bool {
        SecretFilter.isSecret(statement)
    }

    private func append(_ statement: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var status = stat()
        let isNew = fstat(descriptor, &status) == 0 && status.st_size == 0
        let text = (isNew ? HistoryLineFormat.header + "\n" : "") + HistoryLineFormat.encode(statement) + "\n"
        if writeAll(descriptor, Array(text.utf8)) { linesInFile += 1 }
    }

    /// Rewrites the file with its newest `capacity` entries, re-reading it first so statements
    /// another session appended meanwhile survive.
    private func compact() {
        let kept = Array(Self.withoutConsecutiveDuplicates(readFile()).suffix(capacity))
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let written = writeAll(descriptor, Array(HistoryLineFormat.encodeFile(kept).utf8))
        close(descriptor)
        if written, rename(temporary, path) == 0 {
            linesInFile = kept.count
        } else {
            unlink(temporary)
        }
    }

    private func readFile() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return HistoryLineFormat.decodeFile([UInt8](data))
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    static func withoutConsecutiveDuplicates(_ statements: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(statements.count)
        for statement in statements where statement != result.last {
            result.append(statement)
        }
        return result
    }

    private static func trimmingTrailingNewlines(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isNewline { result = result.dropLast() }
        return String(result)
    }
}
