import Foundation

/// Dates as spreadsheets count them: days since 1899-12-30, the time of day as a fraction.
enum ExportXLSXSerial {
    /// The first date written as a serial number. Excel pretends 1900 was a leap year, so its
    /// serials before March 1900 are off by one; earlier dates are written as text instead.
    static let firstDate = CalendarDate(year: 1900, month: 3, day: 1)

    /// nil before `firstDate`.
    static func days(_ date: CalendarDate) -> Int? {
        if let firstDate, date < firstDate { return nil }
        return daysSinceEpoch(date) + 25_569
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

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysSinceEpoch(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthFromMarch = (date.month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
