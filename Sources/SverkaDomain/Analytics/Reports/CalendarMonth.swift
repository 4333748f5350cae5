import SverkaEngine

/// A month of the calendar (`2026-11`), the unit the reports count in: a value that orders,
/// steps by months, and prints as the `yyyy-MM` text the `month` columns hold (what the
/// language's `yearmonth()` gives).
public struct CalendarMonth: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// Months since the start of year 0: one number, so that months subtract and step.
    public let index: Int

    public init(year: Int, month: Int) {
        index = year * 12 + (month - 1)
    }

    public init(_ date: CalendarDate) {
        self.init(year: date.year, month: date.month)
    }

    init(index: Int) {
        self.index = index
    }

    /// Reads `2026-11`; nil for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }

    /// The month's first day. Months come from real dates, so it exists; the fallback only
    /// keeps a month made of a year outside 1…9999 from trapping.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) ?? CalendarDate(dayNumber: 0) }
    public var lastDay: CalendarDate { advanced(by: 1).firstDay.adding(days: -1) }

    /// `2026-11`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.index < rhs.index }

    public func distance(to other: CalendarMonth) -> Int { other.index - index }

    public func advanced(by months: Int) -> CalendarMonth { CalendarMonth(index: index + months) }
}
