/// The forms a query result can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// An aligned box-drawn table for people at a terminal; long results are cut.
    case table
    /// RFC 4180 comma-separated values, every row, for other programs.
    case csv
    /// An array of objects, every row, numbers exact.
    case json
    /// A GitHub-flavoured Markdown table, every row, for reports.
    case markdown
}
