import SverkaEngine
import SverkaSyntax

extension Receivables {
    /// The clients with overdue debt on `asOf` (counterparties with no client too), with the
    /// deals they have open in the CRM; writes nothing.
    public func alerts(asOf: CalendarDate, termsDays: Int = AgingRequest.defaultTermsDays) throws(Diagnostic) -> AlertsResult {
        let (aging, names) = try agingWithNames(AgingRequest(asOf: asOf, byClient: true, termsDays: termsDays))
        let owing = aging.parties.filter { $0.overdue.units > 0 }
        let dealsRead = workspace.catalog.schema(of: ReceivableSpecs.deals.source) != nil
        var open: [String: (deals: Int, amount: Int64)] = [:]
        var currency = aging.currency
        if dealsRead {
            let conversion = try CurrencyConversion.reading(workspace, base: self.currency)
            let groups = try reading { scratch throws(Diagnostic) in
                try OpenDeals.read(asOf: asOf, base: conversion.base, in: scratch)
            }
            var converter = conversion.converter()
            let clients = Set(owing.compactMap(\.clientID))
            for group in groups where clients.contains(group.clientID) {
                let units = converter.convert(units: group.amount, currency: group.currency, on: asOf)
                open[group.clientID, default: (0, 0)].deals += group.deals
                open[group.clientID, default: (0, 0)].amount += units
            }
            try converter.check()
            currency = try Self.common(currency, converter.currencies, base: conversion.base, what: "the invoices and the deals")
        }
        let alerts = owing.map { party -> ClientAlert in
            let deals = party.clientID.flatMap { open[$0] } ?? (0, 0)
            return ClientAlert(clientID: party.clientID, counterpartyID: party.counterpartyID, name: party.name,
                               manager: names.manager(of: PartyKey(clientID: party.clientID, counterpartyID: party.counterpartyID)),
                               overdue: party.overdue, overdueInvoices: party.overdueInvoices,
                               daysOverdue: party.oldestDaysOverdue ?? 0, outstanding: party.outstanding,
                               openDeals: deals.deals, openAmount: MinorUnits.units(deals.amount))
        }
        return AlertsResult(asOf: asOf, alerts: Self.sorted(alerts), currency: currency, dealsRead: dealsRead,
                            clientsMatched: aging.clientsMatched)
    }

    /// `alerts`, and its rows written to the table `alerts` (replacing it) in one transaction.
    @discardableResult
    public func runAlerts(asOf: CalendarDate, termsDays: Int = AgingRequest.defaultTermsDays) throws(Diagnostic) -> AlertsResult {
        try workspace.database.inTransaction { () throws(Diagnostic) -> AlertsResult in
            let result = try alerts(asOf: asOf, termsDays: termsDays)
            let table = ResultTable(name: AlertsResult.tableName, columns: AlertsResult.columns, rows: result.rows)
            try ResultTables.replace([table], in: workspace, by: "alerts")
            return result
        }
    }

    /// Largest overdue debt first, then the oldest, then by id.
    static func sorted(_ alerts: [ClientAlert]) -> [ClientAlert] {
        alerts.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue > b.overdue }
            if a.daysOverdue != b.daysOverdue { return a.daysOverdue > b.daysOverdue }
            return IDOrder.precedes(a.clientID ?? a.counterpartyID ?? "", b.clientID ?? b.counterpartyID ?? "")
        }
    }

    /// The one currency of the debt and of other amounts shown beside it (`what` names both);
    /// without a base currency, two currencies are an error.
    static func common(_ debt: String?, _ others: [String], base: String?, what: String) throws(Diagnostic) -> String? {
        if let base { return base }
        let all = Set(others + [debt].compactMap { $0 })
        guard all.count > 1 else { return all.first }
        throw Diagnostic("\(what) are in several currencies (\(all.sorted().joined(separator: ", "))), and no base currency is set")
            .hint("set currency \(debt ?? all.sorted()[0]) converts every amount at the rates in acc.rates")
    }
}
