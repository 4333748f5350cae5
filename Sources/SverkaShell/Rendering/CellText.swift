import SverkaEngine
import SverkaSyntax

/// How a value reads in output meant for people (table and markdown).
enum CellText {
    /// Money with thousands separators and its full scale, nulls as `nullText`, dates ISO.
    static func display(_ value: Value, nullText: String) -> String {
        switch value {
        case .null: return nullText
        case .decimal(let decimal): return decimal.formatted(groupingSeparator: ",")
        default: return value.description
        }
    }

    /// Whether a column lines up on the right: numbers do. An untyped column (raw SQL, all
    /// nulls) is judged by its values.
    static func isRightAligned(_ type: LogicalType, values: some Sequence<Value>) -> Bool {
        if type.isNumeric { return true }
        guard type == .null else { return false }
        var sawNumber = false
        for value in values where !value.isNull {
            guard value.type.isNumeric else { return false }
            sawNumber = true
        }
        return sawNumber
    }

    /// One line of text: a line break would tear a table row apart, so it shows as `↵`,
    /// a tab as a space, other control characters as `�`.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\r", "\n": result += "↵"
            case "\t": result += " "
            case _ where isControl(scalar): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// Text no wider than `limit` display columns; longer text is cut and ends in `…`.
    static func truncated(_ text: String, toWidth limit: Int) -> String {
        guard DisplayWidth.of(text) > limit else { return text }
        var result = ""
        var width = 0
        // Whole characters, so a combining accent never loses its letter.
        for character in text {
            let characterWidth = character.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            if width + characterWidth > limit - 1 { break }
            result.append(character)
            width += characterWidth
        }
        return result + "…"
    }
}
