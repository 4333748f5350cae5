/// Turns a field's bytes into the value stored for a column's logical type.
enum FieldConverter {
    /// A field converted for storage.
    enum Converted {
        case null
        case integer(Int64)
        case real(Double)
        /// Store the field's bytes as they are (text, and ISO dates).
        case fieldText
        /// A datetime: the field's first 10 bytes are the date; the time is normalized to `HH:mm:ss`.
        case dateTime(hour: Int, minute: Int, second: Int)
        case failure(Failure)
    }

    enum Failure {
        case invalid
        /// A decimal with more non-zero places than the column keeps: loads never round.
        case tooManyDecimals(Int)
        /// A number beyond 64-bit integers.
        case outOfRange
    }

    static func convert(_ field: UnsafeBufferPointer<UInt8>, to type: LogicalType) -> Converted {
        guard !field.isEmpty else { return .null }
        switch type {
        case .text, .null:
            return .fieldText
        case .integer:
            return integer(field)
        case .decimal(let scale):
            return decimal(field, scale: scale)
        case .date:
            return FieldSyntax.isDate(field) ? .fieldText : .failure(.invalid)
        case .datetime:
            if let time = FieldSyntax.dateTime(field) { return .dateTime(hour: time.hour, minute: time.minute, second: time.second) }
            return FieldSyntax.isDate(field) ? .dateTime(hour: 0, minute: 0, second: 0) : .failure(.invalid)
        case .bool:
            if let value = FieldSyntax.bool(field) { return .integer(value ? 1 : 0) }
            if field.count == 1, field[0] == UInt8(ascii: "0") || field[0] == UInt8(ascii: "1") {
                return .integer(Int64(field[0] &- 48))
            }
            return .failure(.invalid)
        case .number:
            // Rare (only when asked for): a String per value is acceptable here.
            let text = String(decoding: field, as: UTF8.self)
            guard let value = Double(text), value.isFinite, text.first.map({ !$0.isWhitespace }) ?? false else {
                return .failure(.invalid)
            }
            return .real(value)
        }
    }

    /// `[+-]digits`, leading zeros allowed (the user asked for a number).
    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Converted {
        var index = 0
        let negative = field[0] == UInt8(ascii: "-")
        if negative || field[0] == UInt8(ascii: "+") { index = 1 }
        guard index < field.count else { return .failure(.invalid) }
        var value: Int64 = 0
        var overflow = false
        while index < field.count {
            let byte = field[index]
            guard FieldSyntax.isDigit(byte) else { return .failure(.invalid) }
            // Accumulate negatively so that Int64.min fits.
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(byte &- 48))
            value = next
            overflow = overflow || o1 || o2
            index += 1
        }
        if overflow { return .failure(.outOfRange) }
        if negative { return .integer(value) }
        return value == Int64.min ? .failure(.outOfRange) : .integer(-value)
    }

    /// `[+-]digits[.digits]` as integer units of `scale` places, exactly.
    static func decimal(_ field: UnsafeBufferPointer<UInt8>, scale: Int) -> Converted {
        var index = 0
        let negative = field[0] == UInt8(ascii: "-")
        if negative || field[0] == UInt8(ascii: "+") { index = 1 }
        var units: Int64 = 0
        var overflow = false
        var digits = 0
        var places = -1  // -1 until the point is seen
        var excess = false
        while index < field.count {
            let byte = field[index]
            index += 1
            if byte == UInt8(ascii: "."), places < 0 {
                places = 0
                continue
            }
            guard FieldSyntax.isDigit(byte) else { return .failure(.invalid) }
            digits += 1
            if places >= 0 {
                places += 1
                if places > scale {
                    if byte != UInt8(ascii: "0") { excess = true }
                    continue
                }
            }
            let (shifted, o1) = units.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(byte &- 48))
            units = next
            overflow = overflow || o1 || o2
        }
        guard digits > 0, places != 0 else { return .failure(.invalid) }
        if excess { return .failure(.tooManyDecimals(places)) }
        let missing = scale - max(places, 0)
        if missing > 0 {
            let (scaled, o) = units.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(missing))
            units = scaled
            overflow = overflow || o
        }
        if overflow { return .failure(.outOfRange) }
        if negative { return .integer(units) }
        return units == Int64.min ? .failure(.outOfRange) : .integer(-units)
    }
}
