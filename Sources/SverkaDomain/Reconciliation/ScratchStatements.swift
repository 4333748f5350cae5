import SverkaEngine
import SverkaSyntax

extension SQLiteDatabase {
    /// Runs a generated statement, binding as many of `parameters` as it has placeholders: the
    /// as-of date is offered to every statement, and not all of them compare dates.
    func runGenerated(_ sql: String, _ parameters: [StoredValue]) throws(Diagnostic) {
        let statement = try prepare(sql)
        try statement.bind(Array(parameters.prefix(statement.parameterCount)))
        while try statement.step() {}
    }
}

extension ScratchTables {
    /// Per client, the number of counterparties it is matched to and the first of them: one
    /// match is the counterparty an invoice should go to; several mean the match is ambiguous.
    func summarizeMatches() throws(Diagnostic) {
        let m = sql.quote(ScratchNames.matches)
        try create(ScratchNames.clientMatches, as: """
            SELECT client_id, count(DISTINCT counterparty_id) AS n, min(counterparty_id) AS counterparty_id
            FROM \(m) WHERE client_id IS NOT NULL AND counterparty_id IS NOT NULL GROUP BY client_id
            """, index: ["client_id"])
    }
}
