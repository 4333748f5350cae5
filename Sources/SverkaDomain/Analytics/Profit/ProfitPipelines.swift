/// The pipelines the analysis reads the roles with, as text for the compiler: ids and names
/// trimmed with blanks as none, and the period as a condition on each role's own date.
enum ProfitPipelines {
    /// `nullif(trim(x), "")`: what reconciliation calls an id — an empty one is none.
    static func id(_ column: String) -> String {
        "nullif(trim(\(column)), \"\")"
    }

    /// `date >= @2026-01-01 and date <= @2026-11-30`, or nil for every day. A row with no date
    /// is only in an unbounded period (as `DatePeriod.contains` says).
    static func condition(_ period: DatePeriod, on column: String) -> String? {
        var parts: [String] = []
        if let start = period.start { parts.append("\(column) >= @\(start.iso)") }
        if let end = period.end { parts.append("\(column) <= @\(end.iso)") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// ` | where A and B` for the conditions given, or nothing.
    static func filter(_ conditions: [String?]) -> String {
        let present = conditions.compactMap { $0 }
        return present.isEmpty ? "" : " | where " + present.joined(separator: " and ")
    }
}
