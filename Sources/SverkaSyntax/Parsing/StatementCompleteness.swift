/// Whether a typed line should be continued before it is parsed, for the REPL's continuation
/// prompt. It follows the same rules as the statement boundaries in a script, except that the
/// next line cannot be seen yet.
public enum StatementCompleteness {
    /// True when text is visibly unfinished: an open ( [ or string, or the last token (ignoring
    /// comments/blank) is `|` or `,`.
    public static func needsMoreInput(_ text: String) -> Bool {
        var lexer = Lexer(SourceText(name: "input", text: text))
        let tokens = lexer.tokenize().tokens
        var depth = 0
        var last: TokenKind?
        for token in tokens {
            switch token.kind {
            case .unterminatedString:
                return true
            case .comment, .newline, .end:
                continue
            case .semicolon:
                depth = 0
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth = max(0, depth - 1)
            default:
                break
            }
            last = token.kind
        }
        return depth > 0 || last == .pipe || last == .comma
    }
}
