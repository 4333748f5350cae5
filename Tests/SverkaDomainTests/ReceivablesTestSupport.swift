import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// Workspaces for the receivables tests: the hand-made fixture of `Tests/golden/data/
/// receivables_*.csv` (the golden scripts' data), and small ones written inline. Tables are
/// filled with the types stated here and the roles are named queries, as `map` would store
/// them (see `ReconFixture`).
enum ReceivablesFixture {
    static let invoiceColumns: [(String, LogicalType)] = [
        ("invoice_id", .text), ("number", .text), ("counterparty_id", .text), ("deal_id", .text),
        ("amount", .decimal(scale: 2)), ("currency", .text), ("issue_date", .date), ("due_date", .date),
    ]
    static let paymentColumns: [(String, LogicalType)] = [
        ("payment_id", .text), ("invoice_id", .text), ("counterparty_id", .text), ("amount", .decimal(scale: 2)),
        ("paid_at", .date),
    ]
    static let dealColumns: [(String, LogicalType)] = [
        ("deal_id", .text), ("client_id", .text), ("stage", .text), ("amount", .decimal(scale: 2)), ("currency", .text),
        ("created_at", .date), ("closed_at", .date),
    ]
    static let clientColumns: [(String, LogicalType)] = [
        ("client_id", .text), ("name", .text), ("tax_id", .text), ("manager", .text), ("region", .text),
    ]

    /// The golden fixture with every role mapped and `matches` made by `match clients`.
    static func golden(matches: Bool = true, deals: Bool = true) throws -> Workspace {
        let workspace = try Workspace(path: nil)
        let folder = ReconFixture.dataFolder
        try ReconFixture.load(workspace, "invoices", file: folder.appendingPathComponent("receivables_invoices.csv"), invoiceColumns)
        try ReconFixture.load(workspace, "payments", file: folder.appendingPathComponent("receivables_payments.csv"), paymentColumns)
        try ReconFixture.load(workspace, "clients", file: folder.appendingPathComponent("receivables_clients.csv"), clientColumns)
        try ReconFixture.load(workspace, "counterparties", file: folder.appendingPathComponent("receivables_counterparties.csv"),
                              ReconFixture.counterpartyColumns)
        try defineBillingRoles(workspace)
        try ReconFixture.define(workspace, "crm.clients", """
            from clients | select id = client_id, name, tax_id, manager, region
            """)
        try ReconFixture.define(workspace, "acc.counterparties", "from counterparties | select id = counterparty_id, name, tax_id")
        if deals {
            try ReconFixture.load(workspace, "deals", file: folder.appendingPathComponent("receivables_deals.csv"), dealColumns)
            try ReconFixture.define(workspace, "crm.deals", """
                from deals | select id = deal_id, client_id, amount,
                  stage = if(stage == "won", "won", if(stage == "lost", "lost", "open")), stage_raw = stage, currency,
                  created_at, closed_at
                """)
        }
        if matches { _ = try ClientMatching(workspace: workspace).run() }
        return workspace
    }

    /// acc.invoices and acc.payments over tables named invoices and payments.
    static func defineBillingRoles(_ workspace: Workspace) throws {
        try ReconFixture.define(workspace, "acc.invoices", """
            from invoices | select id = invoice_id, counterparty_id, amount, issue_date, due_date, deal_id, number, currency
            """)
        try ReconFixture.define(workspace, "acc.payments", """
            from payments | select id = payment_id, amount, paid_at, invoice_id, counterparty_id
            """)
    }

    /// Invoices (id, counterparty, amount, issue date, due date, currency) and payments (id,
    /// invoice, amount, date) written out in a test; nil is an empty field.
    static func inline(invoices: [[String?]], payments: [[String?]] = []) throws -> Workspace {
        let workspace = try Workspace(path: nil)
        try fill(workspace, "invoices", invoiceColumns, invoices.map { row in
            [row[0], nil, row[1], nil, row[2], row.count > 5 ? row[5] : "RUB", row[3], row[4]]
        })
        try fill(workspace, "payments", paymentColumns, payments.map { row in [row[0], row[1], nil, row[2], row[3]] })
        try defineBillingRoles(workspace)
        return workspace
    }

    /// A table of these columns with these rows (each field as text, nil for null).
    static func fill(_ workspace: Workspace, _ table: String, _ columns: [(String, LogicalType)], _ rows: [[String?]]) throws {
        try ReconFixture.create(workspace, table, columns)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        for row in rows {
            var values: [StoredValue] = []
            for (field, column) in zip(row, columns) {
                values.append(try field.map { try ReconFixture.stored($0, as: column.1) } ?? .null)
            }
            try workspace.database.run("INSERT INTO \(SQLiteQuoting.identifier(table)) VALUES (\(placeholders))", values)
        }
    }

    static func date(_ text: String) -> CalendarDate {
        CalendarDate(iso: Substring(text)) ?? CalendarDate(dayNumber: 0)
    }

    static func money(_ text: String) -> ExactDecimal {
        ExactDecimal(parsing: Substring(text))?.rescaled(to: 2) ?? ExactDecimal(units: Int64.min, scale: 2)
    }
}
