extension StatementParser {
    /// `NAME positionals… clauses…`, shaped by the command's syntax from the grammar.
    mutating func parseCommand(_ syntax: CommandSyntax) throws(Diagnostic) -> CommandInvocation {
        let nameToken = advance()
        let usage = "usage: " + CommandUsage.line(for: syntax)
        var arguments: [CommandArgument] = []
        for slot in syntax.positionals {
            let blocked = atEnd || matchClause(in: syntax) != nil
            if blocked || (slot.isOptional && !canStart(slot.kind)) {
                if slot.isOptional { continue }
                throw expected(slot.name, after: commandText(from: nameToken), hints: [usage])
            }
            let start = current.span
            let value = try parseSlotValue(slot.kind, label: slot.name, syntax: syntax, usage: usage)
            arguments.append(CommandArgument(slot: slot.name, value: value, span: spanFrom(start)))
        }
        var clauses: [CommandClause] = []
        while !atEnd {
            guard let clause = matchClause(in: syntax) else { throw leftover(syntax, usage: usage) }
            let start = current.span
            let keywordSpan = clause.keywords.isEmpty ? start : start.through(peek(clause.keywords.count - 1).span)
            if !clause.isRepeatable, clauses.contains(where: { $0.keyword == clause.keyword }) {
                throw Diagnostic("the '\(clause.keyword)' clause is given twice", at: keywordSpan, hints: [usage])
            }
            for _ in clause.keywords { advance() }
            let value = try parseSlotValue(clause.kind, label: CommandUsage.noun(for: clause.kind), syntax: syntax, usage: usage)
            clauses.append(CommandClause(keyword: clause.keyword, value: value, span: spanFrom(start)))
        }
        for clause in syntax.clauses where clause.isRequired && !clauses.contains(where: { $0.keyword == clause.keyword }) {
            throw Diagnostic("the '\(syntax.name)' command needs '\(clause.keyword) \(CommandUsage.placeholder(for: clause.kind))'",
                             at: afterPrevious, hints: [usage])
        }
        // The canonical name, so that handlers find their command whatever case it was typed in.
        let invocation = CommandInvocation(name: Name(syntax.name, span: nameToken.span), arguments: arguments,
                                           clauses: clauses, span: spanFrom(nameToken.span))
        try syntax.check?(invocation, source)
        return invocation
    }

    /// The clause whose keywords start here, the longest when several do (`as of` over `as`);
    /// else an unkeyed clause whose value can start here.
    func matchClause(in syntax: CommandSyntax) -> ClauseSyntax? {
        var best: ClauseSyntax?
        for clause in syntax.clauses where !clause.keywords.isEmpty {
            let matches = clause.keywords.enumerated().allSatisfy { offset, word in peek(offset).isWord(word) }
            if matches, clause.keywords.count > (best?.keywords.count ?? 0) { best = clause }
        }
        return best ?? syntax.clauses.first { $0.keywords.isEmpty && canStartUnkeyed($0.kind) }
    }

    /// Whether an unkeyed clause's value begins here. With no keyword to announce it, a query
    /// must show its own `from` (or `(`): a bare name would take any word for a table.
    private func canStartUnkeyed(_ kind: SlotKind) -> Bool {
        guard kind == .query else { return canStart(kind) }
        return atWord("from") || current.kind == .leftParen
    }

    /// "after 'set format'": the command so far when short, else the last token.
    private func commandText(from nameToken: Token) -> String {
        guard let previous, previous.span.end - nameToken.span.start <= 30 else { return previousText }
        let text = source.slice(Span(start: nameToken.span.start, end: previous.span.end))
        return text.contains("\n") ? previousText : text
    }

    /// Whether an optional slot of this kind could begin at the current token.
    func canStart(_ kind: SlotKind) -> Bool {
        let token = current
        switch kind {
        case .word, .words:
            return token.nameText != nil
        case .choice(let words):
            // An optional choice is there only when one of its words is (`sql [write] "…"`).
            if case .identifier(let word) = token.kind { return words.contains(word) }
            return false
        case .string:
            if case .string = token.kind { return true }
            if case .unterminatedString = token.kind { return true }
            return false
        case .expression, .range:
            return canStartExpression(token)
        case .value:
            return token.kind == .assign || canStartExpression(token)
        case .query:
            return token.nameText != nil || token.kind == .leftParen
        case .options, .assignments, .overrides:
            return token.kind == .leftParen
        case .sweep:
            return token.nameText != nil
        case .flag:
            return false
        case .list:
            return token.kind == .leftParen
        case .comparison:
            return comparisonOperator(token, equality: true) != nil
        case .bounds:
            return canStartExpression(token)
        }
    }

    /// Text after a complete command that no clause accounts for.
    private func leftover(_ syntax: CommandSyntax, usage: String) -> Diagnostic {
        let token = current
        if isSpacedCall(token) {
            return Diagnostic("unexpected '('", at: token.span, hints: [callHint()])
        }
        var diagnostic = Diagnostic("unexpected \(describe(token)) after the '\(syntax.name)' command", at: token.span)
        if case .identifier(let word) = token.kind {
            let keywords = syntax.clauses.compactMap(\.keywords.first)
            if let suggestion = Suggestion.closest(to: word, among: keywords) {
                diagnostic = diagnostic.hint("did you mean '\(suggestion)'?")
            }
        }
        if token.kind == .pipe, syntax.positionals.contains(where: { $0.kind == .query }) {
            diagnostic = diagnostic.hint("a query with steps starts with 'from': \(syntax.name) from TABLE | …")
        }
        for hint in foundHints(token) { diagnostic = diagnostic.hint(hint) }
        return diagnostic.hint(usage)
    }
}
