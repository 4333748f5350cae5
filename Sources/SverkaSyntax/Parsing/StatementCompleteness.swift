/// Whether a typed line should be continued before it is parsed, for the REPL's continuation
/// prompt. It follows the same rules as the statement boundaries in a script, except that the
/// next line cannot be seen yet.
public enum StatementCompleteness {
    /// True when text is visibly unfinished: an open ( [ or string, the last token (ignoring
    /// comments/blank) is `|` or `,`, or a `model NAME` block has no `end` line yet.
    public static func needsMoreInput(_ text: String) -> Bool {
        var lexer = Lexer(SourceText(name: "input", text: text))
        let tokens = lexer.tokenize().tokens
        var depth = 0
        var last: TokenKind?
        var block = ModelBlockState()
        for token in tokens {
            switch token.kind {
            case .unterminatedString:
                return true
            case .comment:
                continue
            case .newline, .end:
                // The end of the text is where the next typed line will start.
                if depth == 0, !block.lineBreak(), last != .pipe, last != .comma { block = ModelBlockState() }
                continue
            case .semicolon:
                depth = 0
                if !block.lineBreak() { block = ModelBlockState() }
            case .leftParen, .leftBracket:
                depth += 1
                block.see(token.kind)
            case .rightParen, .rightBracket:
                depth = max(0, depth - 1)
                block.see(token.kind)
            default:
                block.see(token.kind)
            }
            last = token.kind
        }
        return depth > 0 || last == .pipe || last == .comma || block.isOpen
    }
}
