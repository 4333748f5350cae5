import SverkaEngine

/// Proposes an invoice for each won deal that has none in accounting and none in the journal:
/// to the client's matched counterparty, for the deal's amount and currency, issued on the
/// as-of date (or today), due `terms` days later.
enum InvoiceProposals {
    static let columns = [
        ResultColumn(name: "kind", type: .text), ResultColumn(name: "key", type: .text),
        ResultColumn(name: "deal_id", type: .text), ResultColumn(name: "client_id", type: .text),
        ResultColumn(name: "counterparty_id", type: .text), ResultColumn(name: "amount", type: .decimal(scale: 2)),
        ResultColumn(name: "currency", type: .text), ResultColumn(name: "issue_date", type: .date),
        ResultColumn(name: "due_date", type: .date), ResultColumn(name: "note", type: .text),
    ]

    static func plan(scope: AsOfScope, sql: DomainSQL, hasMatches: Bool, issue: CalendarDate, due: CalendarDate) -> ProposalPlan {
        let deals = sql.quote(ScratchNames.deals), invoices = sql.quote(ScratchNames.invoices)
        let key = sql.concat(["'invoice:'", "d.id"])
        let counterparty = hasMatches ? "CASE WHEN mc.n = 1 THEN mc.counterparty_id END" : "NULL"
        let matchJoin = hasMatches ? "LEFT JOIN \(sql.quote(ScratchNames.clientMatches)) mc ON mc.client_id = d.client_id" : ""
        let ambiguous = sql.concat(["'client is matched to '", "mc.n", "' counterparties: not sent'"])
        let note = hasMatches
            ? "CASE WHEN mc.client_id IS NULL THEN 'client has no matched counterparty: not sent' WHEN mc.n > 1 THEN \(ambiguous) END"
            : "'no matches table (match clients makes it): not sent'"
        let issueDate = sql.dialect.placeholder(2), dueDate = sql.dialect.placeholder(3)
        let payload = ProposalPlan.payload(["d.id", counterparty, "d.amount", "d.currency", issueDate, dueDate], sql: sql)
        let select = """
            SELECT 'invoice' AS kind, \(key) AS "key", d.id AS deal_id, d.client_id AS client_id,
                   \(counterparty) AS counterparty_id, d.amount AS amount, d.currency AS currency,
                   \(issueDate) AS issue_date, \(dueDate) AS due_date, \(note) AS note,
                   \(payload) AS payload, CASE WHEN \(counterparty) IS NOT NULL THEN 1 ELSE 0 END AS complete
            FROM \(deals) d \(matchJoin)
            WHERE \(scope.wonCondition(stage: "d.stage", closedAt: "d.closed_at"))
              AND NOT EXISTS (SELECT 1 FROM \(invoices) i WHERE i.deal_id = d.id)
              AND NOT EXISTS (SELECT 1 FROM \(sql.quote(SyncJournal.tableName)) j WHERE j.idempotency_key = \(key))
            ORDER BY \(sql.naturalOrder("d.id"))
            """
        return ProposalPlan(
            kind: .invoices, columns: columns, select: select,
            parameters: [scope.parameters.first ?? .null, .text(issue.iso), .text(due.iso)],
            targetRole: "acc.invoices",
            outbox: [
                .init(column: "deal_id", field: "deal_id", type: .text),
                .init(column: "counterparty_id", field: "counterparty_id", type: .text),
                .init(column: "amount", field: "amount", type: .decimal(scale: 2)),
                .init(column: "currency", field: "currency", type: .text),
                .init(column: "issue_date", field: "issue_date", type: .date),
                .init(column: "due_date", field: "due_date", type: .date),
            ])
    }
}
