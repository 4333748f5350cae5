import SverkaEngine

/// The answer to a `SalesReportRequest`: the table's columns and rows, a total row to print
/// under them, and what the reader should know about how they were made.
public struct SalesReportResult: Sendable {
    /// The table the report writes: `report_` keeps it clear of the user's own `sales`.
    public static let tableName = "report_sales"

    public var request: SalesReportRequest
    public var columns: [ResultColumn]
    /// The rows of the table (the total is not one of them, so that charts and sums of the
    /// table do not count it twice).
    public var rows: [[Value]]
    /// The totals in the table's columns, `total` in the key column.
    public var totalRow: [Value]
    /// Every decided deal of the period together.
    public var total: SalesTally
    public var notes: [String]
}
