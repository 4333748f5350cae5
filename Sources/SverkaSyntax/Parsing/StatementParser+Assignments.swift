extension StatementParser {
    /// A word slot's name, possibly qualified: `deals`, or `crm.deals` as one name whose span
    /// covers all its parts (role names and schema-qualified tables are written this way).
    mutating func parseDottedWord(label: String, usage: String) throws(Diagnostic) -> Name {
        guard var word = name(of: current) else { throw expected(label, hints: [usage]) }
        advance()
        while current.kind == .dot {
            advance()
            guard let part = name(of: current) else { throw expected("a name", after: "\(word.text).", hints: [usage]) }
            advance()
            word = Name("\(word.text).\(part.text)", span: word.span.through(part.span))
        }
        return word
    }

    /// `(name = expression, …)`, the `(` being current: every item named, no name twice. A
    /// trailing comma is allowed, since such lists are often written one item per line. With
    /// `dottedNames`, a name may be dotted (`cost.project = 1.2M`) and is one `Name`.
    mutating func parseAssignmentList(usage: String, dottedNames: Bool = false) throws(Diagnostic) -> [NamedExpression] {
        let open = advance()
        try enterNesting()
        let example = dottedNames ? usage : "write (name = expression, …), e.g. (id = deal_id, amount = budget)"
        var items: [NamedExpression] = []
        var seen = Set<String>()
        repeat {
            if current.kind == .rightParen, !items.isEmpty { break }
            let itemName: Name
            if dottedNames, name(of: current) != nil, peek().kind == .dot {
                itemName = try parseDottedWord(label: "a name", usage: usage)
                guard current.kind == .assign else { throw expected("'='", after: itemName.text, hints: [example]) }
                advance()
            } else {
                guard let plain = name(of: current), peek().kind == .assign else {
                    throw notAnAssignment(open, hints: dottedNames ? [usage] : [example, usage])
                }
                itemName = plain
                advance()
                advance()
            }
            let expression = try expectExpression(equality: false, after: "\(itemName.text) =", hints: [example])
            guard seen.insert(itemName.text.lowercased()).inserted else {
                throw Diagnostic("'\(itemName.text)' is given twice", at: itemName.span, hints: ["give each name once"])
            }
            items.append(NamedExpression(name: itemName, expression: expression))
        } while consume(.comma)
        try close(open, expecting: "',' or ')'")
        leaveNesting()
        return items
    }

    /// Why the current token does not begin `name = expression`.
    private func notAnAssignment(_ open: Token, hints: [String]) -> Diagnostic {
        if current.kind == .end || current.kind == .semicolon { return unclosed(open) }
        guard let written = name(of: current), !isTerminator(peek()) else {
            return expected("name = expression", hints: hints)
        }
        var all = hints
        if peek().kind == .colon {
            all.insert("'name: value' is for options; here a name takes '=': \(written.text) = …", at: 0)
        }
        return Diagnostic("expected '=' after '\(written.text)', found \(describe(peek()))", at: peek().span, hints: all)
    }
}
