import SverkaEngine

/// The answer to a `ClientsReportRequest`: one line per month.
public struct ClientsReportResult: Sendable {
    public static let tableName = "report_clients"

    public struct Line: Sendable, Hashable {
        public var month: CalendarMonth
        public var newClients: Int
        public var returnedClients: Int
        public var lapsedClients: Int
        public var activeClients: Int
        /// nil when crm.activities is not mapped.
        public var activities: Int?
        /// Distinct clients with an activity in the month; nil when crm.activities is not mapped.
        public var contactedClients: Int?
    }

    public var request: ClientsReportRequest
    public var lines: [Line]
    /// Clients with at least one won deal, ever.
    public var clients: Int
    public var notes: [String]

    public static let columns = [
        ResultColumn(name: "month", type: .text), ResultColumn(name: "new_clients", type: .integer),
        ResultColumn(name: "returned_clients", type: .integer), ResultColumn(name: "lapsed_clients", type: .integer),
        ResultColumn(name: "active_clients", type: .integer), ResultColumn(name: "activities", type: .integer),
        ResultColumn(name: "contacted_clients", type: .integer),
    ]

    public var tableRows: [[Value]] {
        lines.map { line in
            [.text(line.month.description), .integer(Int64(line.newClients)), .integer(Int64(line.returnedClients)),
             .integer(Int64(line.lapsedClients)), .integer(Int64(line.activeClients)),
             line.activities.map { .integer(Int64($0)) } ?? .null, line.contactedClients.map { .integer(Int64($0)) } ?? .null]
        }
    }
}
