import SverkaSyntax

/// A number of a model with where it was written, so that a complaint about it (a negative
/// horizon, a cost of zero) points at the text that gave it: the model's line, an override of a
/// `roi` statement, a stored scenario or a `vary`.
public struct ModelNumber: Sendable {
    public var value: ExactRatio
    public var origin: ValueOrigin

    public init(_ value: ExactRatio, origin: ValueOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// Where a number of a model came from.
public struct ValueOrigin: Sendable {
    public var span: Span
    public var source: SourceText
    /// Whether it was written as a plain number (`900k`, `12%`), not read from data or variables.
    public var isLiteral: Bool

    public init(span: Span, source: SourceText, isLiteral: Bool) {
        self.span = span
        self.source = source
        self.isLiteral = isLiteral
    }

    /// The text as written.
    public var text: String { source.slice(span) }

    /// A diagnostic with its caret under this text.
    public func diagnostic(_ message: String, hints: [String] = []) -> Diagnostic {
        Diagnostic(message, at: span, hints: hints).pointing(into: source)
    }
}
