/// Reads a field as a locale number under one decimal separator, from the outside in: spaces,
/// accounting parentheses, a minus before or after, a currency before or after, then digit
/// groups. Thousands groups must be exact (1–3 digits, then threes), so `601 21 28` or
/// `12.05.2026` are never numbers.
enum LocaleNumberParser {
    /// `converting`: the type is settled, so leading zeros (`007`) and long zero tails are fine;
    /// inference leaves them out, since they mark identifiers.
    static func parse(_ field: UnsafeBufferPointer<UInt8>, decimal: UInt8, thousands: ThousandsRule,
                      converting: Bool = false) -> LocaleNumber.Outcome {
        var number = LocaleNumber()
        var start = 0
        var end = field.count
        trim(field, &start, &end)
        guard start < end else { return .notNumber }
        if field[start] == UInt8(ascii: "(") {
            guard end - start >= 3, field[end - 1] == UInt8(ascii: ")") else { return .notNumber }
            number.negative = true
            number.features.insert(.parentheses)
            start += 1
            end -= 1
            trim(field, &start, &end)
        }
        guard takeSign(field, &start, &end, &number), start < end else { return .notNumber }
        if let (mark, length) = CurrencyMark.prefix(field, start: start, end: end) {
            number.currency = mark
            start += length
            trim(field, &start, &end)
            guard takeSign(field, &start, &end, &number), start < end else { return .notNumber }
        }
        takeTrailingMinus(field, start, &end, &number)
        guard start < end else { return .notNumber }
        if let (mark, length) = CurrencyMark.suffix(field, start: start, end: end) {
            guard number.currency == nil else { return .notNumber }
            number.currency = mark
            end -= length
            trim(field, &start, &end)
            takeTrailingMinus(field, start, &end, &number)
        }
        if number.currency != nil { number.features.insert(.currency) }
        guard start < end else { return .notNumber }
        return digits(field, start, end, decimal: decimal, thousands: thousands, converting: converting, into: number)
    }

    /// A leading minus; false when the number is negative twice over (`(-5)`, `--5`).
    @inline(__always)
    private static func takeSign(_ field: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: inout Int,
                                 _ number: inout LocaleNumber) -> Bool {
        guard start < end, field[start] == UInt8(ascii: "-") else { return true }
        guard !number.negative else { return false }
        number.negative = true
        start += 1
        trim(field, &start, &end)
        return true
    }

    @inline(__always)
    private static func takeTrailingMinus(_ field: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: inout Int,
                                          _ number: inout LocaleNumber) {
        guard end - start >= 2, field[end - 1] == UInt8(ascii: "-"), !number.negative else { return }
        number.negative = true
        number.features.insert(.trailingMinus)
        end -= 1
        var from = start
        trim(field, &from, &end)
    }

    /// Digit groups, an optional decimal separator and fraction; nothing else may remain.
    private static func digits(_ field: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8,
                               thousands: ThousandsRule, converting: Bool, into parsed: LocaleNumber) -> LocaleNumber.Outcome {
        var number = parsed
        var index = start
        guard FieldSyntax.isDigit(field[index]) else { return .notNumber }
        let first = field[index]
        var magnitude: UInt64 = 0
        var overflow = false
        var digitCount = 0
        var group = 0
        var separator: ThousandsRule = []
        while index < end {
            let byte = field[index]
            if FieldSyntax.isDigit(byte) {
                let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(byte &- 48))
                magnitude = sum
                overflow = overflow || o1 || o2
                group += 1
                digitCount += 1
                index += 1
                continue
            }
            if byte == decimal { break }
            let (kind, length) = groupSeparator(field, at: index, end: end)
            guard !kind.isEmpty, thousands.contains(kind) else { return .notNumber }
            if separator.isEmpty {
                guard group <= 3 else { return .notNumber }
                separator = kind
            } else {
                guard kind == separator, group == 3 else { return .notNumber }
            }
            group = 0
            index += length
            guard index < end, FieldSyntax.isDigit(field[index]) else { return .notNumber }
        }
        if !separator.isEmpty {
            guard group == 3 else { return .notNumber }
            number.features.insert(separator == .space ? .spaceThousands : separator == .comma ? .commaThousands : .dotThousands)
        }
        var excess = false
        if index < end {
            index += 1  // the decimal separator
            guard index < end else { return .notNumber }
            var fraction: UInt64 = 0
            var kept = 0
            while index < end {
                let byte = field[index]
                guard FieldSyntax.isDigit(byte) else { return .notNumber }
                number.writtenScale += 1
                if kept < 18 {
                    fraction = fraction * 10 + UInt64(byte &- 48)
                    kept += 1
                } else if byte != UInt8(ascii: "0") {
                    excess = true
                }
                index += 1
            }
            while kept > 0, fraction % 10 == 0 {
                fraction /= 10
                kept -= 1
            }
            number.fraction = fraction
            number.significantScale = kept
        }
        if digitCount > 1, first == UInt8(ascii: "0"), !converting { return .leadingZero }
        let limit = number.negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit { return .tooLarge }
        // As for ISO numbers: more places than a column keeps make identifier-like text; beyond
        // 18 digits only zeros can be exact.
        if excess || number.writtenScale > LogicalType.maximumScale && !converting { return .tooManyDecimals }
        number.integerPart = magnitude
        return .number(number)
    }

    /// A thousands separator at `index` and its length in bytes; empty when there is none.
    @inline(__always)
    static func groupSeparator(_ field: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (ThousandsRule, Int) {
        switch field[index] {
        case UInt8(ascii: " "): return (.space, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: "."): return (.dot, 1)
        case 0xC2 where index + 1 < end && field[index + 1] == 0xA0: return (.space, 2)
        case 0xE2 where index + 2 < end && field[index + 1] == 0x80 && field[index + 2] == 0xAF: return (.space, 3)
        default: return ([], 0)
        }
    }

    /// Moves `start` and `end` past spaces (also U+00A0, U+202F) at either side.
    @inline(__always)
    static func trim(_ field: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: inout Int) {
        while start < end {
            let (kind, length) = groupSeparator(field, at: start, end: end)
            guard kind == .space else { break }
            start += length
        }
        while end > start {
            let byte = field[end - 1]
            if byte == UInt8(ascii: " ") {
                end -= 1
            } else if byte == 0xA0, end - 2 >= start, field[end - 2] == 0xC2 {
                end -= 2
            } else if byte == 0xAF, end - 3 >= start, field[end - 3] == 0xE2, field[end - 2] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
    }
}
