/// The secrets a session has read, by the names the script gave them (`secret amo from env …`).
/// They live in memory only: nothing here is ever written to the workspace.
public struct SecretVault: Sendable {
    private var secrets: [String: Secret] = [:]

    public init() {}

    public subscript(name: String) -> Secret? { secrets[name] }

    public mutating func store(_ secret: Secret, as name: String) {
        secrets[name] = secret
    }

    public var names: [String] { secrets.keys.sorted() }

    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every stored secret that occurs in it replaced by `••••••`.
    public func redacted(in text: String) -> String {
        secrets.values.reduce(text) { $1.redacted(in: $0) }
    }

    /// Where the stored secrets occur in the text, each to be replaced by `••••••`.
    func edits(in text: String) -> TextEdits {
        guard !secrets.isEmpty else { return TextEdits() }
        let bytes = Array(text.utf8)
        return TextEdits(secrets.values.flatMap { secret in
            secret.occurrences(in: bytes).map { TextEdits.Edit(range: $0, replacement: Secret.shown) }
        })
    }
}
