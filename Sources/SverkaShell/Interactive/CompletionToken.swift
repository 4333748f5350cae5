/// A token of the text before the cursor, as completion sees it. Completion reads unfinished
/// statements, so this scanner never fails: an open string or back-quote runs to the end.
struct CompletionToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        /// A back-quoted name; `closed` is false when the cursor is still inside it.
        case quotedName(String, closed: Bool)
        /// A string with escapes resolved, and its quote (`"` or `'`); `closed` is false when
        /// the cursor is still inside it.
        case string(String, closed: Bool, quote: Character)
        /// A number, date or `$variable`: a complete operand nothing completes.
        case literal
        /// Punctuation or an operator: `|`, `(`, `==`, `,`.
        case symbol(String)
        /// `# …`; `closed` is false when it runs to the cursor.
        case comment(closed: Bool)
    }

    var kind: Kind
    /// Character offsets into the scanned text.
    var range: Range<Int>

    /// The word, if this is a plain word.
    var word: String? {
        if case .word(let text) = kind { return text }
        return nil
    }

    /// The word lowercased, for matching keywords.
    var keyword: String? { word?.lowercased() }

    /// The name a plain or back-quoted word spells.
    var name: String? {
        switch kind {
        case .word(let text), .quotedName(let text, _): return text
        default: return nil
        }
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
    func isKeyword(_ word: String) -> Bool { keyword == word }

    /// Whether this token ends an operand, so what follows is an operator or a keyword.
    var endsOperand: Bool {
        switch kind {
        case .word, .quotedName, .string, .literal: return true
        case .symbol(let symbol): return symbol == ")" || symbol == "]"
        case .comment: return false
        }
    }
}

/// Splits text into `CompletionToken`s.
enum CompletionScanner {
    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<>", "<=", ">="]

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    static func scan(_ characters: [Character]) -> [CompletionToken] {
        var tokens: [CompletionToken] = []
        var index = 0
        while index < characters.count {
            let start = index
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let kind: CompletionToken.Kind
            switch character {
            case "#":
                while index < characters.count, !characters[index].isNewline { index += 1 }
                kind = .comment(closed: index < characters.count)
            case "\"", "'":
                let (text, end, closed) = quoted(characters, from: index + 1, closing: character, escapes: true)
                index = end
                kind = .string(text, closed: closed, quote: character)
            case "`":
                let (text, end, closed) = quoted(characters, from: index + 1, closing: "`", escapes: false)
                index = end
                kind = .quotedName(text, closed: closed)
            case "$", "@":
                index += 1
                while index < characters.count,
                      isNameCharacter(characters[index]) || "-:T".contains(characters[index]) {
                    index += 1
                }
                kind = index - start > 1 ? .literal : .symbol(String(character))
            default:
                if character.isNumber {
                    while index < characters.count,
                          isNameCharacter(characters[index]) || characters[index] == "." || characters[index] == "%" {
                        index += 1
                    }
                    kind = .literal
                } else if isNameCharacter(character) {
                    while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
                    kind = .word(String(characters[start..<index]))
                } else if index + 1 < characters.count,
                          twoCharacterSymbols.contains(String(characters[index...index + 1])) {
                    index += 2
                    kind = .symbol(String(characters[start..<index]))
                } else {
                    index += 1
                    kind = .symbol(String(character))
                }
            }
            tokens.append(CompletionToken(kind: kind, range: start..<index))
        }
        return tokens
    }

    /// Reads up to the closing character; returns the text, the index after it, and whether it closed.
    private static func quoted(
        _ characters: [Character], from start: Int, closing: Character, escapes: Bool
    ) -> (String, Int, Bool) {
        var text = ""
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == closing { return (text, index + 1, true) }
            if escapes, character == "\\", index + 1 < characters.count {
                text += unescaped(characters[index + 1])
                index += 2
                continue
            }
            text.append(character)
            index += 1
        }
        return (text, index, false)
    }

    /// The lexer's escapes: known ones become their character, others stay as written.
    private static func unescaped(_ character: Character) -> String {
        switch character {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "\"", "'", "\\": return String(character)
        default: return "\\" + String(character)
        }
    }

    /// A value written inside a string with `quote`, escaped the way the lexer reads it back.
    static func escaped(_ value: String, quote: Character) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case quote: result += "\\" + String(quote)
            default: result.append(character)
            }
        }
        return result
    }

    /// The tokens of the statement the cursor is in: those after the last `;`.
    static func currentStatement(_ tokens: [CompletionToken]) -> ArraySlice<CompletionToken> {
        guard let last = tokens.lastIndex(where: { $0.isSymbol(";") }) else { return tokens[...] }
        return tokens[(last + 1)...]
    }
}
