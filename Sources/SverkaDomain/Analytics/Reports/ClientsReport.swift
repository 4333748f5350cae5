import SverkaEngine
import SverkaSyntax

/// `report clients`: per month, the clients that bought for the first time, came back, lapsed,
/// and were active (see `ClientLifecycle`), with the CRM's activities of the month when
/// crm.activities is mapped — written to the table `report_clients`.
public struct ClientsReport {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    static let activitiesRole = "crm.activities"

    public func compute(_ request: ClientsReportRequest) throws(Diagnostic) -> ClientsReportResult {
        let deals = try ReportDeals(workspace: workspace)
        // Counting clients adds up no money, so amounts in several currencies need no rates.
        var converter = CurrencyConversion(base: nil).converter()
        var purchases: [String: Set<CalendarMonth>] = [:]
        var unplaced = 0
        // The whole history, whatever the period: a client is new only in its first month ever.
        try deals.each(where: [ReportDeals.wonDeals], converter: &converter) { deal in
            guard let client = deal.clientID, let closed = deal.closedAt else {
                unplaced += 1
                return
            }
            purchases[client, default: []].insert(CalendarMonth(closed))
        }
        let activities = try readActivities()
        let lifecycle = ClientLifecycle(window: request.window, purchases: purchases)
        let seen = purchases.values.flatMap { $0 } + (activities?.counts.keys.map { $0 } ?? [])
        let months = MonthSpan(period: request.period).months(covering: seen)
        let active = lifecycle.active(in: months)
        var lines: [ClientsReportResult.Line] = []
        for (offset, month) in months.enumerated() {
            lines.append(ClientsReportResult.Line(
                month: month, newClients: lifecycle.newClients[month] ?? 0, returnedClients: lifecycle.returnedClients[month] ?? 0,
                lapsedClients: lifecycle.lapsedClients[month] ?? 0, activeClients: active[offset],
                activities: activities.map { $0.counts[month] ?? 0 }, contactedClients: activities.map { $0.clients[month]?.count ?? 0 }))
        }
        var notes: [String] = []
        if unplaced > 0 {
            notes.append("\(SalesReport.count(unplaced, "won deal")) with no client or no close date: not counted")
        }
        if activities == nil {
            notes.append("crm.activities is not mapped: activities and contacted_clients are empty")
        } else if let undated = activities?.undated, undated > 0 {
            notes.append("\(SalesReport.count(undated, "activity", plural: "activities")) with no date: not counted")
        }
        return ClientsReportResult(request: request, lines: lines, clients: purchases.count, notes: notes)
    }

    public func run(_ request: ClientsReportRequest) throws(Diagnostic) -> ClientsReportResult {
        let result = try compute(request)
        try ResultTables.replace([ResultTable(name: ClientsReportResult.tableName, columns: ClientsReportResult.columns,
                                              rows: result.tableRows)], in: workspace, by: "report clients")
        return result
    }

    /// Activities per month and the distinct clients they were with; nil when the role is not mapped.
    private func readActivities() throws(Diagnostic) -> (counts: [CalendarMonth: Int], clients: [CalendarMonth: Set<String>], undated: Int)? {
        let stream = RoleStream(workspace: workspace)
        guard stream.exists(Self.activitiesRole) else { return nil }
        var counts: [CalendarMonth: Int] = [:]
        var clients: [CalendarMonth: Set<String>] = [:]
        var undated = 0
        try stream.each("from crm.activities | select client = \(ProfitPipelines.id("client_id")), at", name: Self.activitiesRole) { row in
            // A date-time is stored as `yyyy-MM-dd HH:mm:ss`: its day is the first ten characters.
            guard let text = row.optionalText(at: 1), let day = CalendarDate(iso: text.prefix(10)) else {
                undated += 1
                return
            }
            let month = CalendarMonth(day)
            counts[month, default: 0] += 1
            if let client = row.optionalText(at: 0) { clients[month, default: []].insert(client) }
        }
        return (counts, clients, undated)
    }
}
