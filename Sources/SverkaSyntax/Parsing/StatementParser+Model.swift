/// `model NAME`, its lines, `end`: the splitter has kept the line breaks of the block (newline
/// or `;` tokens), and each line is read by a parser of its own, so that running out of tokens
/// is the end of the line and messages point inside it.
extension StatementParser {
    static let modelLineWords = ["gain", "saving", "cost", "horizon", "discount"]
    static let modelExample = "model NAME, then lines such as 'gain sales from 10M to 10.5M' or 'cost project 900k', then end"

    mutating func parseModelBlock() throws(Diagnostic) -> ModelDefinition {
        let modelToken = advance()
        guard let modelName = name(of: current) else {
            throw expected("a model name", after: "model", hints: [Self.modelExample])
        }
        advance()
        guard atLineBreak else {
            if atEnd {
                throw Diagnostic("the model '\(modelName.text)' has no lines and no 'end'", at: modelToken.span.through(modelName.span),
                                 hints: [Self.modelExample])
            }
            throw Diagnostic("unexpected \(describe(current)) after 'model \(modelName.text)'", at: current.span,
                             hints: ["a model is a block: 'model NAME' on a line of its own, one line per effect or cost, then end",
                                     "'models' lists the models; 'models NAME' shows one"])
        }
        var lines: [ModelLine] = []
        var closed = false
        for lineRange in lineRanges() {
            let first = tokens[lineRange.lowerBound]
            if first.isWord(ModelBlockState.closingWord) {
                if lineRange.count > 1 {
                    let extra = tokens[lineRange.lowerBound + 1]
                    throw Diagnostic("unexpected \(describe(extra)) after 'end'", at: extra.span,
                                     hints: ["'end' stands alone on the model's last line; a statement after it goes on the next line or after ';'"])
                }
                closed = true
                break
            }
            var lineParser = StatementParser(tokens: tokens, statement: StatementRange(tokens: lineRange, end: lineEnd(lineRange)),
                                             source: source, grammar: grammar)
            lines.append(try lineParser.parseModelLine())
        }
        guard closed else {
            throw Diagnostic("the model '\(modelName.text)' is not closed: expected a line 'end'",
                             at: modelToken.span.through(modelName.span),
                             hints: ["a model's lines end with a line that says end"])
        }
        index = range.upperBound
        return ModelDefinition(name: modelName, lines: lines, span: spanFrom(modelToken.span))
    }

    /// Whether the current token is one of the block's line breaks.
    private var atLineBreak: Bool { current.kind == .newline || current.kind == .semicolon }

    /// The token ranges of the block's lines after the header, blank ones left out.
    private func lineRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = index
        for position in index..<range.upperBound {
            let kind = tokens[position].kind
            guard kind == .newline || kind == .semicolon else { continue }
            if position > start { ranges.append(start..<position) }
            start = position + 1
        }
        if range.upperBound > start { ranges.append(start..<range.upperBound) }
        return ranges
    }

    /// Where a line ends: at the break after it, else right after its last token.
    private func lineEnd(_ line: Range<Int>) -> Span {
        let end = line.upperBound < range.upperBound ? tokens[line.upperBound].span.start : tokens[line.upperBound - 1].span.end
        return Span(start: end, end: end)
    }

    // MARK: - Lines

    /// One line: `gain|saving NAME from A to B [worth W] [per month|year]`, `cost NAME AMOUNT
    /// [per month|year]`, `horizon N [months|years]` or `discount RATE`.
    mutating func parseModelLine() throws(Diagnostic) -> ModelLine {
        let first = current
        guard case .identifier(let word) = first.kind, Self.modelLineWords.contains(word) else {
            throw unknownModelLine(first)
        }
        advance()
        let kind: ModelLineKind
        switch word {
        case "gain", "saving":
            kind = .effect(try parseEffect(ModelEffect.Direction(rawValue: word) ?? .gain))
        case "cost":
            kind = .cost(try parseCost())
        case "horizon":
            let length = try parseQuantity(after: "horizon", hints: ["horizon 12 months", "horizon 2 years"])
            var unit = HorizonUnit.months
            if case .identifier(let written) = current.kind, let given = Self.periodUnit(written) {
                unit = given == .year ? .years : .months
                advance()
            }
            kind = .horizon(length, unit: unit)
        default:
            kind = .discount(try parseQuantity(after: "discount", hints: ["discount 12% (a yearly rate)"]))
        }
        try expectStatementEnd(expecting: expectedAfter(kind))
        return ModelLine(kind, span: spanFrom(first.span), keywordSpan: first.span)
    }

    private mutating func parseEffect(_ direction: ModelEffect.Direction) throws(Diagnostic) -> ModelEffect {
        let example = direction == .gain ? "gain sales from 10M to 10.5M" : "saving data_errors from 120 to 20 worth 3000"
        guard let effectName = name(of: current) else {
            throw expected("a name for the \(direction.rawValue)", after: direction.rawValue, hints: [example])
        }
        advance()
        guard atWord("from") else {
            throw expected("'from'", after: effectName.text, hints: ["a \(direction.rawValue) gives its value before and after: \(example)"])
        }
        advance()
        let before = try parseQuantity(after: "from", hints: [example])
        guard atWord("to") else { throw expected("'to'", hints: [example]) }
        advance()
        let after = try parseQuantity(after: "to", hints: [example])
        var worth: ModelQuantity?
        var period: ModelPeriod?
        while atWord("worth") || atWord("per") {
            let word = current
            if word.isWord("worth") ? worth != nil : period != nil {
                throw Diagnostic("'\(excerpt(word.span))' is given twice on this line", at: word.span, hints: [example])
            }
            if word.isWord("worth") {
                advance()
                worth = try parseQuantity(after: "worth", hints: ["worth 1200: what one unit of \(effectName.text) is worth"])
            } else {
                period = try parsePeriod()
            }
        }
        return ModelEffect(direction: direction, name: effectName, before: before, after: after, worth: worth,
                           period: period ?? ModelPeriod(.year, span: nil))
    }

    private mutating func parseCost() throws(Diagnostic) -> ModelCost {
        let example = "cost project 900k, or cost licenses 15k per month"
        guard let costName = name(of: current) else { throw expected("a name for the cost", after: "cost", hints: [example]) }
        advance()
        if atWord("from") {
            throw Diagnostic("a cost is one amount, not a change from one value to another", at: current.span, hints: [example])
        }
        let amount = try parseQuantity(after: costName.text, what: "an amount", hints: [example])
        let period = atWord("per") ? try parsePeriod() : nil
        return ModelCost(name: costName, amount: amount, period: period)
    }

    /// `per month` or `per year`, `per` being current.
    private mutating func parsePeriod() throws(Diagnostic) -> ModelPeriod {
        let perToken = advance()
        guard case .identifier(let written) = current.kind, let unit = Self.periodUnit(written) else {
            throw expected("'month' or 'year'", after: "per", hints: ["per month, or per year"])
        }
        let unitToken = advance()
        return ModelPeriod(unit, span: perToken.span.through(unitToken.span))
    }

    static func periodUnit(_ word: String) -> ModelPeriod.Unit? {
        switch word {
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }

    /// A number of the model: an expression, or `(from … )` whose one value is the number.
    private mutating func parseQuantity(after keyword: String, what: String = "a number", hints: [String]) throws(Diagnostic) -> ModelQuantity {
        if current.kind == .leftParen, peek().isWord("from") {
            let open = current
            let pipeline = try parseParenthesisedPipeline()
            return .query(pipeline, span: spanFrom(open.span))
        }
        guard canStartExpression(current) else { throw expected(what, after: keyword, hints: hints) }
        return .expression(try expectExpression(equality: false, after: keyword, hints: hints))
    }

    /// What may still follow on a line of this kind, for "expected …, found …".
    private func expectedAfter(_ kind: ModelLineKind) -> String {
        switch kind {
        case .effect: return "'worth', 'per month' or the end of the line"
        case .cost: return "'per month', 'per year' or the end of the line"
        case .horizon: return "'months', 'years' or the end of the line"
        case .discount: return "the end of the line"
        }
    }

    private func unknownModelLine(_ token: Token) -> Diagnostic {
        let lines = Self.modelLineWords.joined(separator: ", ")
        guard let word = token.nameText else {
            return Diagnostic("expected a model line (\(lines)), found \(describe(token))", at: token.span,
                              hints: [Self.modelExample])
        }
        var diagnostic = Diagnostic("unknown model line '\(word)'", at: token.span)
        if let suggestion = Suggestion.closest(to: word, among: Self.modelLineWords) {
            diagnostic = diagnostic.hint("did you mean '\(suggestion)'?")
        }
        diagnostic = diagnostic.hint("a model's lines start with \(lines)")
        if grammar.syntax(for: word) != nil || word == "from" || word == "let" {
            diagnostic = diagnostic.hint("'\(word)' starts a statement: is the model's 'end' line missing before it?")
        }
        return diagnostic
    }
}
