import SverkaEngine

/// The months `report kpi` compares: the month that ends on the as-of date, the month before
/// it, and so on back — each from the day after the previous one's end to its own end, so
/// that they tile the calendar with no day counted twice or lost.
///
/// Each end is the as-of day in an earlier month, capped at that month's length; when the
/// as-of date is the last day of its month, every end is a month's last day, and the periods
/// are calendar months. As of 2026-11-28: 2026-10-29 … 2026-11-28, then 2026-09-29 … 2026-10-28;
/// as of 2026-11-30: November, then October (1 … 31).
public enum KPIPeriods {
    /// How many months the report looks back over: a year of sparkline.
    public static let count = 12

    /// The periods, oldest first; the last ends on `asOf`.
    public static func ending(_ asOf: CalendarDate, count: Int = KPIPeriods.count) -> [ClosedRange<CalendarDate>] {
        let ends = (0...count).map { end(monthsBefore: $0, asOf) }
        return (0..<count).reversed().map { ends[$0 + 1].adding(days: 1)...ends[$0] }
    }

    /// The as-of day `months` months earlier, capped at that month's length (its last day when
    /// the as-of date is a month's last day).
    static func end(monthsBefore months: Int, _ asOf: CalendarDate) -> CalendarDate {
        let month = CalendarMonth(asOf).advanced(by: -months)
        let length = CalendarDate.daysIn(month: month.month, year: month.year)
        let isMonthEnd = asOf.day == CalendarDate.daysIn(month: asOf.month, year: asOf.year)
        let day = isMonthEnd ? length : min(asOf.day, length)
        return CalendarDate(year: month.year, month: month.month, day: day) ?? month.lastDay
    }
}
