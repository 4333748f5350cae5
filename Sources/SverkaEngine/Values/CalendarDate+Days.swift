extension CalendarDate {
    /// The day's number in the proleptic Gregorian calendar (1970-01-01 is day 0): differences
    /// of day numbers are whole days.
    public var dayNumber: Int { CivilDays.days(year: year, month: month, day: day) }

    /// The date of a day number.
    public init(dayNumber: Int) {
        let (year, month, day) = CivilDays.civil(fromDays: dayNumber)
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Whole days from this date to `other`: negative when `other` is earlier.
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }
}
