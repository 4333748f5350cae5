extension Parser {
    /// Reads a list of overrides on its own, `(cost.project = 1.2M, data_errors.to = 40)`, as a
    /// command's `.overrides` slot reads it: for text kept in the workspace (a scenario's
    /// overrides) and parsed again when used, so that its spans point into that text.
    public func parseOverrides(_ source: SourceText) throws(DiagnosticList) -> [NamedExpression] {
        var lexer = Lexer(source)
        var (tokens, lexical) = lexer.tokenize()
        guard lexical.isEmpty else { throw DiagnosticList(lexical) }
        let ranges = StatementSplitter.split(&tokens)
        let usage = "(name.field = value, …)"
        guard ranges.count == 1, let range = ranges.first else {
            throw DiagnosticList([Diagnostic("expected one list \(usage)", at: Span(start: 0, end: source.bytes.count))])
        }
        var parser = StatementParser(tokens: tokens, statement: range, source: source, grammar: grammar)
        do throws(Diagnostic) {
            guard parser.current.kind == .leftParen else { throw parser.expected("'('", hints: [usage]) }
            let items = try parser.parseAssignmentList(usage: usage, dottedNames: true)
            try parser.expectStatementEnd(expecting: "the end of the list")
            return items
        } catch {
            throw DiagnosticList([error])
        }
    }
}
