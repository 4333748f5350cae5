/// Follows one statement's tokens to tell whether it is a `model NAME … end` block, the one
/// statement that spans lines without a bracket or a `|` to say so. `model NAME` alone on its
/// line (or before a `;`) opens a block; a line that starts with `end` closes it. Inside, a line
/// break (newline or `;`) separates the model's lines instead of ending the statement. The
/// statement splitter and the REPL's continuation check share it, so a block typed at the prompt
/// and one in a script end at the same place.
struct ModelBlockState {
    private enum Phase {
        case start, sawModel, sawName
        case inside(atLineStart: Bool)
        case closed, notABlock
    }

    private var phase = Phase.start

    /// The word that opens a block, and the one that closes it.
    static let openingWord = "model"
    static let closingWord = "end"

    /// Takes the statement's next token that is not a line break or a comment.
    mutating func see(_ token: TokenKind) {
        switch phase {
        case .start:
            phase = token == .identifier(Self.openingWord) ? .sawModel : .notABlock
        case .sawModel:
            switch token {
            case .identifier, .quotedIdentifier: phase = .sawName
            default: phase = .notABlock
            }
        case .sawName:
            phase = .notABlock
        case .inside(let atLineStart):
            phase = atLineStart && token == .identifier(Self.closingWord) ? .closed : .inside(atLineStart: false)
        case .closed, .notABlock:
            break
        }
    }

    /// A line break outside brackets: true when it separates two lines of an open block (the
    /// statement goes on), false when it means what it means elsewhere.
    mutating func lineBreak() -> Bool {
        switch phase {
        case .sawName, .inside:
            phase = .inside(atLineStart: true)
            return true
        default:
            return false
        }
    }

    /// Between the header and the `end` line.
    var isOpen: Bool {
        if case .inside = phase { return true }
        return false
    }
}
