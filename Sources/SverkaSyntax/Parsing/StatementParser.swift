/// Parses one statement's run of tokens. Running out of tokens is the end of the statement,
/// which the driver has already found; the first error ends the statement's parse.
struct StatementParser {
    let tokens: [Token]
    let source: SourceText
    let grammar: any CommandGrammar
    let range: Range<Int>
    let endSpan: Span
    var index: Int
    /// How many parentheses, calls and prefix operators enclose the current position.
    var nesting = 0
    /// Set while reading group keys, to explain `group region(n = …)` (a call, missing a space).
    var inGroupKeys = false

    /// Levels of parentheses, calls and prefix operators allowed before the parser refuses.
    static let maximumNesting = 200
    /// The deepest expression tree allowed, so that later recursive passes cannot overflow.
    static let maximumTreeDepth = 500

    init(tokens: [Token], statement: StatementRange, source: SourceText, grammar: any CommandGrammar) {
        self.tokens = tokens
        self.source = source
        self.grammar = grammar
        self.range = statement.tokens
        self.endSpan = statement.end
        self.index = statement.tokens.lowerBound
    }

    /// Whether every token of the statement has been used.
    var atEnd: Bool { index >= range.upperBound }

    /// The next token to use; past the statement's last, an `.end` at the boundary.
    var current: Token { index < range.upperBound ? tokens[index] : Token(.end, span: endSpan) }

    /// The token `offset` places after the current one, or `.end`.
    func peek(_ offset: Int = 1) -> Token {
        let position = index + offset
        return position < range.upperBound ? tokens[position] : Token(.end, span: endSpan)
    }

    /// The last token consumed, if any.
    var previous: Token? { index > range.lowerBound ? tokens[index - 1] : nil }

    /// The empty span right after the last token consumed: where a missing thing belongs.
    var afterPrevious: Span {
        guard let previous else { return Span(start: current.span.start, end: current.span.start) }
        return Span(start: previous.span.end, end: previous.span.end)
    }

    /// The span from `start` through the last token consumed.
    func spanFrom(_ start: Span) -> Span {
        guard let previous else { return start }
        return start.through(previous.span)
    }

    /// Uses up the current token and returns it; at the end it stays there.
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < range.upperBound { index += 1 }
        return token
    }

    /// Whether the current token is the plain identifier `word`.
    func atWord(_ word: String) -> Bool { current.isWord(word) }

    /// Consumes the current token when it is of this (payload-free) kind.
    mutating func consume(_ kind: TokenKind) -> Bool {
        guard current.kind == kind else { return false }
        index += 1
        return true
    }

    /// A plain or back-quoted name at this token.
    func name(of token: Token) -> Name? {
        token.nameText.map { Name($0, span: token.span) }
    }

    /// Whether a token the lexer already reported comes at or before `errorStart`: then a parse
    /// error there is most likely its echo, and only confuses.
    func hasBrokenToken(before errorStart: Int) -> Bool {
        for position in range {
            let token = tokens[position]
            if token.span.start > errorStart { break }
            if token.kind.isBroken { return true }
        }
        return false
    }
}
