import SverkaEngine
import SverkaSyntax

extension Receivables {
    /// The card of the client named by `written` (an id, or a name or part of one; see
    /// `ClientLookup`) as on `asOf`.
    public func card(for written: String, asOf: CalendarDate,
                     termsDays: Int = AgingRequest.defaultTermsDays) throws(Diagnostic) -> ClientCard {
        guard workspace.catalog.schema(of: ReceivableSpecs.clients.source) != nil else {
            throw ScratchTables.missing(ReceivableSpecs.clients.source)
        }
        let clients = try PartyNames.read(ReceivableSpecs.clients, in: workspace)
        let client = try ClientLookup.find(written, among: clients.values.sorted { IDOrder.precedes($0.id, $1.id) })
        let counterpartyNames = try PartyNames.read(ReceivableSpecs.counterparties, in: workspace)
        let conversion = try CurrencyConversion.reading(workspace, base: currency)
        let request = AgingRequest(asOf: asOf, termsDays: termsDays)
        var card = try reading { scratch throws(Diagnostic) -> ClientCard in
            let queries = ClientCardQueries(client: client.id, asOf: asOf, scratch: scratch)
            let counterparties = try queries.counterparties(names: counterpartyNames)
            let cells = try OpenInvoiceQuery(request: request, grouping: .standing, counterparties: counterparties.map(\.id),
                                             base: conversion.base).cells(in: scratch).cells
            let aging = try AgingAssembler(request: request, conversion: conversion).result(cells, names: .none)
            var converter = conversion.converter()
            let deals = scratch.exists(ReceivableSpecs.deals.source)
                ? try queries.dealStages(base: conversion.base, converter: &converter) : nil
            // What was invoiced is what is owed plus what was paid, in each invoice's currency.
            var invoiced: Int64 = 0
            var invoices = 0, payments = 0
            for cell in cells where cell.standing != .undated {
                invoiced += converter.convert(units: cell.balance + cell.applied, currency: cell.currency, on: asOf)
                invoices += cell.invoices
                payments += cell.appliedPayments
            }
            try converter.check()
            let owed = cells.filter { $0.standing != .undated }.reduce(Int64(0)) { total, cell in
                total + (cell.balance == 0 ? 0 : conversion.convert(MinorUnits.units(cell.balance), from: cell.currency, on: asOf)?.units ?? 0)
            }
            let unapplied = try queries.unappliedPayments(from: counterparties.map(\.id))
            let common = try Self.common(aging.currency, converter.currencies, base: conversion.base,
                                         what: "the client's invoices and deals")
            return ClientCard(
                asOf: asOf, client: client, counterparties: counterparties,
                clientsMatched: scratch.exists(ReceivableSpecs.matches.source), deals: deals,
                invoices: invoices, invoiced: MinorUnits.units(invoiced), payments: payments,
                paid: MinorUnits.units(invoiced - owed), unappliedPayments: unapplied.count,
                unappliedAmount: conversion.base == nil ? MinorUnits.units(unapplied.amount) : nil,
                aging: aging, margin: .none, duplicates: nil, currency: common,
                oldestDaysOverdue: Self.oldestDaysOverdue(cells, asOf: asOf))
        }
        card.margin = margin(of: client.id, asOf: asOf, base: conversion.base)
        card.duplicates = try DuplicateGroups.read(containing: [client] + card.counterparties.map {
            PartyDetails(id: $0.id, name: $0.name, taxID: $0.taxID)
        }, in: workspace)
        return card
    }

    /// The client's line of `profit by client` up to the date; when profit cannot be worked
    /// out (crm.deals not mapped …), why, as the card says it.
    private func margin(of client: String, asOf: CalendarDate, base: String?) -> ClientMargin {
        let request = ProfitRequest(dimension: .client, period: DatePeriod(start: nil, end: asOf), baseCurrency: base)
        do {
            let result = try ProfitAnalysis(workspace: workspace).compute(request)
            guard let row = result.row(client) else { return .none }
            return .computed(revenue: row.revenue, cost: row.cost, margin: row.margin, percent: row.marginPercent)
        } catch {
            return .unavailable(error.message)
        }
    }

    private static func oldestDaysOverdue(_ cells: [AgingCell], asOf: CalendarDate) -> Int? {
        let days = cells.compactMap { cell -> Int? in
            guard case .open(let bucket) = cell.standing, bucket > 0, let day = cell.earliestDay,
                  let date = CalendarDate(iso: Substring(day)) else { return nil }
            return date.days(to: asOf)
        }
        return days.max()
    }
}
