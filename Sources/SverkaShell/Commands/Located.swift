import SverkaSyntax

/// Runs a command's work and points an error that names no place of its own (a role not
/// mapped, a missing rate, a file that cannot be written) at the part of the statement that
/// caused it, so the user gets a caret.
func located<T>(_ span: Span, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
    do {
        return try body()
    } catch {
        throw located(error, at: span)
    }
}

/// The error pointed at `span` when it points nowhere yet.
func located(_ error: Diagnostic, at span: Span) -> Diagnostic {
    var located = error
    if located.span == nil && located.location == nil { located.span = span }
    return located
}
