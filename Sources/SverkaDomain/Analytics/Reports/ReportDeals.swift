import SverkaEngine
import SverkaSyntax

/// One deal as the reports read it: ids and names trimmed (blank is none), the amount in minor
/// units of the base currency, the client's manager and region (else the deal's own).
struct DealFacts: Sendable {
    enum Stage: Sendable { case won, lost, open }

    var clientID: String?
    var stage: Stage
    /// The amount, converted when the deal is won; nil when the deal has none, or is not won
    /// (an open or lost deal's amount is never added up, so it needs no rate).
    var amount: Int64?
    var product: String?
    var manager: String?
    var region: String?
    var createdAt: CalendarDate?
    var closedAt: CalendarDate?
}

/// Reads crm.deals row by row for the reports, through the same pipelines, client directory and
/// currency conversion as `profit`, so that `report sales by region` and `profit by region`
/// put a deal's revenue on the same row: a manager or region is the client's (crm.clients), else
/// the deal's own.
struct ReportDeals {
    let stream: RoleStream
    let clients: ClientDirectory

    static let role = "crm.deals"

    init(workspace: Workspace) throws(Diagnostic) {
        stream = RoleStream(workspace: workspace)
        guard stream.exists(Self.role) else { throw ScratchTables.missing(Self.role) }
        clients = try ClientDirectory.read(stream)
    }

    /// Every deal that passes the conditions (pipeline text over crm.deals' fields), in no order.
    func each(where conditions: [String?], converter: inout CurrencyConverter,
              _ body: (DealFacts) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let columns = ["client = \(ProfitPipelines.id("client_id"))", "stage", "amount", "currency",
                       "product = \(ProfitPipelines.id("product"))", "manager = \(ProfitPipelines.id("manager"))",
                       "region = \(ProfitPipelines.id("region"))", "created = created_at", "closed = closed_at"]
        let pipeline = "from crm.deals" + ProfitPipelines.filter(conditions) + " | select " + columns.joined(separator: ", ")
        try stream.each(pipeline, name: Self.role) { row throws(Diagnostic) in
            let stage: DealFacts.Stage
            switch row.optionalText(at: 1) {
            case "won": stage = .won
            case "lost": stage = .lost
            default: stage = .open
            }
            let client = row.optionalText(at: 0)
            let closed = Self.date(row.optionalText(at: 8))
            var amount: Int64?
            if stage == .won, !row.isNull(at: 2) {
                amount = converter.convert(units: row.int64(at: 2), currency: row.optionalText(at: 3), on: closed)
            }
            try body(DealFacts(clientID: client, stage: stage, amount: amount, product: row.optionalText(at: 4),
                               manager: clients.attribute(.manager, of: client) ?? row.optionalText(at: 5),
                               region: clients.attribute(.region, of: client) ?? row.optionalText(at: 6),
                               createdAt: Self.date(row.optionalText(at: 7)), closedAt: closed))
        }
    }

    /// `stage == "won" or stage == "lost"`: the deals that are decided.
    static let closedDeals = "(stage == \"won\" or stage == \"lost\")"
    static let wonDeals = "stage == \"won\""

    private static func date(_ text: String?) -> CalendarDate? {
        text.flatMap { CalendarDate(iso: Substring($0)) }
    }
}
