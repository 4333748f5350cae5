import SverkaEngine
import SverkaSyntax

/// The SQL behind the parts of a client's card that `aging` does not give: its counterparties,
/// its deals per stage, and the payments from its counterparties tied to no invoice.
struct ClientCardQueries {
    let client: String
    let asOf: CalendarDate
    let scratch: ScratchTables

    private var sql: DomainSQL { scratch.sql }
    private var database: SQLiteDatabase { scratch.workspace.database }

    /// The counterparties `matches` links to the client, with the method and the other clients
    /// each is linked to.
    func counterparties(names: [String: PartyDetails]) throws(Diagnostic) -> [MatchedCounterparty] {
        guard scratch.exists(ReceivableSpecs.matchLinks.source) else { return [] }
        let matches = try RoleSelection(ReceivableSpecs.matchLinks, in: scratch.workspace)
        var statement = RoleStatement(matches, sql: sql)
        let id = statement.bind(.text(client))
        let rows = try database.query("""
            SELECT m.counterparty_id, min(m.method),
                   (SELECT group_concat(DISTINCT o.client_id) FROM \(statement.source) o
                    WHERE o.counterparty_id = m.counterparty_id AND o.client_id <> \(id))
            FROM \(statement.source) m WHERE m.client_id = \(id) AND m.counterparty_id IS NOT NULL
            GROUP BY m.counterparty_id ORDER BY \(sql.naturalOrder("m.counterparty_id"))
            """, statement.parameters) { row in
            (row.text(at: 0), row.isNull(at: 1) ? nil : row.text(at: 1), row.isNull(at: 2) ? "" : row.text(at: 2))
        }
        return rows.map { id, method, others in
            MatchedCounterparty(id: id, name: names[id]?.name, taxID: names[id]?.taxID, method: method,
                                otherClients: others.split(separator: ",").map(String.init).sorted(by: IDOrder.precedes))
        }
    }

    /// The client's deals per stage as on the date: created by then; won or lost only when
    /// closed by then (else still open); with the CRM's own stage name when the role keeps it.
    func dealStages(base: String?, converter: inout CurrencyConverter) throws(Diagnostic) -> [DealStage] {
        let deals = try RoleSelection(ReceivableSpecs.deals, in: scratch.workspace)
        var statement = RoleStatement(deals, sql: sql)
        let day = statement.bind(asOf), id = statement.bind(.text(client))
        let stage = "CASE WHEN COALESCE(d.stage, '') IN ('won', 'lost') AND (d.closed_at IS NULL OR d.closed_at <= \(day)) "
            + "THEN d.stage ELSE 'open' END"
        let crmStage = "CASE WHEN COALESCE(d.stage, 'open') = \(stage) THEN d.stage_raw END"
        // Grouped by the currency as written (CurrencyConverter normalises it): upper() would
        // call back into Swift for every row. A spelling other than the base's exact one is
        // split by deal, which is right whatever it normalises to.
        let code = "d.currency"
        var keys = [stage, crmStage, code]
        if let base { keys.append("CASE WHEN \(code) IS NOT NULL AND \(code) <> \(statement.bind(.text(base))) THEN d.id END") }
        let rows = try database.query("""
            SELECT \(stage), \(crmStage), \(code), count(*), COALESCE(sum(d.amount), 0)
            FROM \(statement.source) d
            WHERE d.client_id = \(id) AND (d.created_at IS NULL OR d.created_at <= \(day))
            GROUP BY \(keys.joined(separator: ", "))
            """, statement.parameters) { row in
            (row.text(at: 0), row.isNull(at: 1) ? nil : row.text(at: 1), row.isNull(at: 2) ? nil : row.text(at: 2),
             Int(row.int64(at: 3)), row.int64(at: 4))
        }
        var stages: [DealStage] = []
        for (stage, crmStage, currency, count, amount) in rows {
            let units = converter.convert(units: amount, currency: currency, on: asOf)
            if let index = stages.firstIndex(where: { $0.stage == stage && $0.crmStage == crmStage }) {
                stages[index].deals += count
                stages[index].amount.units += units
            } else {
                stages.append(DealStage(stage: stage, crmStage: crmStage, deals: count, amount: MinorUnits.units(units)))
            }
        }
        let order = ["won": 0, "open": 1, "lost": 2]
        return stages.sorted { ((order[$0.stage] ?? 3), $0.crmStage ?? "") < ((order[$1.stage] ?? 3), $1.crmStage ?? "") }
    }

    /// Payments by the date from these counterparties that name no invoice.
    func unappliedPayments(from counterparties: [String]) throws(Diagnostic) -> (count: Int, amount: Int64) {
        guard !counterparties.isEmpty else { return (0, 0) }
        let payments = try RoleSelection(ReceivableSpecs.payments, in: scratch.workspace)
        var statement = RoleStatement(payments, sql: sql)
        let day = statement.bind(asOf)
        let list = counterparties.map { statement.bind(.text($0)) }.joined(separator: ", ")
        let rows = try database.query("""
            SELECT count(*), COALESCE(sum(p.amount), 0) FROM \(statement.source) p
            WHERE p.invoice_id IS NULL AND (p.paid_at IS NULL OR p.paid_at <= \(day)) AND p.counterparty_id IN (\(list))
            """, statement.parameters) { row in (Int(row.int64(at: 0)), row.int64(at: 1)) }
        return rows.first ?? (0, 0)
    }
}
