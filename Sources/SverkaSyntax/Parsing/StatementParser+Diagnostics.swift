extension StatementParser {
    /// A token as messages show it: `'where'`, `the string "abc"`, `the end of the statement`.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "the end of the statement"
        case .string, .unterminatedString: return "the string " + excerpt(token.span)
        default: return "'" + excerpt(token.span) + "'"
        }
    }

    /// The source text of a span, shortened when long and kept to one line.
    func excerpt(_ span: Span, limit: Int = 30) -> String {
        let end = min(span.end, span.start + limit * 4)
        var text = source.slice(Span(start: span.start, end: end))
        if let newline = text.firstIndex(where: \.isNewline) {
            text = String(text[..<newline]) + " …"
        }
        if text.count > limit || end < span.end {
            text = String(text.prefix(limit)) + "…"
        }
        return text
    }

    /// What the last consumed token says, for "after 'where'".
    var previousText: String {
        previous.map { excerpt($0.span) } ?? ""
    }

    /// Tokens that mean "nothing more was written here": reaching one where something was
    /// required reads as a missing thing, reported right after the previous token.
    func isTerminator(_ token: Token) -> Bool {
        switch token.kind {
        case .end, .pipe, .rightParen, .rightBracket, .comma, .semicolon: return true
        default: return false
        }
    }

    /// "expected X after 'Y'" at the place X is missing, or "…, found Z" at Z.
    func expected(_ what: String, after: String? = nil, hints: [String] = []) -> Diagnostic {
        let token = current
        let context = " after '\(after ?? previousText)'"
        if isTerminator(token) {
            return Diagnostic("expected \(what)\(context)", at: afterPrevious, hints: hints)
        }
        return Diagnostic("expected \(what)\(context), found \(describe(token))", at: token.span,
                          hints: hints + foundHints(token))
    }

    /// Where an expression ended but the next token continues nothing: explains the common
    /// causes (a call written with a space, `=` for `==`, a step without `|`).
    func unexpectedAfterExpression(expecting what: String, hints: [String] = []) -> Diagnostic {
        let token = current
        if isSpacedCall(token) {
            return Diagnostic("unexpected '('", at: token.span, hints: [callHint()] + hints)
        }
        if case .identifier(let word) = token.kind, Keywords.stepWords.contains(word) {
            return Diagnostic("expected '|' before '\(word)'", at: token.span,
                              hints: ["steps are separated by '|': … | \(word) …"])
        }
        if token.kind == .rightParen {
            return Diagnostic("unexpected ')' with no '(' to close", at: token.span, hints: hints)
        }
        return Diagnostic("expected \(what), found \(describe(token))", at: token.span,
                          hints: foundHints(token) + hints)
    }

    /// Hints that follow from what was found, whatever was expected.
    func foundHints(_ token: Token) -> [String] {
        switch token.kind {
        case .leftParen where isSpacedCall(token):
            return [callHint()]
        case .assign:
            return ["write '==' to compare two values"]
        case .leftBracket, .rightBracket:
            return ["square brackets are not used in sverka; lists are written (a, b)"]
        case .dollar:
            return ["variables are written $name"]
        case .at:
            return ["dates are written @YYYY-MM-DD, e.g. @2026-11-30"]
        case .dot:
            return ["write decimals with a leading digit: 0.5"]
        default:
            return []
        }
    }

    /// `name (` where a call was probably meant.
    func isSpacedCall(_ token: Token) -> Bool {
        guard token.kind == .leftParen, let previous, previous.nameText != nil else { return false }
        return previous.span.end < token.span.start
    }

    func callHint() -> String {
        let name = previous?.nameText ?? "name"
        return "a function call has no space before '(' (write '\(name)(')"
    }

    /// A missing `)`: at the opener when the statement simply stopped, else at what was found.
    func unclosed(_ opener: Token, expecting what: String = "')'") -> Diagnostic {
        let token = current
        let closer = opener.kind == .leftBracket ? "]" : ")"
        let symbol = opener.kind.symbol ?? "("
        if token.kind == .end || token.kind == .pipe || token.kind == .semicolon {
            return Diagnostic("expected '\(closer)' to close the '\(symbol)' opened here", at: opener.span)
        }
        let (line, column) = source.position(of: opener.span.start)
        if isSpacedCall(token) {
            return Diagnostic("unexpected '('", at: token.span, hints: [callHint()])
        }
        return Diagnostic("expected \(what), found \(describe(token))", at: token.span,
                          hints: foundHints(token) + ["the '\(symbol)' it closes was opened at line \(line), column \(column)"])
    }

    /// Consumes the `)` matching `opener`, or explains what is wrong.
    mutating func close(_ opener: Token, expecting what: String = "')'") throws(Diagnostic) {
        guard consume(.rightParen) else { throw unclosed(opener, expecting: what) }
    }

    /// Counts one more level of nesting, refusing past the limit instead of overflowing the stack.
    mutating func enterNesting() throws(Diagnostic) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw Diagnostic("expression is nested too deeply", at: current.span,
                             hints: ["at most \(Self.maximumNesting) levels of parentheses, calls and prefix operators"])
        }
    }

    mutating func leaveNesting() {
        nesting -= 1
    }
}
