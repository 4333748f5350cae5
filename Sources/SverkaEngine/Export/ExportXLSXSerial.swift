import Foundation

/// Dates as spreadsheets count them: days since 1899-12-30, the time of day as a fraction.
enum ExportXLSXSerial {
    /// The first date written as a serial number. Excel pretends 1900 was a leap year, so its
    /// serials before March 1900 are off by one; earlier dates are written as text instead.
    static let firstDate = CalendarDate(year: 1900, month: 3, day: 1)

    /// nil before `firstDate`.
    static func days(_ date: CalendarDate) -> Int? {
        if let firstDate, date < firstDate { return nil }
        return CivilDays.days(year: date.year, month: date.month, day: date.day) + 25_569
    }

    /// `46073` for a date; `46073.5` for noon of it (up to ten decimals: under a millisecond).
    static func text(_ datetime: CalendarDateTime) -> String? {
        guard let days = days(datetime.date) else { return nil }
        let seconds = datetime.hour * 3600 + datetime.minute * 60 + datetime.second
        guard seconds > 0 else { return String(days) }
        var fraction = String(format: "%.10f", Double(seconds) / 86_400)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        // "0.5" → "46073.5": the whole part comes from the day count, exactly.
        return String(days) + fraction.dropFirst()
    }
}
