import SverkaDomain
import SverkaEngine

/// `report kpi`'s printout: a line per measure with this month's value, last month's, the
/// change, and a sparkline of the twelve months, oldest first.
///
///     │ revenue       │ 85,000.00 │ 52,000.00 │  +63.5% │ ▂▁▃▁█▄▁▃▁▂▅▇ │
///     │ overdue share │    65.31% │     70.2% │ -4.89 pp│ ▁▁▃▅▆▆▇▇█▇▇▇ │
struct KPICard {
    let result: KPIReportResult

    static let columns = [
        ResultColumn(name: "kpi", type: .text), ResultColumn(name: "value", type: .text),
        ResultColumn(name: "previous", type: .text), ResultColumn(name: "change", type: .text),
        ResultColumn(name: "last_12_months", type: .text),
    ]

    /// The card's rows as text, one per measure; nil where a figure cannot be told.
    var rows: [[String?]] {
        KPIMeasure.allCases.map { measure in
            [measure.title, result.current.flatMap { measure.text($0) }, result.previous.flatMap { measure.text($0) },
             measure.changeText(from: result.previous, to: result.current), Sparkline(result.series(measure)).text]
        }
    }

    /// The card as a box-drawn table, values and changes right-aligned.
    func table(nullText: String) -> String {
        var grid = TableGrid(columnCount: Self.columns.count)
        grid.rightAligned = [false, true, true, true, false]
        grid.addHeader(Self.columns.map(\.name))
        for row in rows { grid.addRow(row.map { $0 ?? nullText }) }
        return grid.render()
    }
}
