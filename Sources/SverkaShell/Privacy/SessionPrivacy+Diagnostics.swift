import SverkaEngine
import SverkaSyntax

extension SessionPrivacy {
    /// A diagnostic as the user sees it, the statement line it quotes scrubbed (`scrub`) with
    /// the carets still under the text they point at. The header keeps the line and column of
    /// the statement as written, which is where the user will look for it.
    public func render(_ diagnostic: Diagnostic, in statementSource: SourceText?) -> String {
        let diagnostic = explainingSecrets(diagnostic)
        let renderer = DiagnosticRenderer()
        guard diagnostic.location == nil, let span = diagnostic.span, let source = diagnostic.source ?? statementSource else {
            return renderer.render(diagnostic, in: statementSource)
        }
        let edits = scrubEdits(in: source.text)
        guard !edits.isEmpty else { return renderer.render(diagnostic, in: statementSource) }
        let scrubbed = SourceText(name: source.name, text: edits.applied(to: source.text), firstLine: source.firstLine)
        var moved = diagnostic
        moved.source = scrubbed
        moved.span = Span(start: edits.map(span.start), end: edits.map(span.end, towardEnd: true))
        let text = renderer.render(moved, in: scrubbed)
        let written = source.position(of: span.start)
        let shown = scrubbed.position(of: edits.map(span.start))
        guard written.column != shown.column,
              let header = text.range(of: "\(source.name):\(shown.line):\(shown.column)\n") else { return text }
        return text.replacingCharacters(in: header, with: "\(source.name):\(written.line):\(written.column)\n")
    }

    /// `$amo` in a query is an unknown variable to the compiler, which knows nothing of secrets;
    /// the hint to define it would mislead when `amo` is a secret the session holds.
    private func explainingSecrets(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let name = secrets.names.first(where: { diagnostic.message == "unknown variable $\($0)" }) else { return diagnostic }
        var explained = diagnostic
        explained.message = "$\(name) holds a secret, which is never shown, compared or computed with"
        explained.hints = ["a secret goes only to the option of a command that sends it to another system, e.g. token: $\(name)"]
        return explained
    }
}
