/// A currency sign or code written next to an amount (`1 234,56 ₽`, `$1,234.56`, `100 EUR`),
/// stripped when the amount is read; the column's note names it.
enum CurrencyMark: UInt8, Sendable, Hashable {
    case roubleSign, roubleWord, roubleShort, rub, rur, dollarSign, usd, euroSign, eur

    /// As the note shows it: the way the file writes it.
    var text: String {
        switch self {
        case .roubleSign: return "₽"
        case .roubleWord: return "руб."
        case .roubleShort: return "р."
        case .rub: return "RUB"
        case .rur: return "RUR"
        case .dollarSign: return "$"
        case .usd: return "USD"
        case .euroSign: return "€"
        case .eur: return "EUR"
        }
    }

    /// The currency itself: marks of one currency may mix in a column, marks of two may not.
    var code: String {
        switch self {
        case .roubleSign, .roubleWord, .roubleShort, .rub, .rur: return "RUB"
        case .dollarSign, .usd: return "USD"
        case .euroSign, .eur: return "EUR"
        }
    }

    private static let prefixes: [(CurrencyMark, [UInt8])] = [
        (.roubleSign, Array("₽".utf8)), (.dollarSign, Array("$".utf8)), (.euroSign, Array("€".utf8)),
        (.rub, Array("RUB".utf8)), (.rur, Array("RUR".utf8)), (.usd, Array("USD".utf8)), (.eur, Array("EUR".utf8)),
    ]

    /// Longer spellings first, so that `руб.` is not read as `руб` and a dot.
    private static let suffixes: [(CurrencyMark, [UInt8])] = [
        (.roubleSign, Array("₽".utf8)), (.roubleWord, Array("руб.".utf8)), (.roubleWord, Array("руб".utf8)),
        (.roubleShort, Array("р.".utf8)), (.dollarSign, Array("$".utf8)), (.euroSign, Array("€".utf8)),
        (.rub, Array("RUB".utf8)), (.rur, Array("RUR".utf8)), (.usd, Array("USD".utf8)), (.eur, Array("EUR".utf8)),
    ]

    /// A mark at `field[start...]`, followed by a digit, a minus, a space or the end; its length.
    static func prefix(_ field: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (CurrencyMark, Int)? {
        let first = field[start]
        // Most fields start with a digit: one comparison rules every mark out.
        guard first == 0x24 || first == 0xE2 || first == UInt8(ascii: "R") || first == UInt8(ascii: "U")
              || first == UInt8(ascii: "E") else { return nil }
        for (mark, bytes) in prefixes where matches(bytes, field, at: start, end: end) {
            let after = start + bytes.count
            if after == end || !letterStarts(field, at: after) { return (mark, bytes.count) }
        }
        return nil
    }

    /// A mark ending at `end`, not glued to a word before it; its length.
    static func suffix(_ field: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (CurrencyMark, Int)? {
        let last = field[end - 1]
        guard last == 0xBD || last == 0xAC || last == 0x24 || last == UInt8(ascii: ".") || last == 0xB1
              || last >= UInt8(ascii: "B") && last <= UInt8(ascii: "R") else { return nil }
        for (mark, bytes) in suffixes where matches(bytes, field, at: end - bytes.count, end: end) && end - bytes.count >= start {
            let before = end - bytes.count
            if before == start || !letterEnds(field, before: before, start: start) { return (mark, bytes.count) }
        }
        return nil
    }

    @inline(__always)
    private static func matches(_ bytes: [UInt8], _ field: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        guard start >= 0, end - start >= bytes.count else { return false }
        for index in 0..<bytes.count where field[start + index] != bytes[index] { return false }
        return true
    }

    /// A Latin letter, or a Cyrillic one (lead byte D0 or D1), starts at `index`.
    private static func letterStarts(_ field: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = field[index]
        return isLatin(byte) || byte == 0xD0 || byte == 0xD1
    }

    /// A Latin or Cyrillic letter ends just before `index`.
    private static func letterEnds(_ field: UnsafeBufferPointer<UInt8>, before index: Int, start: Int) -> Bool {
        let byte = field[index - 1]
        if isLatin(byte) { return true }
        return byte & 0xC0 == 0x80 && index - 2 >= start && (field[index - 2] == 0xD0 || field[index - 2] == 0xD1)
    }

    @inline(__always)
    private static func isLatin(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
