/// A secret — an API token, a password — read from an environment variable or a private file.
///
/// It never prints: its description, its debug description and its reflection (`dump`, `print`)
/// all show `••••••`, so interpolating one into a message cannot leak it. The one way to the
/// text is `revealedForSending()`, named so that each use is easy to find and review; only the
/// code that hands the secret to another system (an HTTP header) should call it.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// How a secret, or a place that held one, is shown.
    public static let shown = "••••••"

    private let value: String
    /// Where it was read from, for messages: `the environment variable AMO_TOKEN`.
    public let source: SecretSource

    init(value: String, source: SecretSource) {
        self.value = value
        self.source = source
    }

    /// A secret another reader found (a PostgreSQL password from PGPASSWORD or ~/.pgpass), kept
    /// in the vault so that it is blanked wherever it might be shown.
    public static func found(_ value: String, in source: SecretSource) -> Secret {
        Secret(value: value, source: source)
    }

    public var description: String { Self.shown }
    public var debugDescription: String { Self.shown }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }

    /// The secret's text, for sending it to the system it is for; never for showing or storing.
    public func revealedForSending() -> String { value }

    /// Secrets shorter than this are not looked for in output: a four-digit PIN would blank
    /// every `1234` in a report, and tokens and passwords are longer.
    static let shortestRedacted = 6

    /// Where the secret occurs in the bytes of a UTF-8 text, as byte ranges.
    func occurrences(in bytes: [UInt8]) -> [Range<Int>] {
        let needle = Array(value.utf8)
        guard value.count >= Self.shortestRedacted, bytes.count >= needle.count else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= bytes.count {
            if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    /// The text with every occurrence of the secret replaced by `••••••`.
    func redacted(in text: String) -> String {
        guard value.count >= Self.shortestRedacted, text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: Self.shown)
    }
}
