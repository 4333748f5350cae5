/// A date, or a date and time, as a locale writes it: `2026-11-30`, `30.11.2026`, `30.11.26`,
/// `11/30/2026`, each optionally followed by a time `H:mm` or `H:mm:ss` (ISO also with `T`).
struct LocaleDate {
    enum Family: UInt8, Sendable {
        /// `yyyy-MM-dd`
        case iso
        /// `dd.MM.yyyy`, `dd.MM.yy`
        case dotted
        /// `MM/dd/yyyy` or `dd/MM/yyyy`: which one, only other values (or the option) can tell.
        case slashed
    }

    var family: Family
    var year: Int
    /// Day and month for ISO and dotted dates; for slashed ones the first and second numbers.
    var first: Int
    var second: Int
    var time: (hour: Int, minute: Int, second: Int)?
    var shortYear = false
    /// For slashed dates: whether the numbers make a real date read day first, and month first.
    var dayFirstValid = true
    var monthFirstValid = true

    /// The date as (year, month, day), read month first or day first for slashed dates.
    func ymd(monthFirst: Bool) -> (Int, Int, Int) {
        switch family {
        case .iso, .dotted: return (year, second, first)
        case .slashed: return monthFirst ? (year, first, second) : (year, second, first)
        }
    }

    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> LocaleDate? {
        let count = field.count
        guard count >= 6, FieldSyntax.isDigit(field[0]) else { return nil }
        if count >= 10, field[4] == UInt8(ascii: "-") { return iso(field) }
        var index = 0
        guard let a = number(field, &index, maxDigits: 2), index < count else { return nil }
        let mark = field[index]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: "/") else { return nil }
        index += 1
        guard let b = number(field, &index, maxDigits: 2), index < count, field[index] == mark else { return nil }
        index += 1
        let yearStart = index
        guard let writtenYear = number(field, &index, maxDigits: 4) else { return nil }
        let yearDigits = index - yearStart
        guard yearDigits == 2 || yearDigits == 4 else { return nil }
        // Two-digit years as POSIX strptime reads them: 69–99 are 1900s, 00–68 the 2000s.
        let year = yearDigits == 4 ? writtenYear : writtenYear + (writtenYear >= 69 ? 1900 : 2000)
        guard year >= 1 else { return nil }
        var date = LocaleDate(family: mark == UInt8(ascii: ".") ? .dotted : .slashed, year: year, first: a, second: b)
        date.shortYear = yearDigits == 2
        if index < count {
            guard field[index] == UInt8(ascii: " ") else { return nil }
            index += 1
            guard let time = time(field, &index), index == count else { return nil }
            date.time = time
        }
        if date.family == .dotted {
            return valid(year: year, month: b, day: a) ? date : nil
        }
        date.dayFirstValid = valid(year: year, month: b, day: a)
        date.monthFirstValid = valid(year: year, month: a, day: b)
        return date.dayFirstValid || date.monthFirstValid ? date : nil
    }

    /// `yyyy-MM-dd`, then nothing or a time after a space or `T`.
    private static func iso(_ field: UnsafeBufferPointer<UInt8>) -> LocaleDate? {
        guard FieldSyntax.isDate(field, at: 0), let year = FieldSyntax.number(field, 0, 4),
              let month = FieldSyntax.number(field, 5, 2), let day = FieldSyntax.number(field, 8, 2) else { return nil }
        var date = LocaleDate(family: .iso, year: year, first: day, second: month)
        guard field.count > 10 else { return date }
        guard field[10] == UInt8(ascii: " ") || field[10] == UInt8(ascii: "T") else { return nil }
        var index = 11
        // ISO times have two-digit hours; a fraction of a second is not read.
        guard index + 1 < field.count, FieldSyntax.isDigit(field[index + 1]),
              let time = time(field, &index), index == field.count else { return nil }
        date.time = time
        return date
    }

    /// `H:mm` or `H:mm:ss` (hours 0–23, one or two digits).
    private static func time(_ field: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> (hour: Int, minute: Int, second: Int)? {
        guard let hour = number(field, &index, maxDigits: 2), hour < 24, index < field.count,
              field[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        let minuteStart = index
        guard let minute = number(field, &index, maxDigits: 2), index - minuteStart == 2, minute < 60 else { return nil }
        guard index < field.count, field[index] == UInt8(ascii: ":") else { return (hour, minute, 0) }
        index += 1
        let secondStart = index
        guard let second = number(field, &index, maxDigits: 2), index - secondStart == 2, second <= 60 else { return nil }
        return (hour, minute, second)
    }

    /// 1…`maxDigits` digits at `index`, which moves past them.
    @inline(__always)
    private static func number(_ field: UnsafeBufferPointer<UInt8>, _ index: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        let start = index
        while index < field.count, index - start < maxDigits, FieldSyntax.isDigit(field[index]) {
            value = value * 10 + Int(field[index] &- 48)
            index += 1
        }
        return index > start ? value : nil
    }

    private static func valid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// Writes `yyyy-MM-dd` (10 bytes), or `yyyy-MM-dd HH:mm:ss` (19) when `withTime`.
    static func write(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int)?, withTime: Bool,
                      into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(48 + year / 1000 % 10)
        out[1] = UInt8(48 + year / 100 % 10)
        out[2] = UInt8(48 + year / 10 % 10)
        out[3] = UInt8(48 + year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(48 + month / 10)
        out[6] = UInt8(48 + month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(48 + day / 10)
        out[9] = UInt8(48 + day % 10)
        guard withTime else { return 10 }
        let (hour, minute, second) = time ?? (0, 0, 0)
        out[10] = UInt8(ascii: " ")
        out[11] = UInt8(48 + hour / 10); out[12] = UInt8(48 + hour % 10)
        out[13] = UInt8(ascii: ":")
        out[14] = UInt8(48 + minute / 10); out[15] = UInt8(48 + minute % 10)
        out[16] = UInt8(ascii: ":")
        out[17] = UInt8(48 + second / 10); out[18] = UInt8(48 + second % 10)
        return 19
    }
}
