import SverkaEngine
import SverkaSyntax

/// What a line chart runs along: dates, date-times, numbers, or text that reads as months
/// (`2026-01`), days (`2026-01-31`) or years (`2026`) — put in order, and for months with every
/// missing month in between put in as a gap, so that time is drawn evenly.
enum LineKeys {
    /// Whether a column of this type can be a line's key at all (text is judged by its values).
    static func accepts(_ type: LogicalType) -> Bool {
        switch type {
        case .date, .datetime, .integer, .number, .text, .null: return true
        case .decimal, .bool: return false
        }
    }

    /// The first text key that is not a month, a day or a year, if any.
    static func firstUnordered(_ keys: [Value]) -> String? {
        for case .text(let text) in keys where kind(of: text) == nil { return text }
        return nil
    }

    /// The entries sorted by key, nulls left out, and month gaps filled with null totals.
    static func ordered(_ entries: [(key: Value, total: Value)]) -> [(key: Value, total: Value)] {
        let keyed = entries.filter { !$0.key.isNull }.sorted { precedes($0.key, $1.key) }
        let months = keyed.compactMap { entry -> Int? in
            guard case .text(let text) = entry.key, kind(of: text) == .month else { return nil }
            return monthIndex(text)
        }
        guard months.count == keyed.count, let first = months.first, let last = months.last, last - first < 12 * 200 else {
            return keyed
        }
        var filled: [(key: Value, total: Value)] = []
        var next = 0
        for month in first...last {
            if next < keyed.count, months[next] == month {
                filled.append(keyed[next])
                next += 1
            } else {
                filled.append((.text(monthText(month)), .null))
            }
        }
        return filled
    }

    private enum TextKind { case month, day, year }

    private static func kind(of text: String) -> TextKind? {
        if monthIndex(text) != nil { return .month }
        if CalendarDate(iso: Substring(text)) != nil { return .day }
        if text.count == 4, text.allSatisfy(\.isASCII), Int(text) != nil { return .year }
        return nil
    }

    /// `2026-01` as a count of months; nil for anything else.
    private static func monthIndex(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    private static func monthText(_ index: Int) -> String {
        let month = index % 12 + 1
        return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
    }

    private static func precedes(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.date(let a), .date(let b)): return a < b
        case (.datetime(let a), .datetime(let b)): return a < b
        default:
            if let a = ChartText.magnitude(left), let b = ChartText.magnitude(right) { return a < b }
            return left.description < right.description
        }
    }
}
