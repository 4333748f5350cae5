extension StatementParser {
    /// `from TABLE [as ALIAS] | step | …`, the `from` already consumed. In a command whose own
    /// clauses include `as`, the source takes no alias, so the `as` goes to the command.
    mutating func parsePipeline(from fromToken: Token, aliasAllowed: Bool = true) throws(Diagnostic) -> Pipeline {
        let source = try parseTableReference(after: "from", aliasAllowed: aliasAllowed)
        var steps: [Step] = []
        while current.kind == .pipe {
            advance()
            steps.append(try parseStep())
        }
        return Pipeline(source: source, steps: steps, span: spanFrom(fromToken.span))
    }

    /// A table, view or named query, possibly qualified, with an optional `as ALIAS`.
    mutating func parseTableReference(after keyword: String, aliasAllowed: Bool = true) throws(Diagnostic) -> TableReference {
        let table = try parseQualifiedName(what: "a table name", after: keyword)
        guard aliasAllowed, atWord("as") else { return TableReference(name: table) }
        advance()
        guard let alias = name(of: current) else {
            throw expected("an alias", after: "as", hints: ["write '\(table) as t'"])
        }
        advance()
        return TableReference(name: table, alias: alias)
    }

    /// `name` or `a.b.c`, each part plain or back-quoted.
    mutating func parseQualifiedName(what: String, after: String? = nil, hints: [String] = []) throws(Diagnostic) -> QualifiedName {
        guard let first = name(of: current) else { throw expected(what, after: after, hints: hints) }
        advance()
        var parts = [first]
        while current.kind == .dot {
            advance()
            guard let part = name(of: current) else { throw expected("a name", after: ".") }
            advance()
            parts.append(part)
        }
        return QualifiedName(parts)
    }

    /// A pipeline written in parentheses, `(from … | …)`, the `(` being current.
    mutating func parseParenthesisedPipeline() throws(Diagnostic) -> Pipeline {
        let open = advance()
        // Counted like any parenthesis: `append (from t | append (from t | …))` recurses through
        // here, and a few thousand levels overflowed the stack.
        try enterNesting()
        guard atWord("from") else {
            throw expected("'from'", after: "(", hints: ["a query in parentheses starts with 'from': (from deals | …)"])
        }
        let fromToken = advance()
        let pipeline = try parsePipeline(from: fromToken)
        guard current.kind == .rightParen else {
            if current.kind == .end || current.kind == .semicolon { throw unclosed(open) }
            throw unexpectedAfterExpression(expecting: "'|' or ')'")
        }
        advance()
        leaveNesting()
        return pipeline
    }
}
