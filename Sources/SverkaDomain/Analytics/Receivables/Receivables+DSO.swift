import SverkaEngine
import SverkaSyntax

extension Receivables {
    /// The period `dso` looks at when none is given: the 90 days that end on its last day.
    public static let defaultDSODays = 90

    /// Days sales outstanding: receivables at the end of the period (the total of `aging` as of
    /// its last day) ÷ the amounts invoiced in it × its days. An open end is today; an open
    /// start is `defaultDSODays` days before the end.
    public func dso(_ period: DatePeriod, today: CalendarDate = .today()) throws(Diagnostic) -> DSOResult {
        let end = period.end ?? today
        let start = period.start ?? end.adding(days: -(Self.defaultDSODays - 1))
        guard start <= end else {
            throw Diagnostic("the period starts (\(start.iso)) after it ends (\(end.iso))")
                .hint("give both ends: dso from \(start.iso) to \(start.adding(days: Self.defaultDSODays - 1).iso)")
        }
        let receivables = try aging(AgingRequest(asOf: end))
        let conversion = try CurrencyConversion.reading(workspace, base: currency)
        let invoiced = try reading { scratch throws(Diagnostic) in
            try InvoicedInPeriod.read(from: start, to: end, base: conversion.base, in: scratch)
        }
        var converter = conversion.converter()
        var revenue: Int64 = 0
        var invoices = 0
        for group in invoiced {
            // Revenue is converted on each invoice's issue date; the debt at the end, on that day.
            revenue += converter.convert(units: group.amount, currency: group.currency, on: group.issued)
            invoices += group.invoices
        }
        try converter.check()
        let common = try Self.common(receivables.currency, converter.currencies, base: conversion.base,
                                       what: "the receivables and the invoices of the period")
        return DSOResult(start: start, end: end, receivables: receivables.total, revenue: MinorUnits.units(revenue),
                         invoices: invoices, currency: common)
    }
}

/// The invoices issued in a period, summed per currency and issue date (one by one for those
/// in a currency other than the base, each converted on its own).
enum InvoicedInPeriod {
    struct Group {
        var currency: String?
        var issued: CalendarDate?
        var invoices: Int
        var amount: Int64
    }

    static func read(from start: CalendarDate, to end: CalendarDate, base: String?, in scratch: ScratchTables) throws(Diagnostic) -> [Group] {
        let invoices = try RoleSelection(ReceivableSpecs.invoices, in: scratch.workspace)
        var statement = RoleStatement(invoices, sql: scratch.sql)
        let first = statement.bind(start), last = statement.bind(end)
        // Grouped by the currency as written (CurrencyConverter normalises it): upper() would
        // call back into Swift for every row. A spelling other than the base's exact one is
        // split by invoice, which is right whatever it normalises to.
        let code = "i.currency"
        var keys = [code, "i.issue_date"]
        if let base {
            keys.append("CASE WHEN \(code) IS NOT NULL AND \(code) <> \(statement.bind(.text(base))) THEN i.id END")
        }
        let select = """
            SELECT \(code), i.issue_date, count(*), COALESCE(sum(i.amount), 0)
            FROM \(statement.source) i
            WHERE i.issue_date >= \(first) AND i.issue_date <= \(last)
            GROUP BY \(keys.joined(separator: ", "))
            """
        return try scratch.workspace.database.query(select, statement.parameters) { row in
            Group(currency: row.isNull(at: 0) ? nil : row.text(at: 0),
                  issued: CalendarDate(iso: Substring(row.text(at: 1))),
                  invoices: Int(row.int64(at: 2)), amount: row.int64(at: 3))
        }
    }
}
