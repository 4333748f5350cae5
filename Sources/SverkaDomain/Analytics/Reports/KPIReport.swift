import SverkaEngine
import SverkaSyntax

/// `report kpi`: the key figures of the month that ends on the as-of date against the month
/// before, and of the twelve months (`KPIPeriods`) for their sparklines — written to the table
/// `report_kpi`, a row per month.
///
/// Sales figures come from crm.deals (as `report sales` counts them), the gross margin from
/// acc.costs' cost of sales (as `report pnl` groups them), the receivables from `Receivables`
/// (the debt of `aging` on each period's last day, and DSO as `dso` defines it).
public struct KPIReport {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func compute(_ request: KPIRequest) throws(Diagnostic) -> KPIReportResult {
        let periods = KPIPeriods.ending(request.asOf)
        guard let first = periods.first?.lowerBound else { throw Diagnostic("report kpi needs at least one period") }
        let span = DatePeriod(start: first, end: request.asOf)
        var converter = try CurrencyConversion.reading(workspace, base: request.baseCurrency).converter()
        var sales = Array(repeating: SalesTally(), count: periods.count)
        var cycles = Array(repeating: (days: 0, deals: 0), count: periods.count)
        let deals = try ReportDeals(workspace: workspace)
        try deals.each(where: [ReportDeals.closedDeals, ProfitPipelines.condition(span, on: "closed_at")],
                       converter: &converter) { deal throws(Diagnostic) in
            guard let closed = deal.closedAt, let index = periods.firstIndex(where: { $0.contains(closed) }) else { return }
            try sales[index].add(deal)
            if deal.stage == .won, let created = deal.createdAt {
                cycles[index].days += created.days(to: closed)
                cycles[index].deals += 1
            }
        }
        var ledger = DailyLedger()
        try ledger.readCosts(workspace, period: span, converter: &converter)
        let receivables = try KPIReceivables(workspace: workspace, base: request.baseCurrency, span: span,
                                             ends: periods.map(\.upperBound), converter: &converter)
        try converter.check()
        var figures: [KPIFigures] = []
        for (index, period) in periods.enumerated() {
            let tally = sales[index]
            var line = KPIFigures(start: period.lowerBound, end: period.upperBound,
                                  revenue: ExactDecimal(units: tally.revenue, scale: 2), dealsWon: tally.won, dealsLost: tally.lost,
                                  averageDeal: tally.averageDeal, winRatePercent: tally.winRatePercent,
                                  salesCycleDays: cycles[index].deals > 0 ? Self.tenths(Double(cycles[index].days) / Double(cycles[index].deals)) : nil)
            if ledger.hasCosts {
                let cost = try ledger.costs(.costOfSales, in: period)
                let (gross, overflow) = tally.revenue.subtractingReportingOverflow(cost)
                line.grossMarginPercent = overflow ? nil : ProfitRowBuilder.percent(gross, of: tally.revenue)
            }
            try receivables?.fill(&line, period: period)
            figures.append(line)
        }
        var notes: [String] = []
        if !ledger.hasCosts { notes.append("acc.costs is not mapped: no gross margin") }
        if receivables == nil { notes.append("acc.invoices and acc.payments are not both mapped: no receivables, overdue share or DSO") }
        if converter.convertedAmounts > 0, let base = converter.conversion.base {
            notes.append("\(SalesReport.count(converter.convertedAmounts, "amount")) converted to \(base) at the rates in acc.rates")
        }
        return KPIReportResult(request: request, periods: figures, notes: notes)
    }

    public func run(_ request: KPIRequest) throws(Diagnostic) -> KPIReportResult {
        let result = try compute(request)
        try ResultTables.replace([ResultTable(name: KPIReportResult.tableName, columns: KPIReportResult.columns,
                                              rows: result.tableRows)], in: workspace, by: "report kpi")
        return result
    }

    /// Days to one place: a mean of whole days reads no finer.
    static func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
