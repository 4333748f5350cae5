/// What the cursor position calls for, before matching against what was typed.
enum CompletionContext: Equatable {
    case nothing
    /// Words for a word position.
    case words([CompletionOffer])
    /// Distinct values of a column, inside a string after `column ==` or `column in (`.
    case values(column: String, tables: [String])
    /// File paths, inside a string; `openQuote` when the string is not open yet.
    case paths(openQuote: Bool)
}

/// Words offered together, and how they are written when chosen.
struct CompletionOffer: Equatable {
    enum Style: Equatable {
        /// Written as is, followed by a space: commands, step words, keywords.
        case keyword
        /// A table or column: back-quoted when it is not a plain identifier.
        case name
        /// Followed by `(`.
        case function
    }

    var words: [String]
    var style: Style

    init(_ words: [String], _ style: Style) {
        self.words = words
        self.style = style
    }
}

/// Whether the cursor is in a word or inside a string.
enum CursorPlace: Equatable {
    case word
    case string
}

/// A table named in a statement, with the alias its columns may be qualified by.
struct TableMention: Equatable {
    var name: String
    var alias: String?

    func isNamed(_ qualifier: String) -> Bool {
        name.lowercased() == qualifier.lowercased() || alias?.lowercased() == qualifier.lowercased()
    }
}
