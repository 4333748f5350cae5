import SverkaEngine

/// One client on one page (`check client`): who it is in both systems, what it buys, what it
/// was invoiced and paid, what it owes and since when, what it earns us, and whether it is
/// entered twice. Money is in `currency`, converted at the as-of date's rate when a base
/// currency is set.
public struct ClientCard: Sendable {
    public var asOf: CalendarDate
    public var client: PartyDetails
    /// The counterparties `matches` links to the client.
    public var counterparties: [MatchedCounterparty]
    /// Whether there was a `matches` table to look in.
    public var clientsMatched: Bool
    /// Deals per stage on the date; nil when crm.deals is not mapped.
    public var deals: [DealStage]?
    /// Invoices of its counterparties issued by the date, and their amount.
    public var invoices: Int
    public var invoiced: ExactDecimal
    /// Payments made by the date against those invoices, and their amount.
    public var payments: Int
    public var paid: ExactDecimal
    /// Payments from its counterparties with no invoice_id, made by the date (amount nil when
    /// amounts are converted: a payment names no currency).
    public var unappliedPayments: Int
    public var unappliedAmount: ExactDecimal?
    /// Its debt per bucket on the date (`aging` for its counterparties only).
    public var aging: AgingResult
    public var margin: ClientMargin
    /// The groups of `duplicates` (made by `dedupe`) the client or one of its counterparties is
    /// in, every member listed; nil when there is no such table.
    public var duplicates: [DuplicateEntry]?
    public var currency: String?

    public var outstanding: ExactDecimal { aging.total }
    public var overdue: ExactDecimal { aging.overdue }
    public var isOverdue: Bool { aging.overdue.units > 0 }

    /// Days past due of the client's oldest overdue invoice.
    public var oldestDaysOverdue: Int?
}

/// A counterparty matched to the client.
public struct MatchedCounterparty: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var taxID: String?
    /// How `match clients` linked it (tax_id, name, manual …), when `matches` says.
    public var method: String?
    /// Other clients the same counterparty is matched to: the client is probably entered twice.
    public var otherClients: [String]
}

/// The client's deals of one stage.
public struct DealStage: Sendable, Hashable {
    /// won, open or lost, as on the date (a deal won after it was still open).
    public var stage: String
    /// The CRM's own stage name, when crm.deals keeps it (`negotiation`).
    public var crmStage: String?
    public var deals: Int
    public var amount: ExactDecimal
}

/// One member of a group in `duplicates`.
public struct DuplicateEntry: Sendable, Hashable {
    public var groupID: Int64
    public var id: String
    public var name: String?
    public var reason: String?
    public var survivor: Bool
}

/// The client's margin from `profit by client` (won deals by the date less the costs of its
/// counterparties), or why it could not be worked out.
public enum ClientMargin: Sendable, Hashable {
    case computed(revenue: ExactDecimal, cost: ExactDecimal, margin: ExactDecimal, percent: Double?)
    /// The client has no revenue and no cost by the date.
    case none
    case unavailable(String)
}
