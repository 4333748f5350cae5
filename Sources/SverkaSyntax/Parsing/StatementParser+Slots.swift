extension StatementParser {
    /// One argument or clause value, read as its slot kind says.
    mutating func parseSlotValue(_ kind: SlotKind, label: String, syntax: CommandSyntax, usage: String) throws(Diagnostic) -> ArgumentValue {
        switch kind {
        case .word:
            return .word(try parseDottedWord(label: label, usage: usage))
        case .choice(let words):
            let choices = words.joined(separator: ", ")
            guard case .identifier(let word) = current.kind, words.contains(word) else {
                var hints: [String] = []
                if let written = current.nameText, let suggestion = Suggestion.closest(to: written, among: words) {
                    hints.append("did you mean '\(suggestion)'?")
                }
                throw expected("one of \(choices)", hints: hints + [usage])
            }
            return .word(Name(word, span: advance().span))
        case .words:
            var names: [Name] = []
            repeat {
                guard let word = name(of: current) else { throw expected(names.isEmpty ? label : "a name", hints: [usage]) }
                advance()
                names.append(word)
            } while consume(.comma)
            return .words(names)
        case .string:
            guard case .string(let text) = current.kind else {
                let hints = current.nameText.map { ["put it in quotes: \"\($0)\""] } ?? []
                throw expected(label, hints: hints + [usage])
            }
            return .string(text, advance().span)
        case .expression:
            return .expression(try expectExpression(equality: true, hints: [usage]))
        case .value:
            return try parseValueSlot(usage: usage)
        case .query:
            return .query(try parseQuerySlot(label: label, syntax: syntax, usage: usage))
        case .options:
            guard current.kind == .leftParen else { throw expected("'(' with options", hints: ["with (key: value, …)", usage]) }
            return .options(try parseOptionList().entries)
        case .assignments:
            guard current.kind == .leftParen else { throw expected("'(' with name = expression, …", hints: [usage]) }
            return .assignments(try parseAssignmentList(usage: usage))
        case .range:
            let low = try expectExpression(equality: false, hints: [usage])
            guard atWord("to") else { throw expected("'to'", hints: ["from A to B", usage]) }
            advance()
            let high = try expectExpression(equality: false, hints: [usage])
            return .range(low, high)
        case .overrides:
            guard current.kind == .leftParen else { throw expected("'(' with name = expression, …", hints: [usage]) }
            return .assignments(try parseAssignmentList(usage: usage, dottedNames: true))
        case .sweep:
            return .sweep(try parseSweep(usage: usage))
        case .flag:
            return flagValue()
        case .list:
            return try parseValueList(usage: usage)
        case .comparison:
            return try parseComparisonSlot(usage: usage)
        case .bounds:
            return try parseBounds(usage: usage)
        }
    }

    /// `NAME from A to B step S`, as in `vary cost.project from 500k to 2M step 250k`.
    private mutating func parseSweep(usage: String) throws(Diagnostic) -> Sweep {
        let target = try parseDottedWord(label: "an input to vary, such as cost.project", usage: usage)
        let example = "vary \(target.text) from 500k to 2M step 250k"
        guard atWord("from") else { throw expected("'from'", after: target.text, hints: [example]) }
        advance()
        let low = try expectExpression(equality: false, after: "from", hints: [example])
        guard atWord("to") else { throw expected("'to'", hints: [example]) }
        advance()
        let high = try expectExpression(equality: false, after: "to", hints: [example])
        guard atWord("step") else { throw expected("'step'", hints: [example]) }
        advance()
        let step = try expectExpression(equality: false, after: "step", hints: [example])
        return Sweep(target: target, from: low, to: high, step: step, span: spanFrom(target.span))
    }

    /// A setting's value: a bare word, a string, or any other expression. A leading `=`
    /// (`set maxrows = 100`) is accepted, since people write it.
    private mutating func parseValueSlot(usage: String) throws(Diagnostic) -> ArgumentValue {
        if current.kind == .assign { advance() }
        let value = try expectExpression(equality: false, hints: [usage])
        switch value.kind {
        case .literal(.string(let text)):
            return .string(text, value.span)
        case .column(let qualified) where qualified.parts.count == 1:
            return .word(qualified.last)
        default:
            return .expression(value)
        }
    }

    /// `from … | …`, `(from …)`, or a bare table name read as `from NAME`.
    private mutating func parseQuerySlot(label: String, syntax: CommandSyntax, usage: String) throws(Diagnostic) -> Pipeline {
        if atWord("from") {
            let fromToken = advance()
            let commandTakesAs = syntax.clauses.contains { $0.keywords.first == "as" }
            return try parsePipeline(from: fromToken, aliasAllowed: !commandTakesAs)
        }
        if current.kind == .leftParen {
            return try parseParenthesisedPipeline()
        }
        let table = try parseQualifiedName(what: label, hints: ["a table name, or a query: from TABLE | …", usage])
        return Pipeline(source: TableReference(name: table), steps: [], span: table.span)
    }
}
