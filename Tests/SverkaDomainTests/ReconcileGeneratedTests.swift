import Foundation
import SverkaEngine
import XCTest
@testable import SverkaDomain

/// `reconcile` on the data `scripts/gen-data` plants disagreements in, checked two ways: against
/// the generator's own counts (planted.json), and row for row against SQL written here over
/// the raw tables — not through the roles, the scratch copies or any code of reconcile's.
final class ReconcileGeneratedTests: XCTestCase {
    /// One generated set for the whole class: 3000 deals, about a thousand clients.
    nonisolated(unsafe) private static var generated: (folder: URL, planted: [String: Any])?

    private static func generate() throws -> (folder: URL, planted: [String: Any]) {
        if let generated { return generated }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = try ReconFixture.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/gen-data").path, folder.path, "--deals", "3000", "--seed", "5"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("scripts/gen-data did not run (python3 missing?)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("planted.json")))
        let planted = (json as? [String: Any])?["planted"] as? [String: Any] ?? [:]
        generated = (folder, planted)
        return (folder, planted)
    }

    /// The generated exports as tables with the generator's column names and integer ids, the
    /// roles over them, and `matches` by equal tax ids (what `match clients` finds first).
    private func workspace() throws -> (Workspace, [String: Any]) {
        let (folder, planted) = try Self.generate()
        let workspace = try Workspace(path: nil)
        try ReconFixture.load(workspace, "deals", file: folder.appendingPathComponent("deals.csv"), [
            ("deal_id", .integer), ("client_id", .integer), ("stage", .text), ("amount", .decimal(scale: 2)),
            ("currency", .text), ("closed_at", .date),
        ])
        try ReconFixture.load(workspace, "invoices", file: folder.appendingPathComponent("invoices.csv"), [
            ("invoice_id", .integer), ("number", .text), ("counterparty_id", .text), ("deal_id", .integer),
            ("amount", .decimal(scale: 2)), ("currency", .text), ("issue_date", .date), ("due_date", .date),
        ])
        try ReconFixture.load(workspace, "payments", file: folder.appendingPathComponent("payments.csv"), [
            ("payment_id", .integer), ("invoice_id", .integer), ("counterparty_id", .text), ("amount", .decimal(scale: 2)),
            ("paid_at", .date),
        ])
        try ReconFixture.load(workspace, "clients", file: folder.appendingPathComponent("clients.csv"), [
            ("client_id", .integer), ("name", .text), ("tax_id", .text),
        ])
        try ReconFixture.load(workspace, "counterparties", file: folder.appendingPathComponent("counterparties.csv"), [
            ("counterparty_id", .text), ("name", .text), ("tax_id", .text),
        ])
        try ReconFixture.create(workspace, "matches", [("client_id", .integer), ("counterparty_id", .text)])
        try workspace.database.run("""
            INSERT INTO matches SELECT DISTINCT c.client_id, k.counterparty_id FROM clients c
            JOIN counterparties k ON k.tax_id = c.tax_id WHERE c.tax_id IS NOT NULL
            """)
        try ReconFixture.defineRoles(workspace)
        return (workspace, planted)
    }

    private func plantedCount(_ planted: [String: Any], _ keys: String...) -> Int {
        keys.reduce(0) { $0 + ((planted[$1] as? Int) ?? -1_000_000) }
    }

    /// The ids a kind lists, in reconcile's table.
    private func found(_ workspace: Workspace, _ kind: MismatchKind, _ column: String) throws -> [String] {
        try ReconFixture.column(workspace, "SELECT \(column) FROM mismatches WHERE kind = '\(kind.rawValue)' ORDER BY 1")
    }

    /// Independent answers: plain SQL over the raw tables, ids as text for comparison.
    private static let independent: [(MismatchKind, String, String)] = [
        (.dealWithoutInvoice, "deal_id", """
            SELECT CAST(d.deal_id AS TEXT) FROM deals d WHERE d.stage = 'won' %DEAL%
              AND d.deal_id NOT IN (SELECT deal_id FROM invoices WHERE deal_id IS NOT NULL %INVOICE%)
            """),
        (.invoiceWithoutDeal, "invoice_id", """
            SELECT CAST(i.invoice_id AS TEXT) FROM invoices i WHERE (i.deal_id IS NULL OR i.deal_id NOT IN (SELECT deal_id FROM deals)) %I%
            """),
        (.invoiceForUnwonDeal, "invoice_id", """
            SELECT CAST(i.invoice_id AS TEXT) FROM invoices i JOIN deals d ON d.deal_id = i.deal_id
            WHERE NOT (d.stage = 'won' %DEAL%) %I%
            """),
        (.amountMismatch, "deal_id", """
            SELECT CAST(d.deal_id AS TEXT) FROM deals d
            JOIN (SELECT deal_id, sum(amount) AS total FROM invoices WHERE 1 = 1 %INVOICE% GROUP BY deal_id) t ON t.deal_id = d.deal_id
            WHERE d.stage = 'won' %DEAL% AND t.total <> d.amount
            """),
        (.counterpartyMismatch, "invoice_id", """
            SELECT CAST(i.invoice_id AS TEXT) FROM invoices i JOIN deals d ON d.deal_id = i.deal_id
            WHERE d.client_id IN (SELECT client_id FROM matches) %I%
              AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.client_id = d.client_id AND m.counterparty_id = i.counterparty_id)
            """),
        (.paymentWithoutInvoice, "payment_id", """
            SELECT CAST(p.payment_id AS TEXT) FROM payments p
            WHERE (p.invoice_id IS NULL OR p.invoice_id NOT IN (SELECT invoice_id FROM invoices)) %P%
            """),
        (.overpaid, "invoice_id", """
            SELECT CAST(i.invoice_id AS TEXT) FROM invoices i
            JOIN (SELECT invoice_id, sum(amount) AS paid FROM payments WHERE 1 = 1 %PAYMENT% GROUP BY invoice_id) t
              ON t.invoice_id = i.invoice_id
            WHERE t.paid > i.amount %I%
            """),
    ]

    /// The independent query for a kind, with the date conditions for `asOf` (or none).
    private func independent(_ sql: String, asOf: String?) -> String {
        guard let asOf else {
            return ["%DEAL%", "%INVOICE%", "%I%", "%P%", "%PAYMENT%"].reduce(sql) { $0.replacingOccurrences(of: $1, with: "") }
        }
        return sql.replacingOccurrences(of: "%DEAL%", with: "AND d.closed_at <= '\(asOf)'")
            .replacingOccurrences(of: "%INVOICE%", with: "AND issue_date <= '\(asOf)'")
            .replacingOccurrences(of: "%I%", with: "AND i.issue_date <= '\(asOf)'")
            .replacingOccurrences(of: "%P%", with: "AND p.paid_at <= '\(asOf)'")
            .replacingOccurrences(of: "%PAYMENT%", with: "AND paid_at <= '\(asOf)'")
    }

    func testEveryPlantedDisagreementIsFound() throws {
        let (workspace, planted) = try workspace()
        let report = try Reconciler(workspace: workspace).run()
        XCTAssertEqual(report.count(of: .dealWithoutInvoice), plantedCount(planted, "deals_without_invoice"))
        XCTAssertEqual(report.count(of: .invoiceWithoutDeal), plantedCount(planted, "invoices_without_deal", "invoices_unknown_deal"))
        XCTAssertEqual(report.count(of: .invoiceForUnwonDeal), plantedCount(planted, "invoices_for_unwon_deals"))
        XCTAssertEqual(report.count(of: .amountMismatch), plantedCount(planted, "amount_mismatches"))
        XCTAssertEqual(report.count(of: .paymentWithoutInvoice), plantedCount(planted, "payments_without_invoice", "payments_unknown_invoice"))
        XCTAssertEqual(report.count(of: .overpaid), plantedCount(planted, "overpaid_invoices"))
        // Clients without a tax id have no match here, so their invoices are not judged: at
        // most the planted number, and most of them.
        let counterparty = report.count(of: .counterpartyMismatch)
        XCTAssertLessThanOrEqual(counterparty, plantedCount(planted, "counterparty_mismatches"))
        XCTAssertGreaterThan(counterparty, plantedCount(planted, "counterparty_mismatches") * 3 / 4)
        for kind in MismatchKind.allCases { XCTAssertGreaterThan(report.count(of: kind), 0, "\(kind) planted but not found") }
    }

    func testRowsAgreeWithIndependentSQL() throws {
        let (workspace, _) = try workspace()
        _ = try Reconciler(workspace: workspace).run()
        for (kind, column, sql) in Self.independent {
            let expected = try ReconFixture.column(workspace, "SELECT * FROM (\(independent(sql, asOf: nil))) ORDER BY 1")
            XCTAssertEqual(try found(workspace, kind, column), expected, "\(kind)")
        }
    }

    /// Half-way through the generated year: many deals closed later, invoices and payments after.
    func testAsOfAgreesWithIndependentSQL() throws {
        let (workspace, _) = try workspace()
        let day = "2026-03-31"
        _ = try Reconciler(workspace: workspace).run(asOf: try ReconFixture.date(day))
        for (kind, column, sql) in Self.independent {
            let expected = try ReconFixture.column(workspace, "SELECT * FROM (\(independent(sql, asOf: day))) ORDER BY 1")
            XCTAssertEqual(try found(workspace, kind, column), expected, "\(kind) as of \(day)")
        }
        let total = try ReconFixture.count(workspace, "SELECT count(*) FROM mismatches")
        _ = try Reconciler(workspace: workspace).run()
        XCTAssertGreaterThan(try ReconFixture.count(workspace, "SELECT count(*) FROM mismatches"), total)
    }

    /// Amounts are exact: the differences add up to the kopeck with independent integer sums.
    func testDifferencesAreExact() throws {
        let (workspace, _) = try workspace()
        _ = try Reconciler(workspace: workspace).run()
        let mine = try ReconFixture.count(workspace, "SELECT sum(diff) FROM mismatches WHERE kind = 'amount_mismatch'")
        let theirs = try ReconFixture.count(workspace, """
            SELECT sum(d.amount - t.total) FROM deals d JOIN (SELECT deal_id, sum(amount) AS total FROM invoices GROUP BY deal_id) t
            ON t.deal_id = d.deal_id WHERE d.stage = 'won' AND t.total <> d.amount
            """)
        XCTAssertEqual(mine, theirs)
    }
}
