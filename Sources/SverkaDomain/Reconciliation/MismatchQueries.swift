import SverkaEngine

/// The SELECT behind each kind of mismatch, over the scratch copies of the roles. Each yields
/// the columns of `mismatches` in order: kind, deal_id, invoice_id, payment_id, client_id,
/// counterparty_id, crm_amount, acc_amount, diff, note.
///
/// `diff` is what accounting lacks against what is expected, in money: positive when the CRM
/// expects more than accounting holds, negative when accounting holds money nothing expects.
struct MismatchQueries {
    let scope: AsOfScope
    let sql: DomainSQL
    /// Whether the run has a `matches` table to check counterparties against.
    let hasMatches: Bool
    /// Whether crm.deals keeps the CRM's own stage name beside the normalised one.
    let hasStageRaw: Bool
    /// Whether the workspace has the sync journal (always, once migrated).
    let journal: String

    private var deals: String { sql.quote(ScratchNames.deals) }
    private var invoices: String { sql.quote(ScratchNames.invoices) }
    private var clientMatches: String { sql.quote(ScratchNames.clientMatches) }
    private var matches: String { sql.quote(ScratchNames.matches) }

    func select(_ kind: MismatchKind) -> String? {
        switch kind {
        case .dealWithoutInvoice: return dealWithoutInvoice
        case .invoiceWithoutDeal: return invoiceWithoutDeal
        case .invoiceForUnwonDeal: return invoiceForUnwonDeal
        case .amountMismatch: return amountMismatch
        case .counterpartyMismatch: return hasMatches ? counterpartyMismatch : nil
        case .paymentWithoutInvoice, .overpaid:
            return PaymentMismatchQueries(scope: scope, sql: sql).select(kind)
        }
    }

    private func kind(_ kind: MismatchKind) -> String { DomainSQL.literal(kind.rawValue) }

    /// Invoices issued on or before the as-of date.
    private func issued(_ alias: String) -> String { scope.condition("\(alias).issue_date") }

    /// A won deal with no invoice at all (to the date). The counterparty shown is the client's
    /// match when there is exactly one; the note says when sync already sent an invoice.
    private var dealWithoutInvoice: String {
        let counterparty = hasMatches ? "CASE WHEN mc.n = 1 THEN mc.counterparty_id END" : "NULL"
        let matchJoin = hasMatches ? "LEFT JOIN \(clientMatches) mc ON mc.client_id = d.client_id" : ""
        let sent = sql.concat([DomainSQL.literal("invoice sent "), "substr(j.at, 1, 10)",
                               DomainSQL.literal(" in "), "j.file", DomainSQL.literal(", not yet in accounting")])
        return """
            SELECT \(kind(.dealWithoutInvoice)), d.id, NULL, NULL, d.client_id, \(counterparty),
                   d.amount, NULL, d.amount, CASE WHEN j.seq IS NOT NULL THEN \(sent) END
            FROM \(deals) d \(matchJoin)
            LEFT JOIN \(journal) j ON j.idempotency_key = \(sql.concat(["'invoice:'", "d.id"])) AND j.status = 'sent'
            WHERE \(scope.wonCondition(stage: "d.stage", closedAt: "d.closed_at"))
              AND NOT EXISTS (SELECT 1 FROM \(invoices) i WHERE i.deal_id = d.id AND \(issued("i")))
            ORDER BY \(sql.naturalOrder("d.id"))
            """
    }

    /// An invoice with no deal_id, or one the CRM does not know.
    private var invoiceWithoutDeal: String {
        """
        SELECT \(kind(.invoiceWithoutDeal)), i.deal_id, i.id, NULL, NULL, i.counterparty_id,
               NULL, i.amount, -i.amount,
               CASE WHEN i.deal_id IS NULL THEN 'no deal_id' ELSE 'no such deal in the CRM' END
        FROM \(invoices) i
        WHERE \(issued("i"))
          AND (i.deal_id IS NULL OR NOT EXISTS (SELECT 1 FROM \(deals) d WHERE d.id = i.deal_id))
        ORDER BY \(sql.naturalOrder("i.id"))
        """
    }

    /// An invoice for a deal that was not won on the date: lost, open, or won only later.
    private var invoiceForUnwonDeal: String {
        var stage = sql.concat(["'deal is '", "COALESCE(d.stage, 'without a stage')"])
        if hasStageRaw {
            stage = sql.concat([stage, "CASE WHEN d.stage_raw IS NOT NULL AND lower(trim(d.stage_raw)) <> COALESCE(d.stage, '') "
                                + "THEN \(sql.concat(["' ('", "d.stage_raw", "')'"])) ELSE '' END"])
        }
        let wonLater = sql.concat(["'deal won on '", "d.closed_at", "', after the as-of date'"])
        return """
            SELECT \(kind(.invoiceForUnwonDeal)), d.id, i.id, NULL, d.client_id, i.counterparty_id,
                   d.amount, i.amount, -i.amount,
                   CASE WHEN COALESCE(d.stage, '') = 'won' THEN \(wonLater) ELSE \(stage) END
            FROM \(invoices) i JOIN \(deals) d ON d.id = i.deal_id
            WHERE \(issued("i")) AND NOT \(scope.wonCondition(stage: "d.stage", closedAt: "d.closed_at"))
            ORDER BY \(sql.naturalOrder("i.id"))
            """
    }

    /// A won deal whose invoices (to the date) add up to another amount. Amounts are exact
    /// minor units, so any difference is at least a kopeck: more than half a minor unit.
    private var amountMismatch: String {
        let currencies = "t.currency IS NOT NULL AND d.currency IS NOT NULL AND t.currency <> d.currency"
        let currencyNote = sql.concat(["'currency '", "d.currency", "' in the CRM, '", "t.currency", "' in accounting'"])
        let countNote = sql.concat(["t.n", "' invoices'"])
        return """
            SELECT \(kind(.amountMismatch)), d.id, CASE WHEN t.n = 1 THEN t.invoice_id END, NULL, d.client_id,
                   CASE WHEN t.n = 1 THEN t.counterparty_id END, d.amount, t.total, d.amount - t.total,
                   CASE WHEN \(currencies) THEN \(currencyNote) WHEN t.n > 1 THEN \(countNote) END
            FROM \(deals) d JOIN (
                SELECT deal_id, sum(amount) AS total, count(*) AS n, min(id) AS invoice_id,
                       min(counterparty_id) AS counterparty_id, max(currency) AS currency
                FROM \(invoices) i WHERE i.deal_id IS NOT NULL AND \(issued("i")) GROUP BY deal_id
            ) t ON t.deal_id = d.id
            WHERE \(scope.wonCondition(stage: "d.stage", closedAt: "d.closed_at")) AND t.total <> d.amount
            ORDER BY \(sql.naturalOrder("d.id"))
            """
    }

    /// An invoice (with a known deal) billed to a counterparty the deal's client is not matched
    /// to. Clients with no match are not judged: `unmatched_clients` is where they show.
    private var counterpartyMismatch: String {
        let more = "CASE WHEN mc.n > 1 THEN \(sql.concat(["' and '", "(mc.n - 1)", "' more'"])) ELSE '' END"
        let note = sql.concat(["'client '", "d.client_id", "' is matched to '", "mc.counterparty_id", more])
        return """
            SELECT \(kind(.counterpartyMismatch)), d.id, i.id, NULL, d.client_id, i.counterparty_id,
                   NULL, i.amount, NULL, \(note)
            FROM \(invoices) i JOIN \(deals) d ON d.id = i.deal_id
            JOIN \(clientMatches) mc ON mc.client_id = d.client_id
            WHERE \(issued("i")) AND (i.counterparty_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM \(matches) m WHERE m.client_id = d.client_id AND m.counterparty_id = i.counterparty_id))
            ORDER BY \(sql.naturalOrder("i.id"))
            """
    }
}
