/// A message about the user's input, as a value: what went wrong, where, and what might fix it.
/// Libraries throw these; only the shell renders them.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    /// Where in the statement's source the problem is; nil when it concerns no text (a file, a run).
    public var span: Span?
    /// A location outside the statement, such as `deals.csv:70001:5`, shown instead of a caret.
    public var location: String?
    /// The text `span` points into when it is not the statement being run: a definition kept in
    /// the workspace (a model) and read again when used. The caret is then drawn under that text.
    public var source: SourceText?
    public var hints: [String]

    public init(_ message: String, at span: Span? = nil, location: String? = nil,
                hints: [String] = [], severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.span = span
        self.location = location
        self.hints = hints
    }

    /// The same diagnostic, its span read in `text` (unless it already names a text of its own).
    public func pointing(into text: SourceText) -> Diagnostic {
        var copy = self
        if copy.source == nil, copy.span != nil { copy.source = text }
        return copy
    }

    public func hint(_ text: String) -> Diagnostic {
        var copy = self
        copy.hints.append(text)
        return copy
    }

    public var description: String { message }
}

/// Several diagnostics at once, for parsers that report more than the first problem.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
