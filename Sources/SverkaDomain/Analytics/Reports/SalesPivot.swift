import SverkaEngine
import SverkaSyntax

/// `report sales by A, B`: a row per value of A, a column per value of B, each cell the revenue
/// of the won deals with both values (0 when there are none), a `total` column, and a total row.
///
/// Months run in calendar order with the empty ones in between; other values by their revenue,
/// largest first (rows and columns alike). Deals with no value of a key sit in a last row or
/// column: a null key for the row, a column named `(none)`.
struct SalesPivot {
    /// The most columns a pivot makes: a wider table is read by nobody, and SQLite stops at 2000.
    static let maximumColumns = 100
    static let noneColumn = "(none)"

    let columns: [ResultColumn]
    let rows: [[Value]]
    let totalRow: [Value]

    init(rows rowKey: SalesKey, columns columnKey: SalesKey, cells: [[String?]: Int64], months: MonthSpan) throws(Diagnostic) {
        var rowTotals: [String?: Int64] = [:]
        var columnTotals: [String?: Int64] = [:]
        var grandTotal: Int64 = 0
        for (key, revenue) in cells {
            rowTotals[key[0]] = try SalesTally.sum(rowTotals[key[0]] ?? 0, revenue)
            columnTotals[key[1]] = try SalesTally.sum(columnTotals[key[1]] ?? 0, revenue)
            grandTotal = try SalesTally.sum(grandTotal, revenue)
        }
        let rowValues = Self.order(rowTotals, key: rowKey, months: months)
        let columnValues = Self.order(columnTotals, key: columnKey, months: months)
        guard columnValues.count <= Self.maximumColumns else {
            throw Diagnostic("\(columnKey.rawValue) has \(columnValues.count) values: too many for a column each (at most \(Self.maximumColumns))")
                .hint("put it first, as rows: report sales by \(columnKey.rawValue), \(rowKey.rawValue)")
                .hint("or narrow the period: from … to …")
        }
        var names = [rowKey.rawValue]
        for value in columnValues { names.append(Self.unique(value ?? Self.noneColumn, among: names)) }
        names.append(Self.unique("total", among: names))
        columns = [ResultColumn(name: names[0], type: .text)]
            + names.dropFirst().map { ResultColumn(name: $0, type: .decimal(scale: 2)) }
        rows = rowValues.map { row in
            [row.map(Value.text) ?? .null] + columnValues.map { Self.money(cells[[row, $0]] ?? 0) } + [Self.money(rowTotals[row] ?? 0)]
        }
        totalRow = [.text("total")] + columnValues.map { Self.money(columnTotals[$0] ?? 0) }
            + [Self.money(grandTotal)]
    }

    /// The distinct values of a key with their revenue, in the report's order.
    private static func order(_ totals: [String?: Int64], key: SalesKey, months: MonthSpan) -> [String?] {
        let lines = totals.map { (key: $0.key, tally: SalesTally(revenue: $0.value)) }
        return SalesReport.order(lines, by: key, months: months).map(\.key)
    }

    /// Column names are compared ignoring case, as SQLite compares them.
    private static func unique(_ name: String, among names: [String]) -> String {
        let taken = Set(names.map { $0.lowercased() })
        guard taken.contains(name.lowercased()) else { return name }
        var number = 2
        while taken.contains("\(name) (\(number))".lowercased()) { number += 1 }
        return "\(name) (\(number))"
    }

    private static func money(_ units: Int64) -> Value { .decimal(ExactDecimal(units: units, scale: 2)) }
}
