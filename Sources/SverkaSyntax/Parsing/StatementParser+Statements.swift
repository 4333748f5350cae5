extension StatementParser {
    /// A whole statement: a pipeline, a `let`, or a command from the grammar.
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        let first = current
        guard case .identifier(let word) = first.kind else { throw notAStatement(first) }
        let kind: StatementKind
        switch word {
        case "from":
            advance()
            let pipeline = try parsePipeline(from: first)
            try expectStatementEnd(expecting: "'|' or the end of the statement")
            kind = .query(pipeline)
        case "let":
            kind = try parseLet()
        case ModelBlockState.openingWord:
            kind = .model(try parseModelBlock())
        case ModelBlockState.closingWord:
            throw Diagnostic("'end' closes a model, but no model is open here", at: first.span,
                             hints: ["a model starts with a line 'model NAME'"])
        default:
            if let syntax = grammar.syntax(for: word) {
                kind = .command(try parseCommand(syntax))
            } else if Keywords.stepWords.contains(word) {
                throw Diagnostic("'\(word)' is a step; steps follow '|' after 'from TABLE'", at: first.span,
                                 hints: ["write: from TABLE | \(word) …"])
            } else {
                var diagnostic = Diagnostic("unknown command '\(word)'", at: first.span)
                if let suggestion = Suggestion.closest(to: word, among: grammar.commandNames + ["from", "let"]) {
                    diagnostic = diagnostic.hint("did you mean '\(suggestion)'?")
                } else {
                    diagnostic = diagnostic.hint("type 'help' for the list of commands")
                }
                throw diagnostic
            }
        }
        return Statement(kind, span: spanFrom(first.span))
    }

    private func notAStatement(_ token: Token) -> Diagnostic {
        switch token.kind {
        case .pipe:
            return Diagnostic("unexpected '|' at the start of a statement", at: token.span,
                              hints: ["a '|' continues a pipeline: from TABLE | step …"])
        default:
            return Diagnostic("expected a command or 'from …', found \(describe(token))", at: token.span,
                              hints: ["type 'help' for the list of commands"])
        }
    }

    /// Everything must have been used by now.
    mutating func expectStatementEnd(expecting what: String, hints: [String] = []) throws(Diagnostic) {
        guard atEnd else { throw unexpectedAfterExpression(expecting: what, hints: hints) }
    }

    /// `let NAME = from …` (a named query) or `let NAME = EXPR` (a variable).
    private mutating func parseLet() throws(Diagnostic) -> StatementKind {
        advance()
        let example = "let big = from deals | where amount > 1M, or let as_of = @2026-11-30"
        guard let letName = name(of: current) else { throw expected("a name", after: "let", hints: [example]) }
        advance()
        guard current.kind == .assign else {
            let hints = current.kind == .equal ? ["'let' takes a single '='"] : [example]
            throw expected("'='", after: "let \(letName.text)", hints: hints)
        }
        advance()
        if atWord("from") {
            let fromToken = advance()
            let pipeline = try parsePipeline(from: fromToken)
            try expectStatementEnd(expecting: "'|' or the end of the statement")
            return .letQuery(letName, pipeline)
        }
        if current.kind == .leftParen, peek().isWord("from") {
            let pipeline = try parseParenthesisedPipeline()
            try expectStatementEnd(expecting: "the end of the statement")
            return .letQuery(letName, pipeline)
        }
        let value = try expectExpression(equality: false, hints: [example])
        let hints = current.kind == .pipe ? ["a named query starts with 'from': let \(letName.text) = from TABLE | …"] : []
        try expectStatementEnd(expecting: "an operator or the end of the statement", hints: hints)
        return .letValue(letName, value)
    }
}
