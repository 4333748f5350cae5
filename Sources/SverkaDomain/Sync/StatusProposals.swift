import SverkaEngine

/// Proposes, for each CRM deal with invoices, its payment status as accounting sees it: paid,
/// overdue (an unpaid invoice past its due date), partly paid or unpaid, with the amounts and
/// dates. A status already sent is proposed again only when it changed.
enum StatusProposals {
    static let columns = [
        ResultColumn(name: "kind", type: .text), ResultColumn(name: "key", type: .text),
        ResultColumn(name: "deal_id", type: .text), ResultColumn(name: "status", type: .text),
        ResultColumn(name: "invoices", type: .integer), ResultColumn(name: "invoiced", type: .decimal(scale: 2)),
        ResultColumn(name: "paid", type: .decimal(scale: 2)), ResultColumn(name: "outstanding", type: .decimal(scale: 2)),
        ResultColumn(name: "last_paid_at", type: .date), ResultColumn(name: "due_date", type: .date),
    ]

    /// `reference` is the day "overdue" is judged on: the as-of date, or today.
    static func plan(scope: AsOfScope, sql: DomainSQL, reference: CalendarDate) -> ProposalPlan {
        let deals = sql.quote(ScratchNames.deals), invoices = sql.quote(ScratchNames.invoices)
        let payments = sql.quote(ScratchNames.payments), journal = sql.quote(SyncJournal.tableName)
        let day = sql.dialect.placeholder(2)
        let status = """
            CASE WHEN t.paid >= t.invoiced THEN 'paid' WHEN t.overdue > 0 THEN 'overdue'
                 WHEN t.paid > 0 THEN 'partly paid' ELSE 'unpaid' END
            """
        let payload = ProposalPlan.payload(["s.status", "s.invoiced", "s.paid", "s.last_paid_at", "s.due_date"], sql: sql)
        let inner = """
            SELECT 'status' AS kind, \(sql.concat(["'status:'", "d.id"])) AS "key", d.id AS deal_id, \(status) AS status,
                   t.n AS invoices, t.invoiced AS invoiced, t.paid AS paid, t.invoiced - t.paid AS outstanding,
                   t.last_paid_at AS last_paid_at, t.next_due AS due_date
            FROM (
                SELECT i.deal_id, count(*) AS n, sum(i.amount) AS invoiced, sum(COALESCE(pp.paid, 0)) AS paid,
                       max(pp.last_paid) AS last_paid_at,
                       min(CASE WHEN COALESCE(pp.paid, 0) < i.amount THEN i.due_date END) AS next_due,
                       sum(CASE WHEN COALESCE(pp.paid, 0) < i.amount AND i.due_date < \(day) THEN 1 ELSE 0 END) AS overdue
                FROM \(invoices) i LEFT JOIN (
                    SELECT invoice_id, sum(amount) AS paid, max(paid_at) AS last_paid FROM \(payments) p
                    WHERE p.invoice_id IS NOT NULL AND \(scope.condition("p.paid_at")) GROUP BY invoice_id
                ) pp ON pp.invoice_id = i.id
                WHERE i.deal_id IS NOT NULL AND \(scope.condition("i.issue_date"))
                GROUP BY i.deal_id
            ) t JOIN \(deals) d ON d.id = t.deal_id
            """
        let select = """
            SELECT s.*, \(payload) AS payload, 1 AS complete FROM (\(inner)) s
            WHERE \(payload) <> COALESCE((SELECT j.payload FROM \(journal) j WHERE j.idempotency_key = s."key"
                                          ORDER BY j.seq DESC LIMIT 1), '')
            ORDER BY \(sql.naturalOrder("s.deal_id"))
            """
        return ProposalPlan(
            kind: .statuses, columns: columns, select: select,
            parameters: [scope.parameters.first ?? .null, .text(reference.iso)],
            targetRole: "crm.deals",
            outbox: [
                .init(column: "deal_id", field: "id", type: .text, label: "deal_id"),
                .init(column: "status", field: nil, type: .text, label: "payment_status"),
                .init(column: "invoiced", field: nil, type: .decimal(scale: 2)),
                .init(column: "paid", field: nil, type: .decimal(scale: 2)),
                .init(column: "outstanding", field: nil, type: .decimal(scale: 2)),
                .init(column: "last_paid_at", field: nil, type: .date, label: "last_payment_date"),
                .init(column: "due_date", field: nil, type: .date),
            ])
    }
}
