/// Reads amounts and dates as people write them in exports, for text columns that must become
/// money or dates after loading (`decimal(x)`, `date(x)`, and the role mapping that uses them).
///
/// Stricter than SQLite's own casts on purpose: `CAST('1 234,50' AS REAL)` is 1.0 and
/// `date('2026-02-30')` is 2026-03-02; here both are "not a value" (nil), so the caller can
/// count and show them instead of storing a wrong figure.
public enum TextConversion {
    /// Characters written between digit groups: spaces, the no-break spaces spreadsheets and
    /// 1C put in `1 234 567,00`, and the thin space.
    static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// `1234.5`, `-1 234,50`, `1,234.50`, `1.234,50`, `+7` as an exact decimal of `scale`
    /// places, rounded half away from zero when it has more; nil for anything else, for blank
    /// text, and for a value that does not fit 64 bits.
    ///
    /// One separator is the decimal separator (`1,5` is one and a half, as Russian exports mean
    /// it) unless it occurs more than once (`1,234,567`); with both, the last one is.
    public static func decimal(_ text: Substring, scale: Int) -> ExactDecimal? {
        var characters = Array(text.trimmingWhitespace)
        guard !characters.isEmpty, (0...LogicalType.maximumScale).contains(scale) else { return nil }
        characters.removeAll { groupSpaces.contains($0) }
        if characters.first == "\u{2212}" { characters[0] = "-" }  // a typographic minus
        let points = characters.filter { $0 == "." }.count, commas = characters.filter { $0 == "," }.count
        let decimalSeparator: Character?
        switch (points, commas) {
        case (0, 0): decimalSeparator = nil
        case (_, 0): decimalSeparator = points == 1 ? "." : nil
        case (0, _): decimalSeparator = commas == 1 ? "," : nil
        default: decimalSeparator = characters.last { $0 == "." || $0 == "," }
        }
        // Grouping marks may only come before the decimal separator, which becomes a point.
        let separatorAt = decimalSeparator.flatMap { characters.lastIndex(of: $0) }
        var plain = ""
        for (index, character) in characters.enumerated() {
            if index == separatorAt {
                plain.append(".")
            } else if character == "." || character == "," {
                // A grouping mark: the other separator, and only before the decimal one.
                if let separatorAt, index > separatorAt || character == decimalSeparator { return nil }
            } else {
                plain.append(character)
            }
        }
        guard let value = ExactDecimal(parsing: Substring(plain)) else { return nil }
        return value.rescaled(to: scale)
    }

    /// A plain number — optional sign, digits with at most one point, an optional exponent
    /// (`12`, `-1.5`, `.5`, `5.`, `2e3`), spaces around allowed — as a double; nil otherwise.
    public static func number(_ text: Substring) -> Double? {
        let trimmed = text.trimmingWhitespace
        var bytes = Array(trimmed.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? bytes.endIndex
        let mantissa = bytes[..<mantissaEnd]
        guard mantissa.contains(where: isDigit), mantissa.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
              mantissa.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) else { return nil }
        if mantissaEnd < bytes.endIndex {
            var exponent = bytes[(mantissaEnd + 1)...]
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else { return nil }
        }
        return Double(String(trimmed))
    }

    /// `yyyy-MM-dd` or `dd.MM.yyyy` (day and month may have one digit), either optionally
    /// followed by a time of day, which is dropped; nil for anything else and for days that
    /// do not exist.
    public static func date(_ text: Substring) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace
        if let date = CalendarDate(iso: trimmed) { return date }
        if let moment = CalendarDateTime(iso: trimmed) { return moment.date }
        let dayPart = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard dayPart.count == 1 || isTime(dayPart[1]) else { return nil }
        let parts = dayPart[0].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `H:mm`, `HH:mm` or `HH:mm:ss`, as 1C writes after a date (`05.11.2026 0:00:00`).
    private static func isTime(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return false }
        let second = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        return hour < 24 && minute < 60 && second <= 60
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension Substring {
    /// Without leading and trailing whitespace (no-break spaces included).
    fileprivate var trimmingWhitespace: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...last]
    }
}
