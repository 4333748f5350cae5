/// A date without a time or zone, as accounting means it.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// nil when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd` exactly.
    public init?(iso text: Substring) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CalendarDate.number(bytes[0..<4]), let month = CalendarDate.number(bytes[5..<7]),
              let day = CalendarDate.number(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyy-MM-dd`, the form it is stored in.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date with a time of day (seconds precision), no zone.
public struct CalendarDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `yyyy-MM-dd HH:mm[:ss]` or with a `T` between date and time.
    public init?(iso text: Substring) {
        guard text.count >= 16 else { return nil }
        let bytes = Array(text.utf8)
        guard let date = CalendarDate(iso: Substring(String(decoding: bytes[0..<10], as: UTF8.self))),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"),
              let hour = CalendarDate.number(bytes[11..<13]),
              let minute = CalendarDate.number(bytes[14..<16]) else { return nil }
        var second = 0
        if bytes.count != 16 {
            guard bytes.count == 19, bytes[16] == UInt8(ascii: ":"),
                  let parsed = CalendarDate.number(bytes[17..<19]) else { return nil }
            second = parsed
        }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// `yyyy-MM-dd HH:mm:ss`, the form it is stored in.
    public var iso: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.iso) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDateTime, rhs: CalendarDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }
}
