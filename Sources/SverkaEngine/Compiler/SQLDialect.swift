/// What differs between the SQL engines sverka compiles to. Everything above this protocol
/// writes portable structure; everything engine-specific is asked of the dialect.
public protocol SQLDialect: Sendable {
    /// The engine's name, as `explain` reports it.
    var name: String { get }
    func quoteIdentifier(_ name: String) -> String
    /// A numbered placeholder for bound parameter `index` (1-based): `?1` or `$1`.
    func placeholder(_ index: Int) -> String
    /// The character that starts a placeholder (`?` or `$`), followed by its number.
    var placeholderMarker: UInt8 { get }
    /// Converts an exact (integer) expression to floating point for division and ratios.
    func toReal(_ sql: String) -> String
    func concat(_ parts: [String]) -> String
    func addDays(_ date: String, _ days: String) -> String
    func addMonths(_ date: String, _ months: String) -> String
    /// Whole days from `start` to `end` (negative when `end` is earlier).
    func daysBetween(_ start: String, _ end: String) -> String
    func datePart(_ part: DatePart, of date: String) -> String
    func startOf(_ unit: DateUnit, of date: String) -> String
    func endOfMonth(_ date: String) -> String
    /// `yyyy-MM` of a date, as text.
    func yearMonth(_ date: String) -> String
    /// The decimal `units / 10^scale` as text with exactly `scale` places.
    func decimalToText(_ units: String, scale: Int) -> String
    /// Text read as an exact decimal of `scale` places (integer units; `1 234,50` included),
    /// null when it is not a number (see `TextConversion.decimal`).
    func textToDecimal(_ text: String, scale: Int) -> String
    /// Text (`yyyy-MM-dd` or `dd.MM.yyyy`) read as a date, null when it is not a day that
    /// exists (see `TextConversion.date`).
    func textToDate(_ text: String) -> String
    /// The smallest or largest of several values (not an aggregate).
    func least(_ values: [String]) -> String
    func greatest(_ values: [String]) -> String
    func position(of needle: String, in haystack: String) -> String
    func countDistinct(_ value: String) -> String
}

public enum DatePart: String, Sendable, CaseIterable {
    case year, month, day, quarter, weekday
}

public enum DateUnit: String, Sendable {
    case month, year
}

/// SQLite: dates are ISO text, so date arithmetic goes through `date()` and `julianday()`.
public struct SQLiteDialect: SQLDialect {
    public init() {}

    public var name: String { "SQLite" }

    public func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func placeholder(_ index: Int) -> String { "?\(index)" }
    public var placeholderMarker: UInt8 { UInt8(ascii: "?") }
    public func toReal(_ sql: String) -> String { "CAST(\(sql) AS REAL)" }
    public func concat(_ parts: [String]) -> String { "(" + parts.joined(separator: " || ") + ")" }

    public func addDays(_ date: String, _ days: String) -> String {
        // `n || ' days'` is null when n is null; printf('%+d days', NULL) would be '+0 days'.
        "date(\(date), (\(days)) || ' days')"
    }

    public func addMonths(_ date: String, _ months: String) -> String {
        // SQLite's '+1 months' overflows (01-31 + 1 month = 03-03); accounting means the last day
        // of the shorter month, as EDATE and PostgreSQL do: go to the target month's first day,
        // then add the original day, capped at that month's length.
        let firstOfTarget = "date(\(date), 'start of month', (\(months)) || ' months')"
        let lastDay = "CAST(strftime('%d', date(\(firstOfTarget), '+1 month', '-1 day')) AS INTEGER)"
        let day = "CAST(strftime('%d', \(date)) AS INTEGER)"
        return "date(\(firstOfTarget), (min(\(day), \(lastDay)) - 1) || ' days')"
    }

    public func daysBetween(_ start: String, _ end: String) -> String {
        "CAST(julianday(\(end)) - julianday(\(start)) AS INTEGER)"
    }

    public func datePart(_ part: DatePart, of date: String) -> String {
        switch part {
        case .year: return "CAST(strftime('%Y', \(date)) AS INTEGER)"
        case .month: return "CAST(strftime('%m', \(date)) AS INTEGER)"
        case .day: return "CAST(strftime('%d', \(date)) AS INTEGER)"
        case .quarter: return "((CAST(strftime('%m', \(date)) AS INTEGER) + 2) / 3)"
        // ISO weekday: Monday 1 … Sunday 7 (strftime's %w has Sunday 0).
        case .weekday: return "((CAST(strftime('%w', \(date)) AS INTEGER) + 6) % 7 + 1)"
        }
    }

    public func startOf(_ unit: DateUnit, of date: String) -> String {
        "date(\(date), 'start of \(unit.rawValue)')"
    }

    public func endOfMonth(_ date: String) -> String {
        "date(\(date), 'start of month', '+1 month', '-1 day')"
    }

    public func yearMonth(_ date: String) -> String { "strftime('%Y-%m', \(date))" }

    public func decimalToText(_ units: String, scale: Int) -> String {
        guard scale > 0 else { return "CAST(\(units) AS TEXT)" }
        let divisor = ExactDecimal.powerOfTen(scale)
        // Integer arithmetic keeps every digit; printf on a double would round large amounts.
        return "(CASE WHEN \(units) < 0 THEN '-' ELSE '' END || CAST(abs(\(units)) / \(divisor) AS TEXT) || '.' || "
            + "substr('\(String(repeating: "0", count: scale))' || CAST(abs(\(units)) % \(divisor) AS TEXT), -\(scale)))"
    }

    // Functions registered on every connection (`ConversionFunctions`): SQL alone cannot read
    // a decimal comma exactly or reject 2026-02-30.
    public func textToDecimal(_ text: String, scale: Int) -> String { "sverka_decimal(\(text), \(scale))" }
    public func textToDate(_ text: String) -> String { "sverka_date(\(text))" }

    public func least(_ values: [String]) -> String { "min(" + values.joined(separator: ", ") + ")" }
    public func greatest(_ values: [String]) -> String { "max(" + values.joined(separator: ", ") + ")" }
    public func position(of needle: String, in haystack: String) -> String { "instr(\(haystack), \(needle))" }
    public func countDistinct(_ value: String) -> String { "count(DISTINCT \(value))" }
}
