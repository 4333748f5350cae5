/// One token with the byte range it was read from.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var span: Span

    public init(_ kind: TokenKind, span: Span) {
        self.kind = kind
        self.span = span
    }

    /// True for a plain identifier spelled exactly `word`; back-quoted names never match.
    public func isWord(_ word: String) -> Bool {
        if case .identifier(let text) = kind { return text == word }
        return false
    }

    /// The text of a plain or back-quoted identifier.
    public var nameText: String? {
        switch kind {
        case .identifier(let text), .quotedIdentifier(let text): return text
        default: return nil
        }
    }
}
