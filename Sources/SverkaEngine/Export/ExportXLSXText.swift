/// Text as a worksheet holds it: XML-escaped, with the characters XML cannot carry written the
/// way Excel does (`_x0001_`), and cell references in A1 style.
enum ExportXLSXText {
    /// Element content: `&`, `<`, `>` escaped; control characters as `_xHHHH_`, and a `_` that
    /// would otherwise read as the start of such an escape written as `_x005F_`.
    static func content(_ text: String) -> String {
        let simple = text.unicodeScalars.allSatisfy { scalar in
            scalar != "&" && scalar != "<" && scalar != ">" && scalar != "_" && isAllowed(scalar)
        }
        if simple { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "_" where startsEscape(scalars, at: index): out += "_x005F_"
            case _ where !isAllowed(scalar): out += "_x" + hex4(scalar.value) + "_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Attribute values also escape quotes; names never hold control characters worth keeping.
    static func attribute(_ text: String) -> String {
        content(text).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Whether the text needs `xml:space="preserve"` to keep its spaces and line breaks.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return isSpace(first) || isSpace(last) || text.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// ASCII first, since Unicode properties are slow to look up and most text is ASCII.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : scalar.properties.isWhitespace
    }

    /// Tab, line feed and carriage return are the only controls XML 1.0 allows.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// `_xHHHH_` starting at `index`.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `A`, `Z`, `AA`, … for a 0-based column index.
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty, not
    /// starting or ending with `'` (nor, to be tidy, ending with a space).
    static func sheetName(_ name: String) -> String {
        var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        if cleaned.count > 31 { cleaned = String(cleaned.prefix(31)) }
        while cleaned.hasSuffix("'") || cleaned.hasSuffix(" ") { cleaned.removeLast() }
        return cleaned.isEmpty ? "result" : cleaned
    }
}
