/// PostgreSQL: pipelines over an attached server's tables run there (push-down).
///
/// The compiler's conventions hold on both engines: money is a 64-bit integer of minor units
/// (an attached `numeric(14,2)` column is read as `CAST(amount * 100 AS BIGINT)`), so every exact
/// expression here must stay `BIGINT` — `sum` of a bigint is `numeric` in PostgreSQL and is cast
/// back, and integer division then truncates as in SQLite. Dates and datetimes are native `date`
/// and `timestamp`. Every parameter is sent as text and typed by a cast at its placeholder.
/// Where the engines differ on edge cases (division by zero, nulls in ORDER BY, `CAST(2.7 AS
/// INTEGER)`), this dialect writes what reproduces SQLite's answer, so a pipeline gives the same
/// result on either engine.
public struct PostgresDialect: SQLDialect {
    public init() {}

    public var name: String { "PostgreSQL" }

    public func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func placeholder(_ index: Int) -> String { "$\(index)" }
    public var placeholderMarker: UInt8 { UInt8(ascii: "$") }

    public func placeholder(_ index: Int, type: LogicalType) -> String {
        "$\(index)::\(Self.parameterType(type))"
    }

    /// The server type a parameter of a logical type is cast to. Decimals travel as their
    /// integer minor units, as they are stored.
    static func parameterType(_ type: LogicalType) -> String {
        switch type {
        case .integer, .decimal: return "bigint"
        case .number: return "double precision"
        case .text, .null: return "text"
        case .date: return "date"
        case .datetime: return "timestamp"
        case .bool: return "boolean"
        }
    }

    public func toReal(_ sql: String) -> String { "CAST(\(sql) AS double precision)" }
    public func concat(_ parts: [String]) -> String { "(" + parts.joined(separator: " || ") + ")" }

    public func addDays(_ date: String, _ days: String) -> String {
        "(CAST(\(date) AS date) + CAST(\(days) AS integer))"
    }

    public func addMonths(_ date: String, _ months: String) -> String {
        // Adding months to a date clamps to the target month's last day (01-31 + 1 month =
        // 02-28), the accounting rule SQLiteDialect spells out by hand.
        "CAST(CAST(\(date) AS date) + make_interval(months => CAST(\(months) AS integer)) AS date)"
    }

    public func daysBetween(_ start: String, _ end: String) -> String {
        // Whole days, truncated toward zero like SQLite's julianday difference, for dates and
        // datetimes alike.
        "CAST(trunc(extract(epoch from (CAST(\(end) AS timestamp) - CAST(\(start) AS timestamp))) / 86400) AS bigint)"
    }

    public func datePart(_ part: DatePart, of date: String) -> String {
        let field: String
        switch part {
        case .year: field = "year"
        case .month: field = "month"
        case .day: field = "day"
        case .quarter: field = "quarter"
        case .weekday: field = "isodow"
        }
        return "CAST(extract(\(field) from \(date)) AS bigint)"
    }

    public func startOf(_ unit: DateUnit, of date: String) -> String {
        "CAST(date_trunc('\(unit.rawValue)', \(date)) AS date)"
    }

    public func endOfMonth(_ date: String) -> String {
        "CAST(date_trunc('month', \(date)) + interval '1 month - 1 day' AS date)"
    }

    public func yearMonth(_ date: String) -> String { "to_char(\(date), 'YYYY-MM')" }

    public func decimalToText(_ units: String, scale: Int) -> String {
        guard scale > 0 else { return "CAST(\(units) AS text)" }
        // round(…, scale) keeps exactly `scale` places in numeric's text form: 12.50, -0.05.
        return "CAST(round(CAST(\(units) AS numeric) / \(ExactDecimal.powerOfTen(scale)), \(scale)) AS text)"
    }

    public func textToDecimal(_ text: String, scale: Int) -> String {
        // TextConversion.decimal's rules in SQL: group spaces dropped; one separator of a kind is
        // the decimal one, several are grouping; with both kinds the last is the decimal one.
        // Null, never an error, for anything else and for what does not fit 64 bits.
        let cleaned = "regexp_replace(translate(\(text), '\u{2212}', '-'), '[[:space:]\u{00A0}\u{202F}\u{2009}]', '', 'g')"
        let plain = """
            CASE WHEN s !~ '[0-9]' THEN NULL \
            WHEN s ~ '^[+-]?[0-9]+$' THEN s \
            WHEN s ~ '^[+-]?[0-9]*[.,][0-9]*$' THEN replace(s, ',', '.') \
            WHEN s ~ '^[+-]?[0-9]*(,[0-9]*){2,}$' THEN replace(s, ',', '') \
            WHEN s ~ '^[+-]?[0-9]*([.][0-9]*){2,}$' THEN replace(s, '.', '') \
            WHEN s ~ '^[+-]?[0-9,]*[.][0-9]*$' THEN replace(s, ',', '') \
            WHEN s ~ '^[+-]?[0-9.]*,[0-9]*$' THEN replace(replace(s, '.', ''), ',', '.') END
            """
        let units = "round(CAST(p AS numeric) * \(ExactDecimal.powerOfTen(scale)))"
        return "(SELECT CASE WHEN abs(\(units)) < 9223372036854775807 THEN CAST(\(units) AS bigint) END "
            + "FROM (SELECT \(plain) AS p FROM (SELECT \(cleaned) AS s) AS _s) AS _p)"
    }

    public func textToDate(_ text: String) -> String {
        // yyyy-MM-dd or d.M.yyyy, optionally followed by a time of day; null (not an error, not
        // March 2nd) for a day that does not exist. CASE keeps make_date from seeing a bad month.
        let iso = "'^[[:space:]]*([0-9]{4})-([0-9]{2})-([0-9]{2})([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?[[:space:]]*$'"
        let dotted = "'^[[:space:]]*([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{4})( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?[[:space:]]*$'"
        let lastDay = "CAST(extract(day from make_date(y, m, 1) + interval '1 month - 1 day') AS integer)"
        return "(SELECT CASE WHEN y >= 1 AND m BETWEEN 1 AND 12 AND d >= 1 THEN "
            + "CASE WHEN d <= \(lastDay) THEN make_date(y, m, d) END END "
            + "FROM (SELECT CAST(coalesce(a[1], b[3]) AS integer) AS y, CAST(coalesce(a[2], b[2]) AS integer) AS m, "
            + "CAST(coalesce(a[3], b[1]) AS integer) AS d "
            + "FROM (SELECT regexp_match(\(text), \(iso)) AS a, regexp_match(\(text), \(dotted)) AS b) AS _m) AS _p)"
    }

    public func least(_ values: [String]) -> String { "least(" + values.joined(separator: ", ") + ")" }
    public func greatest(_ values: [String]) -> String { "greatest(" + values.joined(separator: ", ") + ")" }
    public func position(of needle: String, in haystack: String) -> String { "strpos(\(haystack), \(needle))" }
    public func countDistinct(_ value: String) -> String { "count(DISTINCT \(value))" }

    public func truncateToInteger(_ real: String) -> String { "CAST(trunc(\(real)) AS bigint)" }

    // round(double precision) breaks ties to even on most platforms; numeric's round goes half
    // away from zero, as SQLite's does.
    public func roundToInteger(_ real: String) -> String { "CAST(round(CAST(\(real) AS numeric)) AS bigint)" }
    public func roundReal(_ real: String, places: Int) -> String {
        "CAST(round(CAST(\(real) AS numeric), \(places)) AS double precision)"
    }

    public func textToReal(_ text: String) -> String {
        // PostgreSQL's cast would fail the whole query on 'abc'; null, as TextConversion.number.
        "(CASE WHEN trim(\(text)) ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$' "
            + "THEN CAST(trim(\(text)) AS double precision) END)"
    }

    public func castToInteger(_ sql: String) -> String { "CAST(\(sql) AS bigint)" }
    public func exactSum(_ value: String) -> String { "CAST(sum(\(value)) AS bigint)" }
    public func boolToText(_ condition: String) -> String {
        "(CASE WHEN \(condition) THEN 'true' WHEN NOT \(condition) THEN 'false' END)"
    }
    public func endsWith(_ text: String, _ suffix: String) -> String { "(right(\(text), length(\(suffix))) = \(suffix))" }
    public func dateAsDateTime(_ date: String) -> String { "CAST(\(date) AS timestamp)" }
    public func toDate(_ temporal: String) -> String { "CAST(\(temporal) AS date)" }
    public func divide(_ left: String, _ right: String) -> String { "(\(left) / NULLIF(\(right), 0))" }
    public func modulo(_ left: String, _ right: String) -> String { "(\(left) % NULLIF(\(right), 0))" }

    public func substring(_ text: String, from start: String, length: String?) -> String {
        // substr takes integer positions here; sverka's whole numbers are bigint.
        "substr(\(text), CAST(\(start) AS integer)" + (length.map { ", CAST(\($0) AS integer)" } ?? "") + ")"
    }

    public func orderKey(_ sql: String, descending: Bool) -> String {
        sql + (descending ? " DESC NULLS LAST" : " NULLS FIRST")
    }
}
