import SverkaEngine

/// The two kinds that look at payments: money with no invoice to go to, and invoices paid more
/// than once or more than their amount.
struct PaymentMismatchQueries {
    let scope: AsOfScope
    let sql: DomainSQL

    private var deals: String { sql.quote(ScratchNames.deals) }
    private var invoices: String { sql.quote(ScratchNames.invoices) }
    private var payments: String { sql.quote(ScratchNames.payments) }

    func select(_ kind: MismatchKind) -> String? {
        switch kind {
        case .paymentWithoutInvoice: return paymentWithoutInvoice
        case .overpaid: return overpaid
        default: return nil
        }
    }

    /// A payment (to the date) with no invoice_id, or one accounting does not know. Any invoice
    /// counts, whatever its date: a prepayment for an invoice issued later is not lost money.
    private var paymentWithoutInvoice: String {
        """
        SELECT \(DomainSQL.literal(MismatchKind.paymentWithoutInvoice.rawValue)), NULL, p.invoice_id, p.id, NULL,
               p.counterparty_id, NULL, p.amount, -p.amount,
               CASE WHEN p.invoice_id IS NULL THEN 'no invoice_id' ELSE 'no such invoice in accounting' END
        FROM \(payments) p
        WHERE \(scope.condition("p.paid_at"))
          AND (p.invoice_id IS NULL OR NOT EXISTS (SELECT 1 FROM \(invoices) i WHERE i.id = p.invoice_id))
        ORDER BY \(sql.naturalOrder("p.id"))
        """
    }

    /// An invoice (to the date) whose payments (to the date) exceed its amount. acc_amount is
    /// what was paid; diff is the excess, negative.
    private var overpaid: String {
        let count = "CASE WHEN t.n = 1 THEN '1 payment' ELSE \(sql.concat(["t.n", "' payments'"])) END"
        let note = sql.concat(["'invoice for '", sql.money("i.amount"), "', '", count])
        return """
            SELECT \(DomainSQL.literal(MismatchKind.overpaid.rawValue)), i.deal_id, i.id,
                   CASE WHEN t.n = 1 THEN t.payment_id END, d.client_id, i.counterparty_id,
                   NULL, t.paid, i.amount - t.paid, \(note)
            FROM \(invoices) i JOIN (
                SELECT invoice_id, sum(amount) AS paid, count(*) AS n, min(id) AS payment_id
                FROM \(payments) p WHERE p.invoice_id IS NOT NULL AND \(scope.condition("p.paid_at")) GROUP BY invoice_id
            ) t ON t.invoice_id = i.id
            LEFT JOIN \(deals) d ON d.id = i.deal_id
            WHERE \(scope.condition("i.issue_date")) AND t.paid > i.amount
            ORDER BY \(sql.naturalOrder("i.id"))
            """
    }
}
