import SverkaEngine
import SverkaSyntax

/// The CRM deals still open on a date, per client: a stage that is neither won nor lost (see
/// `StageRules`), or one won or lost only after the date; deals created after it did not exist
/// yet. Those in a currency other than the base come one by one, to be converted on their own.
enum OpenDeals {
    struct Group {
        var clientID: String
        var currency: String?
        var deals: Int
        var amount: Int64
    }

    static func read(asOf: CalendarDate, base: String?, client: String? = nil,
                     in scratch: ScratchTables) throws(Diagnostic) -> [Group] {
        let deals = try RoleSelection(ReceivableSpecs.deals, in: scratch.workspace)
        var statement = RoleStatement(deals, sql: scratch.sql)
        let day = statement.bind(asOf)
        // Grouped by the currency as written (CurrencyConverter normalises it): upper() would
        // call back into Swift for every row. A spelling other than the base's exact one is
        // split by deal, which is right whatever it normalises to.
        let code = "d.currency"
        var keys = ["d.client_id", code]
        if let base {
            keys.append("CASE WHEN \(code) IS NOT NULL AND \(code) <> \(statement.bind(.text(base))) THEN d.id END")
        }
        var conditions = [
            "d.client_id IS NOT NULL", "(d.created_at IS NULL OR d.created_at <= \(day))",
            "NOT (COALESCE(d.stage, '') IN ('won', 'lost') AND (d.closed_at IS NULL OR d.closed_at <= \(day)))",
        ]
        if let client { conditions.append("d.client_id = \(statement.bind(.text(client)))") }
        let select = """
            SELECT d.client_id, \(code), count(*), COALESCE(sum(d.amount), 0)
            FROM \(statement.source) d
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY \(keys.joined(separator: ", "))
            """
        return try scratch.workspace.database.query(select, statement.parameters) { row in
            Group(clientID: row.text(at: 0), currency: row.isNull(at: 1) ? nil : row.text(at: 1),
                  deals: Int(row.int64(at: 2)), amount: row.int64(at: 3))
        }
    }
}
