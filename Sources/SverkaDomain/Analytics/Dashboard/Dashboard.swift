import SverkaEngine
import SverkaSyntax

/// `export dashboard`: one self-contained HTML page — the KPIs with their sparklines, a chart of
/// revenue and gross margin by month, the aging of the debt and the clients with the best
/// margins — written atomically. It reads only: no result table is replaced.
public struct Dashboard {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The figures, from the reports that make them.
    public func gather(_ request: DashboardRequest) throws(Diagnostic) -> DashboardData {
        let kpi = try KPIReport(workspace: workspace).compute(KPIRequest(asOf: request.asOf, baseCurrency: request.baseCurrency))
        var aging: AgingResult?
        let stream = RoleStream(workspace: workspace)
        if stream.exists("acc.invoices"), stream.exists("acc.payments") {
            aging = try Receivables(workspace: workspace, currency: request.baseCurrency).aging(AgingRequest(asOf: request.asOf))
        }
        let start = kpi.periods.first?.start ?? request.asOf
        let profit = try ProfitAnalysis(workspace: workspace).compute(
            ProfitRequest(dimension: .client, period: DatePeriod(start: start, end: request.asOf), baseCurrency: request.baseCurrency))
        let ranked = profit.rows.filter { !$0.isUnallocated }.sorted { a, b in
            a.margin != b.margin ? a.margin > b.margin : (a.key ?? "") < (b.key ?? "")
        }
        let hasCosts = stream.exists(DailyLedger.costsRole)
        return DashboardData(request: request, kpi: kpi, aging: aging, topClients: Array(ranked.prefix(request.topClients)),
                             hasCosts: hasCosts, notes: kpi.notes)
    }

    /// Writes the page for `data` to `path`: a temporary file beside it, then a rename.
    public func write(_ data: DashboardData, to path: String, displayPath: String) throws(Diagnostic) {
        try AtomicFile.write(Array(DashboardHTML(data: data).document.utf8), to: path, displayPath: displayPath)
    }
}
