import SverkaEngine

/// What one `sync` run is asked to do.
public struct SyncRequest {
    public var kind: SyncKind
    /// `where …`: only deals that satisfy it (over crm.deals' fields).
    public var filter: RowFilter?
    /// Deals closed, invoices issued and payments made after this day are left out; it is
    /// also a proposed invoice's issue date and the day "overdue" is judged on.
    public var asOf: CalendarDate?
    /// The date used when there is no as-of date.
    public var today: CalendarDate
    /// Days from issue to due date of a proposed invoice (`with (terms: 14)`).
    public var termsDays: Int

    public init(kind: SyncKind, filter: RowFilter? = nil, asOf: CalendarDate? = nil,
                today: CalendarDate = .today(), termsDays: Int = 14) {
        self.kind = kind
        self.filter = filter
        self.asOf = asOf
        self.today = today
        self.termsDays = termsDays
    }

    /// The issue date of proposed invoices, and the day statuses are judged on.
    var day: CalendarDate { asOf ?? today }

    /// The due date of proposed invoices.
    var dueDate: CalendarDate { Self.adding(termsDays, to: day) }

    /// `date` plus `days` days, on the proleptic Gregorian calendar.
    static func adding(_ days: Int, to date: CalendarDate) -> CalendarDate {
        var result = date
        var left = days
        while left > 0 {
            let monthLength = CalendarDate.daysIn(month: result.month, year: result.year)
            let step = min(left, monthLength - result.day + 1)
            if result.day + step <= monthLength {
                result.day += step
            } else {
                result.day = 1
                result.month += 1
                if result.month > 12 {
                    result.month = 1
                    result.year += 1
                }
            }
            left -= step
        }
        return result
    }
}

/// The stages of an apply, reported as they pass: what a crash test kills between.
public enum ApplyStage: String, Sendable, CaseIterable {
    /// The file is written under its hidden staging name.
    case staged
    /// The journal holds the items as pending (committed).
    case journaled
    /// The file is in the outbox under its own name.
    case published
    /// The journal holds the items as sent (committed).
    case sent
}
