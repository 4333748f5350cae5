/// One statement's tokens, and where the statement ends (for "found the end of the statement").
struct StatementRange {
    var tokens: Range<Int>
    var end: Span
}

/// Finds statement boundaries. A newline ends a statement unless the statement is visibly
/// unfinished: inside ( ) or [ ], after a trailing `|` or `,`, or when the next non-blank line
/// starts with `|`. `;` always ends one. Comments and the newlines that do not end a statement
/// are dropped, so the parser sees each statement as one run of tokens. The exception is a
/// `model NAME … end` block: it runs to its `end` line, and the newlines (and `;`) between its
/// lines are kept, one per break, for the parser to split the lines at.
enum StatementSplitter {
    /// Compacts `tokens` in place to the statements' tokens (no second copy of a huge input)
    /// and returns the statements' ranges in it.
    static func split(_ tokens: inout [Token]) -> [StatementRange] {
        var kept = 0
        var statements: [StatementRange] = []
        var start = 0
        var depth = 0
        var last: TokenKind?
        var block = ModelBlockState()
        var index = 0

        func keep(_ token: Token) {
            // Writing never overtakes reading, so the array can be compacted as it is read.
            tokens[kept] = token
            kept += 1
        }

        func close(at boundary: Span) {
            if kept > start {
                statements.append(StatementRange(tokens: start..<kept, end: Span(start: boundary.start, end: boundary.start)))
            }
            start = kept
            depth = 0
            last = nil
            block = ModelBlockState()
        }

        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .comment:
                index += 1
            case .end:
                close(at: token.span)
                index = tokens.count
            case .semicolon:
                if block.lineBreak() {
                    keep(token)
                    depth = 0
                } else {
                    close(at: token.span)
                }
                index += 1
            case .newline:
                // Look past blank and comment lines once, then jump over them: linear time.
                var next = index + 1
                while next < tokens.count, tokens[next].kind == .newline || tokens[next].kind == .comment {
                    next += 1
                }
                if depth == 0, block.lineBreak() {
                    keep(token)
                    index = next
                    continue
                }
                let continues = depth > 0 || last == .pipe || last == .comma
                    || (next < tokens.count && tokens[next].kind == .pipe)
                if !continues { close(at: token.span) }
                index = next
            default:
                switch token.kind {
                case .leftParen, .leftBracket: depth += 1
                case .rightParen, .rightBracket: depth = max(0, depth - 1)
                default: break
                }
                last = token.kind
                block.see(token.kind)
                keep(token)
                index += 1
            }
        }
        tokens.removeSubrange(kept...)
        return statements
    }
}
