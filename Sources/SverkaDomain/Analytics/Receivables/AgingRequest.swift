import SverkaEngine

/// From which date an invoice's days are counted.
public enum AgingBasis: String, Sendable, Hashable, CaseIterable {
    /// From the due date (the issue date plus the terms when the invoice has none): days
    /// overdue, and `current` is what is not yet due.
    case dueDate = "due_date"
    /// From the issue date: the invoice's age, whatever its terms.
    case invoiceDate = "invoice_date"
}

/// What one `aging` run is asked for.
public struct AgingRequest: Sendable, Hashable {
    /// Invoices issued and payments made after this day are left out.
    public var asOf: CalendarDate
    /// A row per client (counterparties with no client keep their own row) instead of per bucket.
    public var byClient: Bool
    public var buckets: AgingBuckets
    public var basis: AgingBasis
    /// Days from issue to due date for invoices without a due date.
    public var termsDays: Int

    /// The terms assumed when an invoice has no due date: the same 14 days `sync invoices`
    /// gives the invoices it proposes.
    public static let defaultTermsDays = 14

    public init(asOf: CalendarDate, byClient: Bool = false, buckets: AgingBuckets = .standard,
                basis: AgingBasis = .dueDate, termsDays: Int = AgingRequest.defaultTermsDays) {
        self.asOf = asOf
        self.byClient = byClient
        self.buckets = buckets
        self.basis = basis
        self.termsDays = termsDays
    }
}
