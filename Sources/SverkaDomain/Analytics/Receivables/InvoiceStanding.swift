/// Where an invoice issued by the as-of date stands on it.
enum InvoiceStanding: Hashable {
    /// It owes something; the bucket is an index into `AgingBuckets.names`.
    case open(bucket: Int)
    /// Its payments add up to exactly its amount.
    case paid
    /// Its payments add up to more than its amount.
    case overpaid
    /// It has no issue date, so it cannot be placed in time: left out of the debt.
    case undated

    /// A number for each standing, for grouping: buckets count from 0, the others are negative.
    var code: Int {
        switch self {
        case .open(let bucket): return bucket
        case .paid: return -1
        case .overpaid: return -2
        case .undated: return -3
        }
    }

    /// Owing, and past due.
    var isOverdue: Bool {
        if case .open(let bucket) = self { return bucket > 0 }
        return false
    }
}

/// One group of invoices of the pass: those of one party (or all), one standing and one currency,
/// with their count and money. Amounts are minor units in the invoices' currency.
struct AgingCell {
    var clientID: String?
    /// Set only when the party has no client.
    var counterpartyID: String?
    var standing: InvoiceStanding
    var currency: String?
    var invoices: Int
    /// The sum of amount − paid: positive for debt, negative for overpayments.
    var balance: Int64
    /// The earliest day counted from (due date, or issue date by basis), ISO text.
    var earliestDay: String?
    /// What payments made by the date took off these invoices, and how many payments.
    var applied: Int64
    var appliedPayments: Int
}
