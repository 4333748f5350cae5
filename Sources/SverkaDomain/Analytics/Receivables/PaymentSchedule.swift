import SverkaEngine
import SverkaSyntax

/// The payments of `AgingSeries`, read once for all its dates: per invoice_id, each payment with
/// the first date it counts on (its index in the sorted dates), so that what an invoice was paid
/// by any date is a sum over a few steps. What `PaymentsToDate` holds for one date, this holds
/// for every date at once.
struct PaymentSchedule {
    /// One payment: from the date `from` on (an index into the dates), `amount` is paid.
    struct Step {
        var from: Int
        var amount: Int64
    }

    /// The payments of one invoice id, and whether an invoice has claimed it (a second claim is
    /// a repeated id).
    struct Entry {
        var steps: [Step] = []
        var claimed = false
    }

    private(set) var byInvoice: [String: Entry] = [:]
    /// Per date index, the payments that first count on it: all, and those with no invoice_id.
    /// `totals(upTo:)` adds them up.
    private var counts: [Totals]

    /// Counts and money of payments, as `PaymentsToDate` keeps them.
    struct Totals {
        var payments = 0
        var amount: Int64 = 0
        var withoutInvoice = 0
        var withoutInvoiceAmount: Int64 = 0
    }

    /// Reads acc.payments once, each payment with the index of the first of `dates` it counts
    /// on (`AgingSeries.firstDateSQL`); one made after the last date is left out. `invoices`:
    /// about how many invoices will be looked up, so that the dictionary is made large enough once.
    static func read(dates: [CalendarDate], invoices: Int, in scratch: ScratchTables) throws(Diagnostic) -> PaymentSchedule {
        let role = try RoleSelection(ReceivableSpecs.payments, in: scratch.workspace)
        var statement = RoleStatement(role, sql: scratch.sql)
        let firstDate = AgingSeries.firstDateSQL("p.paid_at", dates: dates, statement: &statement)
        let rows = try scratch.workspace.database.prepare("""
            SELECT p.invoice_id, p.amount, \(firstDate) FROM \(statement.source) p
            """)
        try rows.bind(statement.parameters)
        var result = PaymentSchedule(counts: Array(repeating: Totals(), count: dates.count))
        result.byInvoice.reserveCapacity(invoices)
        while try rows.step() {
            let from = Int(rows.int64(at: 2))
            guard from >= 0 else { continue }
            let amount = rows.int64(at: 1)
            result.counts[from].payments += 1
            result.counts[from].amount += amount
            guard !rows.isNull(at: 0) else {
                result.counts[from].withoutInvoice += 1
                result.counts[from].withoutInvoiceAmount += amount
                continue
            }
            result.byInvoice[rows.text(at: 0), default: Entry()].steps.append(Step(from: from, amount: amount))
        }
        return result
    }

    /// The payments of the invoice `id`, and whether an invoice with that id was met before.
    mutating func claim(_ id: String) -> (steps: [Step], repeated: Bool) {
        if let index = byInvoice.index(forKey: id) {
            let repeated = byInvoice.values[index].claimed
            byInvoice.values[index].claimed = true
            return (byInvoice.values[index].steps, repeated)
        }
        byInvoice[id] = Entry(claimed: true)
        return ([], false)
    }

    /// All the payments made by the date of index `date`, as `PaymentsToDate` would have read
    /// them on it (without the per-invoice sums, which the cells carry).
    func toDate(_ date: Int) -> PaymentsToDate {
        var result = PaymentsToDate()
        for totals in counts[...date] {
            result.payments += totals.payments
            result.amount += totals.amount
            result.withoutInvoice += totals.withoutInvoice
            result.withoutInvoiceAmount += totals.withoutInvoiceAmount
        }
        return result
    }
}
