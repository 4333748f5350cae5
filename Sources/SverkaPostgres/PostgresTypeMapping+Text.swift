import SverkaEngine

extension PostgresTypeMapping {
    /// A cell's text, as PostgreSQL writes it for `…::text` in a session set up by
    /// `PostgresServer.connect` (ISO dates), in the form sverka stores `type` in; nil when the
    /// text is no value of that type here: a decimal that does not fit 64-bit minor units or
    /// would lose places, `NaN` or `infinity` for a decimal or date, a year outside 1–9999.
    ///
    /// Decimals are read digit by digit, never through a binary float. A datetime keeps whole
    /// seconds: fractions are dropped, and a `timestamptz`'s offset too (the value is the wall
    /// clock of the session's time zone). A bool is `t`/`f` (or `true`/`false`, as `bool::text`
    /// spells it).
    public static func textToValue(_ text: String, as type: LogicalType) -> StoredValue? {
        switch type {
        case .integer:
            return Int64(text).map(StoredValue.integer)
        case .decimal(let scale):
            return decimalUnits(text, scale: scale).map(StoredValue.integer)
        case .number:
            return Double(text).map(StoredValue.real)
        case .text, .null:
            return .text(text)
        case .date:
            return CalendarDate(iso: Substring(text)).map { .text($0.iso) }
        case .datetime:
            return dateTime(text).map { .text($0.iso) }
        case .bool:
            switch text {
            case "t", "true": return .integer(1)
            case "f", "false": return .integer(0)
            default: return nil
            }
        }
    }

    /// The number of decimal places `text` is written with (`-12.50` → 2, `7` → 0); nil when it
    /// is not a plain decimal (`NaN`). For a `numeric` without a declared scale, the caller
    /// takes the largest over the values.
    public static func scale(ofNumericText text: String) -> Int? {
        guard let parts = DecimalText(text) else { return nil }
        return parts.fraction.count
    }

    /// `-1234.5` as units of `10^-scale` (`-123450` at scale 2); nil when it does not fit or
    /// has non-zero digits beyond `scale`.
    static func decimalUnits(_ text: String, scale: Int) -> Int64? {
        guard let parts = DecimalText(text), scale >= 0 else { return nil }
        let kept = parts.fraction.prefix(scale)
        guard parts.fraction.dropFirst(scale).allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        var units: Int64 = 0
        // Accumulated with the sign so that the most negative value fits too.
        let sign: Int64 = parts.negative ? -1 : 1
        for digit in parts.whole + kept + Array(repeating: UInt8(ascii: "0"), count: scale - kept.count) {
            let (shifted, overflowed) = units.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = shifted.addingReportingOverflow(sign * Int64(digit - UInt8(ascii: "0")))
            if overflowed || overflowedAgain { return nil }
            units = sum
        }
        return units
    }

    /// `2026-11-30 14:05:09`, optionally with a fraction of a second and a zone offset
    /// (`.123456+03`, `-05:30`), or a bare date taken at midnight.
    static func dateTime(_ text: String) -> CalendarDateTime? {
        let bytes = Array(text.utf8)
        if bytes.count == 10 {
            return CalendarDate(iso: Substring(text)).flatMap { CalendarDateTime(date: $0, hour: 0, minute: 0, second: 0) }
        }
        guard bytes.count >= 19, let moment = CalendarDateTime(iso: Substring(String(decoding: bytes[..<19], as: UTF8.self))) else {
            return nil
        }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix { isDigit($0) }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
        }
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            // `+03`, `+05:30`, `-03:00:00`: two digits, then pairs after colons.
            rest = rest.dropFirst()
            var groups = 0
            repeat {
                if groups > 0 {
                    guard rest.first == UInt8(ascii: ":") else { return nil }
                    rest = rest.dropFirst()
                }
                guard rest.count >= 2, isDigit(rest[rest.startIndex]), isDigit(rest[rest.startIndex + 1]) else { return nil }
                rest = rest.dropFirst(2)
                groups += 1
            } while !rest.isEmpty && groups < 3
        }
        return rest.isEmpty ? moment : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// A decimal as PostgreSQL writes numeric: an optional sign, digits, optionally `.` and digits.
private struct DecimalText {
    var negative: Bool
    var whole: [UInt8]
    var fraction: [UInt8]

    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        whole = Array(bytes.prefix(while: isDigit))
        bytes = bytes.dropFirst(whole.count)
        fraction = []
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = Array(bytes.prefix(while: isDigit))
            bytes = bytes.dropFirst(fraction.count)
        }
        guard bytes.isEmpty, !whole.isEmpty || !fraction.isEmpty else { return nil }
    }
}
