import SverkaEngine
import SverkaSyntax

/// The one pass over the invoices that every receivables figure comes from. SQLite reads each
/// invoice issued by the date and the day its days are counted from (the due date, or the issue
/// date plus the terms, or the issue date by basis); Swift takes off what was paid against it by
/// the date (`PaymentsToDate`), places it — in a bucket, or paid, overpaid, undated — and adds it
/// to its group (standing × currency, × party by client). Grouping in SQL would sort every row,
/// which on a million invoices costs more than all the rest; a dictionary of a few groups (or one
/// per client) does not. The same lookup finds invoice ids that repeat.
struct OpenInvoiceQuery {
    enum Grouping {
        /// One group per standing and currency.
        case standing
        /// Per client (`ClientOfCounterparty`), or per counterparty for those with none.
        case party(ClientOfCounterparty)
    }

    let request: AgingRequest
    let grouping: Grouping
    /// Only the invoices of these counterparties (a client's card).
    var counterparties: [String]?
    /// The base currency, when amounts are converted: an invoice in another currency is then a
    /// group of its own, since each is converted on its own (see `CurrencyConversion`).
    var base: String?

    /// The groups, and the payments they were set against (what is left over is unapplied).
    func cells(in scratch: ScratchTables) throws(Diagnostic) -> (cells: [AgingCell], payments: PaymentsToDate) {
        let invoices = try RoleSelection(ReceivableSpecs.invoices, in: scratch.workspace)
        var statement = RoleStatement(invoices, sql: scratch.sql)
        let asOf = statement.bind(request.asOf)
        let day: String
        switch request.basis {
        case .dueDate:
            let terms = statement.bind(.integer(Int64(request.termsDays)))
            day = "COALESCE(i.due_date, \(scratch.sql.dialect.addDays("i.issue_date", terms)))"
        case .invoiceDate:
            day = "i.issue_date"
        }
        var conditions = ["(i.issue_date IS NULL OR i.issue_date <= \(asOf))"]
        if let counterparties {
            guard !counterparties.isEmpty else { return ([], PaymentsToDate()) }
            conditions.append("i.counterparty_id IN (\(counterparties.map { statement.bind(.text($0)) }.joined(separator: ", ")))")
        }
        let where_ = conditions.joined(separator: " AND ")
        // Counting first (a scan, no sorting) sizes the dictionary of payments once.
        let counting = try scratch.workspace.database.prepare("SELECT count(*) FROM \(statement.source) i WHERE \(where_)")
        try counting.bind(Array(statement.parameters.prefix(counting.parameterCount)))
        let expected = try counting.step() ? Int(counting.int64(at: 0)) : 0
        var payments = try PaymentsToDate.read(asOf: request.asOf, invoices: expected, in: scratch)
        let rows = try scratch.workspace.database.prepare("""
            SELECT i.id, i.counterparty_id, COALESCE(i.amount, 0), i.issue_date IS NULL, \(day), i.currency
            FROM \(statement.source) i WHERE \(where_)
            """)
        try rows.bind(statement.parameters)
        var pass = OpenInvoicePass(request: request, grouping: grouping, base: base)
        while try rows.step() { pass.add(rows, payments: &payments) }
        if !pass.repeated.isEmpty { throw UniqueInvoiceIDs.repeated(pass.repeated) }
        return (Array(pass.groups.values), payments)
    }
}
