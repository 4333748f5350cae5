import SverkaEngine

/// The days an analytics command looks at: `from DATE to DATE`, both ends included. Either end may
/// be open (`from` alone runs to the last row, `to` alone from the first).
public struct DatePeriod: Sendable, Hashable, CustomStringConvertible {
    public var start: CalendarDate?
    public var end: CalendarDate?

    public init(start: CalendarDate?, end: CalendarDate?) {
        self.start = start
        self.end = end
    }

    /// Every day: no bound on either side.
    public static let all = DatePeriod(start: nil, end: nil)

    public var isBounded: Bool { start != nil || end != nil }

    /// Whether a day falls inside the period; an unknown day (nil) only when the period is unbounded.
    public func contains(_ day: CalendarDate?) -> Bool {
        guard let day else { return !isBounded }
        if let start, day < start { return false }
        if let end, day > end { return false }
        return true
    }

    /// `2026-01-01 … 2026-11-30`, `from 2026-01-01`, `to 2026-11-30`, `all dates`.
    public var description: String {
        switch (start, end) {
        case let (start?, end?): return "\(start.iso) … \(end.iso)"
        case let (start?, nil): return "from \(start.iso)"
        case let (nil, end?): return "to \(end.iso)"
        case (nil, nil): return "all dates"
        }
    }
}
