import SverkaEngine
import SverkaSyntax

/// Reads acc.costs dated in the period into the ledger, each cost converted to the base currency
/// on its own date and put on the row `ProfitKeys` gives it.
struct CostReader {
    let stream: RoleStream
    let request: ProfitRequest
    let keys: ProfitKeys

    static let role = "acc.costs"

    /// Returns false when acc.costs is not mapped (every cost is then zero).
    func read(into ledger: inout ProfitLedger, converter: inout CurrencyConverter) throws(Diagnostic) -> Bool {
        let fields = stream.columns(of: Self.role)
        guard !fields.isEmpty else { return false }
        // A role mapped before costs had a currency field has no such column: its costs are in
        // the base currency.
        let currency = fields.contains("currency") ? "currency" : "currency = text(null)"
        let pipeline = "from acc.costs" + ProfitPipelines.filter([ProfitPipelines.condition(request.period, on: "date")])
            + " | select counterparty = \(ProfitPipelines.id("counterparty_id")), product = \(ProfitPipelines.id("product")), "
            + "amount, \(currency), day = date"
        try stream.each(pipeline, name: Self.role) { row in
            guard !row.isNull(at: 2) else {
                ledger.costsWithoutAmount += 1
                return
            }
            let units = converter.convert(units: row.int64(at: 2), currency: row.optionalText(at: 3),
                                          on: row.optionalText(at: 4).flatMap { CalendarDate(iso: Substring($0)) })
            let (key, reason) = keys.cost(counterparty: row.optionalText(at: 0), product: row.optionalText(at: 1))
            ledger.addCost(units, to: key, reason: reason)
        }
        return true
    }
}
