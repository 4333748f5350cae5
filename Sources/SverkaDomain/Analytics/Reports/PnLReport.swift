import SverkaEngine
import SverkaSyntax

/// `report pnl by month`: revenue, the costs by group of accounts (`CostGroup`), gross and
/// operating profit and margins, month by month — written to the table `report_pnl`.
public struct PnLReport {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func compute(_ request: PnLRequest) throws(Diagnostic) -> PnLReportResult {
        guard workspace.catalog.schema(of: DailyLedger.costsRole) != nil else {
            throw ScratchTables.missing(DailyLedger.costsRole)
                .hint("a P&L without costs would show every margin as 100%")
        }
        var converter = try CurrencyConversion.reading(workspace, base: request.baseCurrency).converter()
        let ledger = try DailyLedger.read(workspace, period: request.period, revenue: request.revenue, converter: &converter)
        try converter.check()
        let months = MonthSpan(period: request.period).months(covering: ledger.days.map(CalendarMonth.init))
        var lines: [(month: CalendarMonth, line: PnLLine)] = []
        var total = PnLLine()
        for month in months {
            let line = try PnLLine(ledger, days: month.firstDay...month.lastDay)
            try line.checkRange()
            try total.add(line)
            lines.append((month, line))
        }
        try total.checkRange()
        return PnLReportResult(request: request, lines: lines, total: total,
                               notes: Self.notes(ledger, request: request, converter: converter))
    }

    public func run(_ request: PnLRequest) throws(Diagnostic) -> PnLReportResult {
        let result = try compute(request)
        try ResultTables.replace([ResultTable(name: PnLReportResult.tableName, columns: PnLReportResult.columns,
                                              rows: result.tableRows)], in: workspace, by: "report pnl")
        return result
    }

    private static func notes(_ ledger: DailyLedger, request: PnLRequest, converter: CurrencyConverter) -> [String] {
        var notes: [String] = []
        let other = ledger.otherAccounts.sorted { $0.value != $1.value ? $0.value > $1.value : ($0.key ?? "") < ($1.key ?? "") }
        if !other.isEmpty {
            let shown = other.prefix(5).map { entry in
                "\(entry.key ?? "no account") \(ExactDecimal(units: entry.value, scale: 2).formatted(groupingSeparator: ","))"
            }
            notes.append("other_costs (below operating profit) hold accounts outside 20, 23, 25, 28, 29, 26, 44, 90.02, 90.07, 90.08: "
                         + shown.joined(separator: ", ") + (other.count > 5 ? ", …" : ""))
        }
        if ledger.undatedRevenue > 0 {
            let what = request.revenue == .deals ? "won deal" : "invoice"
            notes.append("\(SalesReport.count(ledger.undatedRevenue, what)) with no date: not counted")
        }
        if ledger.undatedCosts > 0 { notes.append("\(SalesReport.count(ledger.undatedCosts, "cost")) with no date: not counted") }
        if converter.convertedAmounts > 0, let base = converter.conversion.base {
            notes.append("\(SalesReport.count(converter.convertedAmounts, "amount")) converted to \(base) at the rates in acc.rates")
        }
        return notes
    }
}
