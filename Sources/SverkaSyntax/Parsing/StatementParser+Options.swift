extension StatementParser {
    /// `(key: value, …)`, the `(` being current. A trailing comma is allowed, since option
    /// lists are often written one per line.
    mutating func parseOptionList() throws(Diagnostic) -> (entries: [OptionEntry], span: Span) {
        let open = advance()
        try enterNesting()
        var entries: [OptionEntry] = []
        var seen = Set<String>()
        while current.kind != .rightParen {
            guard let key = optionKey(current) else {
                throw entries.isEmpty || current.kind == .end
                    ? unclosedOrExpected(open)
                    : unclosed(open, expecting: "',' or ')'")
            }
            advance()
            guard current.kind == .colon else {
                throw expected("':'", after: key.text, hints: ["options are written (key: value, …)"])
            }
            advance()
            let value = try parseOptionValue()
            guard seen.insert(key.text).inserted else {
                throw Diagnostic("option '\(key.text)' is given twice", at: key.span)
            }
            entries.append(OptionEntry(key: key, value: value))
            guard consume(.comma) else { break }
        }
        try close(open, expecting: "',' or ')'")
        leaveNesting()
        return (entries, spanFrom(open.span))
    }

    private func unclosedOrExpected(_ open: Token) -> Diagnostic {
        if current.kind == .end || current.kind == .pipe { return unclosed(open) }
        return expected("an option name", hints: ["options are written (key: value, …)"])
    }

    /// A scalar expression, a list `("a", "b")`, or nested options `(inn: text)` — told
    /// apart by whether `name :` follows the `(`.
    private mutating func parseOptionValue() throws(Diagnostic) -> OptionValue {
        guard current.kind == .leftParen else {
            return .expression(try expectExpression(equality: false, hints: ["options are written (key: value, …)"]))
        }
        if optionKey(peek()) != nil, peek(2).kind == .colon {
            let (entries, span) = try parseOptionList()
            return .options(entries, span)
        }
        let open = advance()
        try enterNesting()
        var values: [OptionValue] = []
        if current.kind != .rightParen {
            repeat {
                values.append(try parseOptionValue())
            } while consume(.comma)
        }
        try close(open, expecting: "',' or ')'")
        leaveNesting()
        return .list(values, spanFrom(open.span))
    }

    /// An option's name: a word, a back-quoted name, or a quoted string (for column names
    /// with spaces in them).
    private func optionKey(_ token: Token) -> Name? {
        if case .string(let text) = token.kind { return Name(text, span: token.span) }
        return name(of: token)
    }
}
