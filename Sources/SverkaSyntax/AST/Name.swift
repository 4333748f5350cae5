/// An identifier with the span it was written at. Back-quoted names keep their inner text.
public struct Name: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var span: Span

    public init(_ text: String, span: Span) {
        self.text = text
        self.span = span
    }

    public var description: String { text }
}

/// A possibly qualified name: `amount`, `deals.amount`, `wh.deals`.
public struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
    public var parts: [Name]

    public init(_ parts: [Name]) { self.parts = parts }

    public var span: Span {
        guard let first = parts.first, let last = parts.last else { return .none }
        return first.span.through(last.span)
    }

    public var last: Name { parts[parts.count - 1] }
    public var qualifier: [Name] { Array(parts.dropLast()) }
    public var description: String { parts.map(\.text).joined(separator: ".") }
}
