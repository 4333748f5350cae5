/// Turns a CSV field into the value stored for its column, reading the column's locale format:
/// decimal commas and thousands groups, currency marks, accounting negatives, `dd.MM.yyyy`
/// dates, да/нет. ISO values take the foundation's `FieldConverter`, the fast path.
enum LocaleFieldConverter {
    /// A field converted for storage.
    enum Stored {
        case null
        case integer(Int64)
        case real(Double)
        /// The field's own bytes from `offset` on (1 drops a formula guard's `'`).
        case text(offset: Int)
        /// `count` bytes written into the column's scratch slot (a date normalized to ISO).
        case scratch(count: Int)
        case failure(FieldConverter.Failure)
    }

    /// Bytes a column's scratch slot needs: `yyyy-MM-dd HH:mm:ss`.
    static let scratchSize = 19

    @inline(__always)
    static func convert(_ field: UnsafeBufferPointer<UInt8>, _ format: FieldFormat,
                        scratch: UnsafeMutablePointer<UInt8>) -> Stored {
        guard !field.isEmpty else { return .null }
        switch format.type {
        case .text, .null:
            return .text(offset: !format.verbatim && FormulaGuardText.isGuarded(field) ? 1 : 0)
        case .integer, .decimal, .number:
            return number(field, format)
        case .date, .datetime:
            return temporal(field, format, scratch: scratch)
        case .bool:
            if let (value, _) = BoolWords.value(field) { return .integer(value ? 1 : 0) }
            if field.count == 1, field[0] == UInt8(ascii: "0") || field[0] == UInt8(ascii: "1") {
                return .integer(Int64(field[0] &- 48))
            }
            return .failure(.invalid)
        }
    }

    static func number(_ field: UnsafeBufferPointer<UInt8>, _ format: FieldFormat) -> Stored {
        if format.decimal == UInt8(ascii: ".") {
            switch FieldConverter.convert(field, to: format.type) {
            case .integer(let value): return .integer(value)
            case .real(let value): return .real(value)
            case .failure(.outOfRange): return .failure(.outOfRange)
            case .failure(.tooManyDecimals(let places)): return .failure(.tooManyDecimals(places))
            default: break  // not ISO: try the locale forms
            }
        }
        switch LocaleNumberParser.parse(field, decimal: format.decimal, thousands: format.thousands, converting: true) {
        case .number(let number):
            switch format.type {
            case .integer: return stored(number.units(scale: 0))
            case .decimal(let scale): return stored(number.units(scale: scale))
            default: return .real(number.double)
            }
        case .tooLarge: return .failure(.outOfRange)
        case .tooManyDecimals: return .failure(.tooManyDecimals(LogicalType.maximumScale + 1))
        case .leadingZero, .notNumber: return .failure(.invalid)
        }
    }

    private static func stored(_ converted: FieldConverter.Converted) -> Stored {
        switch converted {
        case .integer(let value): return .integer(value)
        case .failure(let failure): return .failure(failure)
        default: return .failure(.invalid)
        }
    }

    static func temporal(_ field: UnsafeBufferPointer<UInt8>, _ format: FieldFormat,
                         scratch: UnsafeMutablePointer<UInt8>) -> Stored {
        let withTime = format.type == .datetime
        if format.dateFamily == .iso {
            switch FieldConverter.convert(field, to: format.type) {
            case .fieldText: return .text(offset: 0)
            case .dateTime(let hour, let minute, let second):
                guard let year = FieldSyntax.number(field, 0, 4), let month = FieldSyntax.number(field, 5, 2),
                      let day = FieldSyntax.number(field, 8, 2) else { return .failure(.invalid) }
                return .scratch(count: LocaleDate.write(year: year, month: month, day: day, time: (hour, minute, second),
                                                        withTime: true, into: scratch))
            default: return .failure(.invalid)
            }
        }
        guard let date = LocaleDate.parse(field), date.family == format.dateFamily,
              withTime || date.time == nil else { return .failure(.invalid) }
        if date.family == .slashed, !(format.monthFirst ? date.monthFirstValid : date.dayFirstValid) { return .failure(.invalid) }
        let (year, month, day) = date.ymd(monthFirst: format.monthFirst)
        return .scratch(count: LocaleDate.write(year: year, month: month, day: day, time: date.time, withTime: withTime,
                                                into: scratch))
    }
}
