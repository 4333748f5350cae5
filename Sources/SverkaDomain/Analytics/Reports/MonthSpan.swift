/// The months a report by month lists: every month from the period's first to its last — or,
/// where the period is open, from the data's first or to its last — empty ones included, so
/// that a month with no sales shows as a zero rather than not at all.
struct MonthSpan: Sendable {
    var first: CalendarMonth?
    var last: CalendarMonth?

    init(period: DatePeriod) {
        first = period.start.map(CalendarMonth.init)
        last = period.end.map(CalendarMonth.init)
    }

    init(first: CalendarMonth?, last: CalendarMonth?) {
        self.first = first
        self.last = last
    }

    /// The months from the start to the end, the data's months filling the open ends; empty when
    /// there is nothing to show.
    func months(covering data: some Sequence<CalendarMonth>) -> [CalendarMonth] {
        let seen = Array(data)
        guard let start = first ?? seen.min(), let end = last ?? seen.max(), start <= end else { return [] }
        return Array(start...end)
    }
}
