import SverkaEngine
import SverkaSyntax

/// The receivables side of the KPIs: the debt on each period's last day (`Receivables.aging`) and
/// the amounts invoiced in each period, for DSO. The agings of all the period ends come from one
/// read (`AgingSeries`): an aging per period re-read every invoice and payment thirteen times.
struct KPIReceivables {
    let receivables: Receivables
    /// The aging on each period's end; an end missing here is asked of `aging` (see `AgingSeries`).
    let agings: [CalendarDate: AgingResult]
    let invoiced: DailyLedger
    let invoiceCounts: [CalendarDate: Int]

    /// nil when acc.invoices or acc.payments is not mapped.
    init?(workspace: Workspace, base: String?, span: DatePeriod, ends: [CalendarDate],
          converter: inout CurrencyConverter) throws(Diagnostic) {
        let stream = RoleStream(workspace: workspace)
        guard stream.exists("acc.invoices"), stream.exists("acc.payments") else { return nil }
        let receivables = Receivables(workspace: workspace, currency: base)
        self.receivables = receivables
        agings = ends.last.map { receivables.agingSeries(ends, like: Self.request(asOf: $0)) } ?? [:]
        var ledger = DailyLedger()
        try ledger.readRevenue(workspace, period: span, source: .invoices, converter: &converter)
        invoiced = ledger
        var counts: [CalendarDate: Int] = [:]
        try stream.each("from acc.invoices" + ProfitPipelines.filter([ProfitPipelines.condition(span, on: "issue_date")])
                        + " | select day = issue_date", name: "acc.invoices") { row in
            if let day = row.optionalText(at: 0).flatMap({ CalendarDate(iso: Substring($0)) }) { counts[day, default: 0] += 1 }
        }
        invoiceCounts = counts
    }

    func fill(_ figures: inout KPIFigures, period: ClosedRange<CalendarDate>) throws(Diagnostic) {
        let aging: AgingResult
        if let known = agings[period.upperBound] {
            aging = known
        } else {
            aging = try receivables.aging(Self.request(asOf: period.upperBound))
        }
        figures.receivables = aging.total
        figures.overdue = aging.overdue
        figures.overduePercent = ProfitRowBuilder.percent(aging.overdue.units, of: aging.total.units)
        let invoices = invoiceCounts.filter { period.contains($0.key) }.values.reduce(0, +)
        let dso = DSOResult(start: period.lowerBound, end: period.upperBound, receivables: aging.total,
                            revenue: ExactDecimal(units: try invoiced.revenue(in: period), scale: 2), invoices: invoices,
                            currency: aging.currency)
        figures.dsoDays = dso.dso.map(KPIReport.tenths)
    }

    /// The aging the KPIs show: the standard buckets, by due date.
    static func request(asOf: CalendarDate) -> AgingRequest { AgingRequest(asOf: asOf) }
}
