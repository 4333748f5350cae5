import SverkaEngine
import SverkaSyntax

/// `aging` on many dates from one read of acc.invoices and acc.payments (the KPIs' debt at each
/// month end): each invoice and payment is read once with the first of the dates it counts on,
/// then set against its payments date by date in Swift. The cells it makes for each date are
/// those `OpenInvoiceQuery` makes on that date, and `AgingAssembler` turns them into the result,
/// so the figures are the same, converted the same way.
///
/// A date it cannot vouch for is left out of the results, for the caller to ask `aging` about:
/// repeated invoice ids, or amounts that cannot be added up, make `aging` throw, and its error
/// (which names what it met by that date) is the one to show. So is any error of the read.
struct AgingSeries {
    /// Increasing, no repeats.
    let dates: [CalendarDate]
    /// The buckets, basis and terms of every date's aging; its own date is not used.
    let template: AgingRequest
    /// The base currency (`CurrencyConversion.base`).
    let base: String?

    init(dates: [CalendarDate], template: AgingRequest, base: String?) {
        self.dates = Array(Set(dates)).sorted()
        self.template = template
        self.base = base
    }

    /// The aging on each date; nil when an invoice id repeats (see above).
    func results(in scratch: ScratchTables, conversion: CurrencyConversion) throws(Diagnostic) -> [CalendarDate: AgingResult]? {
        guard !dates.isEmpty, !template.byClient, let (tally, payments) = try pass(in: scratch) else { return nil }
        var results: [CalendarDate: AgingResult] = [:]
        for (index, date) in dates.enumerated() {
            var request = template
            request.asOf = date
            let cells = tally.cells(date: index)
            guard var result = try? AgingAssembler(request: request, conversion: conversion).result(cells, names: .none) else { continue }
            result.unapplied = payments.toDate(index).unapplied(after: cells, singleCurrency: result.currencies.count <= 1)
            results[date] = result
        }
        return results
    }

    /// Every invoice issued by the last date (or undated), placed on each date from the first it
    /// is issued by; nil when an invoice id repeats.
    private func pass(in scratch: ScratchTables) throws(Diagnostic) -> (AgingSeriesTally, PaymentSchedule)? {
        let invoices = try RoleSelection(ReceivableSpecs.invoices, in: scratch.workspace)
        var statement = RoleStatement(invoices, sql: scratch.sql)
        // Counting first (a scan, no sorting) sizes the dictionary of payments once.
        let counting = try scratch.workspace.database.prepare("SELECT count(*) FROM \(statement.source) i")
        try counting.bind(statement.parameters)
        let expected = try counting.step() ? Int(counting.int64(at: 0)) : 0
        var payments = try PaymentSchedule.read(dates: dates, invoices: expected, in: scratch)
        let day: String
        switch template.basis {
        case .dueDate:
            let terms = statement.bind(.integer(Int64(template.termsDays)))
            day = "COALESCE(i.due_date, \(scratch.sql.dialect.addDays("i.issue_date", terms)))"
        case .invoiceDate:
            day = "i.issue_date"
        }
        let firstDate = Self.firstDateSQL("i.issue_date", dates: dates, statement: &statement)
        let rows = try scratch.workspace.database.prepare("""
            SELECT i.id, COALESCE(i.amount, 0), i.issue_date IS NULL, \(day), i.currency, \(firstDate)
            FROM \(statement.source) i
            """)
        try rows.bind(statement.parameters)
        let thresholds = dates.map { date in template.buckets.thresholds(asOf: date).map(\.iso) }
        var tally = AgingSeriesTally(dates: dates.count, buckets: template.buckets.count)
        while try rows.step() {
            let from = Int(rows.int64(at: 5))
            guard from >= 0 else { continue }
            let id = rows.isNull(at: 0) ? nil : rows.text(at: 0)
            var steps: [PaymentSchedule.Step] = []
            if let id {
                let claim = payments.claim(id)
                if claim.repeated { return nil }
                steps = claim.steps
            }
            let amount = rows.int64(at: 1)
            let undated = rows.int64(at: 2) != 0
            let dueDay = rows.isNull(at: 3) ? nil : rows.text(at: 3)
            let currency = tally.currency(rows.isNull(at: 4) ? nil : rows.text(at: 4))
            let code = tally.codes[currency]
            let alone = base != nil && code != nil && code != base && !(id ?? "").isEmpty
            for date in from..<dates.count {
                var paid: Int64 = 0
                var count = 0
                for step in steps where step.from <= date {
                    paid += step.amount
                    count += 1
                }
                let balance = amount - paid
                let standing = OpenInvoicePass.standing(undated: undated, balance: balance, day: balance > 0 ? dueDay : nil,
                                                        thresholds: thresholds[date])
                tally.add(date: date, currency: currency, standing: standing, balance: balance, applied: paid,
                          appliedPayments: count, alone: alone)
            }
        }
        return (tally, payments)
    }

    /// SQL giving the index of the first of `dates` that `column` is on or before — 0 for null
    /// (no date keeps a row in, as `aging` keeps it), -1 after the last. The same comparisons
    /// `aging` makes in SQL, so a value it keeps on a date is kept here from that date on.
    static func firstDateSQL(_ column: String, dates: [CalendarDate], statement: inout RoleStatement) -> String {
        let cases = dates.enumerated().map { index, date in "WHEN \(column) <= \(statement.bind(date)) THEN \(index)" }
        return "CASE WHEN \(column) IS NULL THEN 0 \(cases.joined(separator: " ")) ELSE -1 END"
    }
}
