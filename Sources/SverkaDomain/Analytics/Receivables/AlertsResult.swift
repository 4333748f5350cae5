import SverkaEngine

/// The clients sales should know about before selling them more: those with overdue debt on
/// the date, with their open deals in the CRM.
public struct AlertsResult: Sendable {
    public var asOf: CalendarDate
    /// Largest overdue debt first.
    public var alerts: [ClientAlert]
    /// The currency of every amount; nil when the data names none.
    public var currency: String?
    /// Whether crm.deals is mapped: without it no open deals can be shown.
    public var dealsRead: Bool
    /// Whether a `matches` table tied counterparties to clients.
    public var clientsMatched: Bool

    /// The overdue debt of all of them.
    public var overdue: ExactDecimal { MinorUnits.sum(alerts.map(\.overdue)) }
    /// The amount of their open deals.
    public var openAmount: ExactDecimal { MinorUnits.sum(alerts.map(\.openAmount)) }

    /// The table `alerts`.
    public static let tableName = "alerts"

    public static let columns: [ResultColumn] = {
        let money = LogicalType.decimal(scale: 2)
        return [ResultColumn(name: "client_id", type: .text), ResultColumn(name: "counterparty_id", type: .text),
                ResultColumn(name: "name", type: .text), ResultColumn(name: "manager", type: .text),
                ResultColumn(name: "overdue", type: money), ResultColumn(name: "overdue_invoices", type: .integer),
                ResultColumn(name: "days_overdue", type: .integer), ResultColumn(name: "outstanding", type: money),
                ResultColumn(name: "open_deals", type: .integer), ResultColumn(name: "open_amount", type: money)]
    }()

    public var rows: [[Value]] {
        alerts.map { alert in
            let text = { (value: String?) in value.map(Value.text) ?? .null }
            return [text(alert.clientID), text(alert.counterpartyID), text(alert.name), text(alert.manager),
                    .decimal(alert.overdue), .integer(Int64(alert.overdueInvoices)), .integer(Int64(alert.daysOverdue)),
                    .decimal(alert.outstanding), .integer(Int64(alert.openDeals)), .decimal(alert.openAmount)]
        }
    }
}

/// One client with overdue debt (or a counterparty with none matched to it).
public struct ClientAlert: Sendable, Hashable {
    public var clientID: String?
    /// Set when no client is matched to the counterparty that owes.
    public var counterpartyID: String?
    public var name: String?
    public var manager: String?
    public var overdue: ExactDecimal
    public var overdueInvoices: Int
    /// Days past due of the oldest overdue invoice.
    public var daysOverdue: Int
    /// All the debt, overdue or not.
    public var outstanding: ExactDecimal
    /// Deals open in the CRM on the date, and their amount.
    public var openDeals: Int
    public var openAmount: ExactDecimal
}
