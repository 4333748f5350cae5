import SverkaEngine
import SverkaSyntax

/// Turns the sums of `OpenInvoiceQuery` into an `AgingResult`: converts each to the base
/// currency at the as-of date's rate (the value of a debt in a foreign currency on that day),
/// adds them up per bucket and per party, and sorts the parties largest debt first.
struct AgingAssembler {
    let request: AgingRequest
    let conversion: CurrencyConversion

    /// The money of the cells, converted; throws when several currencies cannot be added up.
    /// Payments not set against any invoice are for the caller to add (`PaymentsToDate`).
    func result(_ cells: [AgingCell], names: PartyNames) throws(Diagnostic) -> AgingResult {
        var converter = conversion.converter()
        // Only money owed or overpaid is converted: a paid invoice needs no rate.
        let converted = cells.map { cell -> Int64 in
            guard cell.balance != 0, cell.standing != .undated else { return 0 }
            return converter.convert(units: cell.balance, currency: cell.currency, on: request.asOf)
        }
        try converter.check()
        let buckets = request.buckets
        var lines = buckets.names.map { AgingResult.Line(bucket: $0, invoices: 0, outstanding: MinorUnits.zero) }
        var settled = SettledInvoices(paid: 0, overpaid: 0, overpayment: MinorUnits.zero)
        var undated = 0
        var parties: [PartyKey: PartyAging] = [:]
        for (cell, units) in zip(cells, converted) {
            switch cell.standing {
            case .open(let bucket):
                lines[bucket].invoices += cell.invoices
                lines[bucket].outstanding.units += units
                guard request.byClient else { continue }
                let key = PartyKey(clientID: cell.clientID, counterpartyID: cell.counterpartyID)
                var party = parties[key] ?? PartyAging(
                    clientID: key.clientID, counterpartyID: key.counterpartyID, name: names.name(of: key), invoices: 0, overdueInvoices: 0,
                    amounts: Array(repeating: MinorUnits.zero, count: buckets.count), oldestDaysOverdue: nil)
                party.invoices += cell.invoices
                if bucket > 0 { party.overdueInvoices += cell.invoices }
                party.amounts[bucket].units += units
                if bucket > 0, let days = daysOverdue(since: cell.earliestDay) {
                    party.oldestDaysOverdue = max(party.oldestDaysOverdue ?? days, days)
                }
                parties[key] = party
            case .paid:
                settled.paid += cell.invoices
            case .overpaid:
                settled.overpaid += cell.invoices
                settled.overpayment.units -= units
            case .undated:
                undated += cell.invoices
            }
        }
        return AgingResult(request: request, lines: lines, parties: Self.sorted(Array(parties.values)),
                           currency: conversion.base ?? converter.currencies.first, currencies: converter.currencies,
                           settled: settled, unapplied: .none, undatedInvoices: undated, clientsMatched: names.clientsMatched)
    }

    /// Whole days from an ISO day to the as-of date.
    private func daysOverdue(since day: String?) -> Int? {
        guard let day, let date = CalendarDate(iso: Substring(day)) else { return nil }
        return date.days(to: request.asOf)
    }

    /// Largest debt first, then the most overdue, then by id as people read ids.
    static func sorted(_ parties: [PartyAging]) -> [PartyAging] {
        parties.sorted { a, b in
            if a.outstanding != b.outstanding { return a.outstanding > b.outstanding }
            if a.overdue != b.overdue { return a.overdue > b.overdue }
            if (a.clientID == nil) != (b.clientID == nil) { return a.clientID != nil }
            return IDOrder.precedes(a.key, b.key)
        }
    }
}

/// A row of `aging by client`: a client, or a counterparty with none.
struct PartyKey: Hashable {
    var clientID: String?
    var counterpartyID: String?
}
