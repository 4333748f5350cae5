/// Writing pipeline source text: a role's definition is stored as text that the compiler
/// parses again wherever the role is used, so every name and string in it must read back as
/// exactly what it was.
enum PipelineText {
    /// Words that cannot name a column bare: operators, literals and step keywords.
    private static let reserved: Set<String> = [
        "and", "or", "not", "in", "between", "is", "true", "false", "null",
        "where", "select", "derive", "join", "left", "group", "sort", "take", "distinct", "append", "from", "as",
    ]

    /// A column name as the language reads it: bare when it is a plain word, else back-quoted
    /// (`` `Сумма с НДС` ``). nil for the rare name no pipeline can write (a back-quote or a
    /// line break in it).
    static func name(_ column: String) -> String? {
        guard !column.isEmpty, !column.contains("`"), !column.contains(where: \.isNewline) else { return nil }
        return isPlain(column) ? column : "`\(column)`"
    }

    /// A string literal: double quotes, with `"` and `\` escaped.
    static func string(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// ASCII letters, digits, `_` and Russian letters, not starting with a digit: what the
    /// lexer reads as one word whatever else it accepts.
    private static func isPlain(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
              !reserved.contains(name.lowercased()) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || (0x0410...0x044F).contains(scalar.value) || scalar.value == 0x0401 || scalar.value == 0x0451
        }
    }
}
