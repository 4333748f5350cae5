import SverkaEngine
import SverkaSyntax

/// The payments made by the as-of date, summed per invoice_id, for the pass over the invoices to
/// look each invoice up in: a dictionary, since SQLite would sum them by sorting every payment
/// and then look each invoice up in an index built for the purpose.
///
/// A payment with no date is counted: it is in the export, and nothing places it after the
/// date (as `reconcile as of` keeps rows with no date).
struct PaymentsToDate {
    /// What was paid against one invoice id; `invoices` counts the invoices that claimed it,
    /// so that a repeated id is seen in the same lookup.
    struct Entry {
        var paid: Int64 = 0
        var payments = 0
        var invoices = 0

        mutating func add(_ amount: Int64) {
            paid += amount
            payments += 1
        }
    }

    var byInvoice: [String: Entry] = [:]
    /// All payments made by the date, and those with no invoice_id (an advance, an unidentified
    /// transfer): counts and money.
    var payments = 0
    var amount: Int64 = 0
    var withoutInvoice = 0
    var withoutInvoiceAmount: Int64 = 0

    /// `invoices`: about how many invoices will be looked up, so that the dictionary is made
    /// large enough once.
    static func read(asOf: CalendarDate, invoices: Int, in scratch: ScratchTables) throws(Diagnostic) -> PaymentsToDate {
        let role = try RoleSelection(ReceivableSpecs.payments, in: scratch.workspace)
        var statement = RoleStatement(role, sql: scratch.sql)
        let day = statement.bind(asOf)
        let rows = try scratch.workspace.database.prepare("""
            SELECT p.invoice_id, p.amount FROM \(statement.source) p WHERE p.paid_at IS NULL OR p.paid_at <= \(day)
            """)
        try rows.bind(statement.parameters)
        var result = PaymentsToDate()
        result.byInvoice.reserveCapacity(invoices)
        while try rows.step() {
            let amount = rows.int64(at: 1)
            result.payments += 1
            result.amount += amount
            guard !rows.isNull(at: 0) else {
                result.withoutInvoice += 1
                result.withoutInvoiceAmount += amount
                continue
            }
            result.byInvoice[rows.text(at: 0), default: Entry()].add(amount)
        }
        return result
    }

    /// What the invoice `id` was paid, and whether an invoice with that id was met before.
    mutating func claim(_ id: String) -> (entry: Entry, repeated: Bool) {
        if let index = byInvoice.index(forKey: id) {
            byInvoice.values[index].invoices += 1
            let entry = byInvoice.values[index]
            return (entry, entry.invoices > 1)
        }
        byInvoice[id] = Entry(invoices: 1)
        return (Entry(), false)
    }

    /// What no invoice of the aging took: payments with no invoice_id, and the rest of what
    /// was paid beyond what the invoices applied. Amounts only when the invoices are in one
    /// currency: payments carry none of their own, so a sum over several means nothing.
    func unapplied(after cells: [AgingCell], singleCurrency: Bool) -> UnappliedPayments {
        let applied = cells.reduce(Int64(0)) { $0 + $1.applied }
        let appliedPayments = cells.reduce(0) { $0 + $1.appliedPayments }
        return UnappliedPayments(
            withoutInvoice: withoutInvoice,
            withoutInvoiceAmount: singleCurrency ? MinorUnits.units(withoutInvoiceAmount) : nil,
            other: payments - withoutInvoice - appliedPayments,
            otherAmount: singleCurrency ? MinorUnits.units(amount - withoutInvoiceAmount - applied) : nil)
    }
}
