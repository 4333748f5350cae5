import SverkaEngine
import SverkaSyntax

/// Lists, in the table `conflicts`, the values the two systems hold differently for the same
/// thing — a client's name or tax id against its matched counterparty's, a won deal's amount
/// against its invoices' total — with the system declared to lead (`master`) and what that
/// means should change.
struct ConflictFinder {
    let scratch: ScratchTables
    let declarations: [MasterDeclaration]

    static let tableName = "conflicts"

    static let table = SQLResultTable(name: tableName, columns: [
        ResultColumn(name: "field", type: .text), ResultColumn(name: "crm_id", type: .text),
        ResultColumn(name: "acc_id", type: .text), ResultColumn(name: "crm_value", type: .text),
        ResultColumn(name: "acc_value", type: .text), ResultColumn(name: "master", type: .text),
        ResultColumn(name: "action", type: .text),
    ])

    private var workspace: Workspace { scratch.workspace }
    private var sql: DomainSQL { scratch.sql }

    /// Writes `conflicts`; returns its row count and, when clients could not be compared, why.
    func run(hasMatches: Bool) throws(Diagnostic) -> (count: Int, skipped: String?) {
        try Self.table.create(in: workspace, sql: sql)
        try dealAmounts()
        var skipped: String?
        if !hasMatches {
            skipped = "clients were not compared: no matches table ('match clients' makes it)"
        } else if !scratch.exists(ScratchSpec.clients.source) || !scratch.exists(ScratchSpec.counterparties.source) {
            skipped = "clients were not compared: crm.clients and acc.counterparties must both be mapped"
        } else {
            try clients()
        }
        return (try Self.table.count(in: workspace, sql: sql), skipped)
    }

    /// What the declared master means for a field pair, as (master, action).
    private func decision(_ fields: [String]) -> (StoredValue, StoredValue) {
        switch MasterFields(workspace: workspace).master(of: fields, in: declarations) {
        case .crm?: return (.text("crm"), .text("change accounting to the CRM's value"))
        case .accounting?: return (.text("accounting"), .text("change the CRM to accounting's value"))
        case nil: return (.null, .text("no master: declare one with 'master \(fields[0]) = crm|accounting'"))
        }
    }

    /// Won deals whose invoices add up to another amount (`reconcile` lists them too, as
    /// amount_mismatch; here the master says which side should give way).
    private func dealAmounts() throws(Diagnostic) {
        let (master, action) = decision(["deals.amount", "invoices.amount"])
        let deals = sql.quote(ScratchNames.deals), invoices = sql.quote(ScratchNames.invoices)
        try workspace.database.runGenerated(Self.table.insertPrefix(sql: sql) + """
            SELECT 'deals.amount', d.id, CASE WHEN t.n = 1 THEN t.invoice_id END, \(sql.money("d.amount")),
                   \(sql.money("t.total")), ?1, ?2
            FROM \(deals) d JOIN (
                SELECT deal_id, sum(amount) AS total, count(*) AS n, min(id) AS invoice_id
                FROM \(invoices) WHERE deal_id IS NOT NULL GROUP BY deal_id
            ) t ON t.deal_id = d.id
            WHERE COALESCE(d.stage, '') = 'won' AND t.total <> d.amount
            ORDER BY \(sql.naturalOrder("d.id"))
            """, [master, action])
    }

    /// Matched clients and counterparties whose names (compared as `match` compares them:
    /// legal forms, quotes, case and look-alike letters aside) or tax ids differ.
    private func clients() throws(Diagnostic) {
        try scratch.copy(.clients)
        try scratch.copy(.counterparties)
        let pairs = try workspace.database.query("""
            SELECT DISTINCT m.client_id, m.counterparty_id, c.name, k.name, c.tax_id, k.tax_id
            FROM \(sql.quote(ScratchNames.matches)) m
            JOIN \(sql.quote(ScratchSpec.clients.table)) c ON c.id = m.client_id
            JOIN \(sql.quote(ScratchSpec.counterparties.table)) k ON k.id = m.counterparty_id
            ORDER BY \(sql.naturalOrder("m.client_id")), m.counterparty_id
            """) { row in
            (row.text(at: 0), row.text(at: 1), row.text(at: 2), row.text(at: 3),
             row.isNull(at: 4) ? nil : row.text(at: 4), row.isNull(at: 5) ? nil : row.text(at: 5))
        }
        let insert = try workspace.database.prepare(Self.table.insertPrefix(sql: sql) + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        let name = decision(["clients.name", "counterparties.name"])
        let tax = decision(["clients.tax_id", "counterparties.tax_id"])
        for (client, counterparty, crmName, accName, crmTax, accTax) in pairs {
            if NameNormalizer.normalize(crmName) != NameNormalizer.normalize(accName) {
                try insert.bind([.text("clients.name"), .text(client), .text(counterparty), .text(crmName), .text(accName),
                                 name.0, name.1])
                _ = try insert.step()
                insert.reset()
            }
            if crmTax != accTax {
                try insert.bind([.text("clients.tax_id"), .text(client), .text(counterparty),
                                 crmTax.map(StoredValue.text) ?? .null, accTax.map(StoredValue.text) ?? .null, tax.0, tax.1])
                _ = try insert.step()
                insert.reset()
            }
        }
    }
}
