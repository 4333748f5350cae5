/// Byte-level recognisers for the value forms a CSV field can take, shared by inference and conversion.
enum FieldSyntax {
    /// What a field looks like as a number, by the strict rules of inference.
    enum NumberShape {
        /// `-?\d+` without leading zeros; `magnitude` fits Int64 for its sign.
        case integer(magnitude: UInt64)
        /// `-?\d+\.\d+` with 1…9 fraction digits; `integerPart` is the magnitude before the point.
        case decimal(integerPart: UInt64, scale: Int)
        /// Digits with a leading zero (`007701234567`, `01.5`): an identifier, not a number.
        case leadingZero
        /// Digits that do not fit 64 bits (a 20-digit bank account).
        case tooLarge
        /// More than `LogicalType.maximumScale` digits after the point.
        case tooManyDecimals
        case notNumber
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    static func numberShape(_ field: UnsafeBufferPointer<UInt8>) -> NumberShape {
        let count = field.count
        var index = 0
        let negative = field[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < count, isDigit(field[index]) else { return .notNumber }
        let integerStart = index
        var magnitude: UInt64 = 0
        var overflow = false
        while index < count, isDigit(field[index]) {
            let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(field[index] &- 48))
            magnitude = sum
            overflow = overflow || o1 || o2
            index += 1
        }
        let leadingZero = index - integerStart > 1 && field[integerStart] == UInt8(ascii: "0")
        if index == count {
            if leadingZero { return .leadingZero }
            let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
            return overflow || magnitude > limit ? .tooLarge : .integer(magnitude: magnitude)
        }
        guard field[index] == UInt8(ascii: ".") else { return .notNumber }
        index += 1
        let fractionStart = index
        while index < count, isDigit(field[index]) { index += 1 }
        guard index == count, index > fractionStart else { return .notNumber }
        if leadingZero { return .leadingZero }
        if overflow || magnitude > UInt64(Int64.max) { return .tooLarge }
        let scale = index - fractionStart
        return scale > LogicalType.maximumScale ? .tooManyDecimals : .decimal(integerPart: magnitude, scale: scale)
    }

    /// `yyyy-MM-dd`, a day that exists.
    static func isDate(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.count == 10 && isDate(field, at: 0)
    }

    static func isDate(_ field: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard field[start + 4] == UInt8(ascii: "-"), field[start + 7] == UInt8(ascii: "-"),
              let year = number(field, start, 4), let month = number(field, start + 5, 2),
              let day = number(field, start + 8, 2) else { return false }
        return year >= 1 && (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// `yyyy-MM-dd HH:mm[:ss]`, or with `T`: the time's hour, minute and second when valid.
    static func dateTime(_ field: UnsafeBufferPointer<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        let count = field.count
        guard count == 16 || count == 19, isDate(field, at: 0),
              field[10] == UInt8(ascii: " ") || field[10] == UInt8(ascii: "T"), field[13] == UInt8(ascii: ":"),
              let hour = number(field, 11, 2), let minute = number(field, 14, 2), hour < 24, minute < 60 else { return nil }
        guard count == 19 else { return (hour, minute, 0) }
        guard field[16] == UInt8(ascii: ":"), let second = number(field, 17, 2), second <= 60 else { return nil }
        return (hour, minute, second)
    }

    /// `true` / `false` in any case.
    static func bool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard field.count == word.utf8CodeUnitCount else { return false }
            let letters = word.utf8Start
            for index in 0..<field.count where field[index] | 0x20 != letters[index] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    @inline(__always)
    static func number(_ field: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for index in start..<(start + length) {
            let byte = field[index]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte &- 48)
        }
        return value
    }
}
