import SverkaEngine

/// What `aging` found on its as-of date: the debt per bucket (and per client when asked), and
/// what was left out of it — paid and overpaid invoices, payments tied to no open invoice.
public struct AgingResult: Sendable {
    /// One bucket: how many invoices owe something in it, and how much.
    public struct Line: Sendable, Hashable {
        public var bucket: String
        public var invoices: Int
        public var outstanding: ExactDecimal
    }

    public var request: AgingRequest
    /// One line per bucket, in the buckets' order (`current` first), empty buckets included.
    public var lines: [Line]
    /// The rows of `aging by client`, largest debt first; empty without `by client`.
    public var parties: [PartyAging]
    /// The currency every amount is in; nil when the invoices name none.
    public var currency: String?
    /// The currencies the debt was in, before any conversion.
    public var currencies: [String]
    public var settled: SettledInvoices
    public var unapplied: UnappliedPayments
    /// Invoices with no issue date: they cannot be placed in time, so they are left out.
    public var undatedInvoices: Int
    /// Whether a `matches` table linked counterparties to clients (`by client` only): without
    /// one, every row is a counterparty.
    public var clientsMatched: Bool

    /// Invoices that owe something on the date.
    public var invoices: Int { lines.reduce(0) { $0 + $1.invoices } }
    /// Everything owed on the date: the sum of the buckets.
    public var total: ExactDecimal { MinorUnits.sum(lines.map(\.outstanding)) }
    /// What is past due (every bucket but `current`).
    public var overdue: ExactDecimal { MinorUnits.sum(lines.dropFirst().map(\.outstanding)) }
    public var overdueInvoices: Int { lines.dropFirst().reduce(0) { $0 + $1.invoices } }

    /// The overdue part of the debt, 0…1; nil when nothing is owed.
    public var overdueShare: Double? {
        total.units > 0 ? Double(overdue.units) / Double(total.units) : nil
    }

    /// The amount of one bucket by its name (`"31-60"`); nil for a name that is not a bucket.
    public func outstanding(in bucket: String) -> ExactDecimal? {
        lines.first { $0.bucket == bucket }?.outstanding
    }
}

/// One row of `aging by client`: a CRM client with the debt of every counterparty matched to
/// it, or a counterparty no client is matched to.
public struct PartyAging: Sendable, Hashable {
    /// The client; nil for a counterparty with no client.
    public var clientID: String?
    /// The counterparty, when the row is one with no client.
    public var counterpartyID: String?
    /// The client's name (crm.clients), or the counterparty's (acc.counterparties); nil when
    /// that role is not mapped or has no such record.
    public var name: String?
    /// Open invoices, and those of them overdue.
    public var invoices: Int
    public var overdueInvoices: Int
    /// The debt per bucket, in the buckets' order.
    public var amounts: [ExactDecimal]
    /// Days past due of the oldest overdue invoice; nil when nothing is overdue.
    public var oldestDaysOverdue: Int?

    public var outstanding: ExactDecimal { MinorUnits.sum(amounts) }
    public var overdue: ExactDecimal { MinorUnits.sum(amounts.dropFirst()) }

    /// The client id, or the counterparty's for a row without a client.
    public var key: String { clientID ?? counterpartyID ?? "" }
}

/// Invoices issued by the date that owe nothing on it.
public struct SettledInvoices: Sendable, Hashable {
    /// Paid exactly in full.
    public var paid: Int
    /// Paid more than their amount: not debt, and the excess is not set against other invoices.
    public var overpaid: Int
    /// What was paid over the amounts of the overpaid invoices (positive).
    public var overpayment: ExactDecimal
}

/// Payments made by the date that reduce no invoice of the aging. Amounts are nil when the
/// invoices are in several currencies: payments carry no currency of their own.
public struct UnappliedPayments: Sendable, Hashable {
    /// Payments with no invoice_id: an advance or an unidentified transfer.
    public var withoutInvoice: Int
    public var withoutInvoiceAmount: ExactDecimal?
    /// Payments whose invoice_id names no invoice issued by the date (unknown, or issued later:
    /// a prepayment).
    public var other: Int
    public var otherAmount: ExactDecimal?

    public var count: Int { withoutInvoice + other }

    /// Nothing unapplied (or not worked out).
    public static let none = UnappliedPayments(withoutInvoice: 0, withoutInvoiceAmount: nil, other: 0, otherAmount: nil)
}
