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

    /// A placeholder for a parameter of a known logical type: PostgreSQL types it with a cast,
    /// since every parameter is sent as text.
    func placeholder(_ index: Int, type: LogicalType) -> String
    /// A floating-point or text expression converted to a 64-bit integer, truncated toward zero.
    func truncateToInteger(_ real: String) -> String
    /// A floating-point expression rounded half away from zero to a 64-bit integer.
    func roundToInteger(_ real: String) -> String
    /// A floating-point expression rounded half away from zero to `places` decimals.
    func roundReal(_ real: String, places: Int) -> String
    /// Text read as a floating-point number, null when it is not a plain number.
    func textToReal(_ text: String) -> String
    /// An exact expression (integer or money in minor units) as a 64-bit integer: what
    /// `round(avg(…))` and `ceil` of a float must give so that later integer division stays exact.
    func castToInteger(_ sql: String) -> String
    /// The exact sum of integers (money in minor units), still an integer.
    func exactSum(_ value: String) -> String
    /// A condition as the text `true` or `false`.
    func boolToText(_ condition: String) -> String
    /// Whether `text` ends with `suffix` (true for an empty suffix).
    func endsWith(_ text: String, _ suffix: String) -> String
    /// A date as the datetime at its midnight, for comparing with datetimes.
    func dateAsDateTime(_ date: String) -> String
    /// The day of a date or datetime.
    func toDate(_ temporal: String) -> String
    /// Floating-point division, null (not an error) when dividing by zero as SQLite does.
    func divide(_ left: String, _ right: String) -> String
    /// Integer remainder, null when dividing by zero.
    func modulo(_ left: String, _ right: String) -> String
    /// Part of `text` from character `start` (1-based), `length` characters or to the end.
    func substring(_ text: String, from start: String, length: String?) -> String
    /// An ORDER BY key placing nulls first when ascending and last when descending, SQLite's order.
    func orderKey(_ sql: String, descending: Bool) -> String
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

    public func placeholder(_ index: Int, type: LogicalType) -> String { placeholder(index) }
    public func truncateToInteger(_ real: String) -> String { "CAST(\(real) AS INTEGER)" }
    public func roundToInteger(_ real: String) -> String { "CAST(round(\(real)) AS INTEGER)" }
    public func roundReal(_ real: String, places: Int) -> String { "round(\(real), \(places))" }
    public func textToReal(_ text: String) -> String { "sverka_number(\(text))" }
    public func castToInteger(_ sql: String) -> String { "CAST(\(sql) AS INTEGER)" }
    public func exactSum(_ value: String) -> String { "sum(\(value))" }
    public func boolToText(_ condition: String) -> String { "(CASE \(condition) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)" }

    public func endsWith(_ text: String, _ suffix: String) -> String {
        "(substr(\(text), -length(\(suffix))) = \(suffix) OR length(\(suffix)) = 0)"
    }

    public func dateAsDateTime(_ date: String) -> String { "(\(date) || ' 00:00:00')" }
    public func toDate(_ temporal: String) -> String { "date(\(temporal))" }
    public func divide(_ left: String, _ right: String) -> String { "(\(left) / \(right))" }
    public func modulo(_ left: String, _ right: String) -> String { "(\(left) % \(right))" }
    public func orderKey(_ sql: String, descending: Bool) -> String { sql + (descending ? " DESC" : "") }

    public func substring(_ text: String, from start: String, length: String?) -> String {
        let arguments = [text, start] + (length.map { [$0] } ?? [])
        return "substr(" + arguments.joined(separator: ", ") + ")"
    }
}
