import Foundation

/// A cell's stored value as field text for inference: what the user sees in Excel, exactly.
enum XLSXCellValue {
    /// Excel keeps 15 significant digits and shows no more; the 16th and 17th of a stored double
    /// are binary noise (`0.30000000000000004`).
    static let significantDigits = 15

    /// A number cell's text under its format: dates and times from serials, money padded to the
    /// places its format shows (`12345.6` under `0.00` is `12345.60`), other numbers plain.
    static func number(_ raw: String, format: XLSXNumberFormat, date1904: Bool) -> String {
        if format.isTemporal, let serial = Double(raw) {
            let text: String?
            switch format {
            case .date: text = XLSXDateSerial.dateText(serial, date1904: date1904)
            case .time: text = serial >= 1 ? XLSXDateSerial.dateText(serial, date1904: date1904) : XLSXDateSerial.timeText(serial)
            default: text = XLSXDateSerial.durationText(serial)
            }
            // A serial that is no real day stays the number it is, so the column shows it.
            if let text { return text }
        }
        let plain = RowTableNumberText.plain(raw, significantDigits: significantDigits)
        guard case .fixed(let decimals) = format, decimals > 0 else { return plain }
        return padded(plain, to: decimals)
    }

    /// Adds zeros up to `decimals` places; never removes any, so nothing is rounded.
    static func padded(_ number: String, to decimals: Int) -> String {
        guard number.utf8.allSatisfy({ $0 &- 48 < 10 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            return number
        }
        if let point = number.firstIndex(of: ".") {
            let places = number.distance(from: number.index(after: point), to: number.endIndex)
            return places >= decimals ? number : number + String(repeating: "0", count: decimals - places)
        }
        return number + "." + String(repeating: "0", count: decimals)
    }

    /// A `t="d"` cell's ISO 8601 text (`2026-01-05T10:30:00Z`) in sverka's date or datetime form.
    static func isoDate(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        if text.hasSuffix("Z") { text.removeLast() }
        guard text.count >= 19 else { return text }
        let time = text.dropFirst(11).prefix(8)
        return time == "00:00:00" ? String(text.prefix(10)) : String(text.prefix(19))
    }

    /// The text without surrounding spaces; the text itself (no copy, no bridging) when it has none,
    /// which is every `<v>` Excel writes.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == UInt8(ascii: " ") || last == UInt8(ascii: " ") || first < 0x20 || last < 0x20 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `C` → 2, `AA` → 26; the letters of a reference like `C5`.
    static func columnIndex(ofReference reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
        }
        guard letters > 0, letters <= 3 else { return nil }
        return index - 1
    }

    /// 2 → `C`, 26 → `AA`.
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
}
