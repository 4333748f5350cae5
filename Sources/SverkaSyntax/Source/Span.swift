/// A range of UTF-8 byte offsets into one source text; line and column are computed only when
/// a message is rendered.
public struct Span: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static let none = Span(start: 0, end: 0)

    /// The smallest span that covers both.
    public func through(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}
