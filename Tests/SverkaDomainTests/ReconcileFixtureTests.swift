import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `reconcile` on the hand-made fixture (Tests/golden/data/recon_*.csv), where every row's
/// fate was worked out by hand: one or two cases of each kind, and cases that must not show.
final class ReconcileFixtureTests: XCTestCase {
    /// kind, deal_id, invoice_id, payment_id, diff — the rows as expected, in table order.
    private func rows(_ workspace: Workspace) throws -> [String] {
        try ReconFixture.column(workspace, """
            SELECT kind || ' ' || coalesce(deal_id, '-') || ' ' || coalesce(invoice_id, '-') || ' ' || coalesce(payment_id, '-')
                   || ' ' || coalesce(CAST(diff AS TEXT), '-') FROM mismatches ORDER BY rowid
            """)
    }

    func testEveryKindWithoutADate() throws {
        let workspace = try ReconFixture.small()
        let report = try Reconciler(workspace: workspace).run()
        XCTAssertEqual(try rows(workspace), [
            "deal_without_invoice D2 - - 50000",
            "deal_without_invoice D10 - - 5000",
            "invoice_without_deal - I20 - -5000",
            "invoice_without_deal D99 I21 - -7500",
            "invoice_for_unwon_deal D4 I4 - -20000",
            "invoice_for_unwon_deal D5 I5 - -70000",
            "amount_mismatch D3 I3 - -1",
            "amount_mismatch D9 - - -1000",
            "counterparty_mismatch D6 I6 - -",
            "payment_without_invoice - - P6 -1000",
            "payment_without_invoice - I77 P7 -2000",
            "overpaid D6 I6 P9 -10000",
            "overpaid D8 I8b - -15000",
        ])
        XCTAssertEqual(report.total, 13)
        XCTAssertEqual(report.lines.map(\.count), [2, 2, 2, 2, 1, 2, 2])
        XCTAssertEqual(report.lines.first { $0.kind == .amountMismatch }?.diff, ExactDecimal(units: -1001, scale: 2))
        XCTAssertNil(report.lines.first { $0.kind == .counterpartyMismatch }?.diff)
        XCTAssertEqual(report.delivered, 0)
    }

    /// As of 30 November: D7 was still open and I23 not issued; D11 was won but invoiced only on
    /// 1 December; P5, P7 and P10 were not yet paid.
    func testAsOfLeavesOutWhatHappenedLater() throws {
        let workspace = try ReconFixture.small()
        let report = try Reconciler(workspace: workspace).run(asOf: try ReconFixture.date("2026-11-30"))
        XCTAssertEqual(try rows(workspace), [
            "deal_without_invoice D2 - - 50000",
            "deal_without_invoice D10 - - 5000",
            "deal_without_invoice D11 - - 8000",
            "invoice_without_deal - I20 - -5000",
            "invoice_without_deal D99 I21 - -7500",
            "invoice_for_unwon_deal D4 I4 - -20000",
            "invoice_for_unwon_deal D5 I5 - -70000",
            "amount_mismatch D3 I3 - -1",
            "amount_mismatch D9 - - -1000",
            "counterparty_mismatch D6 I6 - -",
            "payment_without_invoice - - P6 -1000",
            "overpaid D6 I6 P9 -10000",
        ])
        XCTAssertEqual(report.asOf, try ReconFixture.date("2026-11-30"))
    }

    /// An invoice issued before the date for a deal won after it was, on that date, an invoice
    /// for a deal still open.
    func testADealWonAfterTheDateWasOpen() throws {
        let workspace = try ReconFixture.small()
        try workspace.database.run("UPDATE invoices SET issue_date = '2026-12-01' WHERE invoice_id = 'I23'")
        _ = try Reconciler(workspace: workspace).run(asOf: try ReconFixture.date("2026-12-02"))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT note FROM mismatches WHERE invoice_id = 'I23'"),
                       ["deal won on 2026-12-05, after the as-of date"])
    }

    func testNotesAndBothSides() throws {
        let workspace = try ReconFixture.small()
        _ = try Reconciler(workspace: workspace).run()
        let notes = try ReconFixture.column(workspace, "SELECT coalesce(note, '-') FROM mismatches ORDER BY rowid")
        XCTAssertEqual(notes, ["-", "-", "no deal_id", "no such deal in the CRM", "deal is lost", "deal is open (negotiation)",
                               "-", "2 invoices", "client c3 is matched to k3", "no invoice_id", "no such invoice in accounting",
                               "invoice for 400.00, 1 payment", "invoice for 150.00, 2 payments"])
        // The counterparty of a deal without an invoice is its client's one match; none for c5.
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT coalesce(counterparty_id, '-') FROM mismatches WHERE kind = 'deal_without_invoice'"),
                       ["k1", "-"])
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT crm_amount || '/' || acc_amount FROM mismatches WHERE deal_id = 'D3'"),
                       ["30000/30001"])
    }

    func testWithoutMatchesCounterpartiesAreNotJudged() throws {
        let workspace = try ReconFixture.small(matches: false)
        let report = try Reconciler(workspace: workspace).run()
        let line = try XCTUnwrap(report.lines.first { $0.kind == .counterpartyMismatch })
        XCTAssertEqual(line.count, 0)
        XCTAssertEqual(line.skipped, "not checked: no matches table ('match clients' makes it)")
        XCTAssertEqual(report.total, 12)
        // Nor is a deal without an invoice given a counterparty.
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(counterparty_id) FROM mismatches WHERE kind = 'deal_without_invoice'"), 0)
    }

    /// The table is registered with logical types: the language reads it, money as money.
    func testTheTableIsQueryable() throws {
        let workspace = try ReconFixture.small()
        _ = try Reconciler(workspace: workspace).run()
        let schema = try XCTUnwrap(workspace.catalog.schema(of: "mismatches"))
        XCTAssertEqual(schema.columns.map(\.name), ["kind", "deal_id", "invoice_id", "payment_id", "client_id", "counterparty_id",
                                                   "crm_amount", "acc_amount", "diff", "note"])
        XCTAssertEqual(schema.columns[8].type, .decimal(scale: 2))
        let source = SourceText(name: "q", text: "from mismatches | where kind == \"amount_mismatch\" | group kind (total = sum(diff))")
        let script = try Parser(grammar: ReconcileTestGrammar()).parse(source)
        guard case .query(let pipeline)? = script.statements.first?.kind else { return XCTFail("not a query") }
        let query = try QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), source: source).compile(pipeline)
        var totals: [Value] = []
        try QueryRunner(database: workspace.database).run(query) { totals.append($0[1]) }
        XCTAssertEqual(totals, [.decimal(ExactDecimal(units: -1001, scale: 2))])
    }

    /// A second run replaces the table; a run that fails leaves the previous one.
    func testRunsReplaceAndFailuresKeep() throws {
        let workspace = try ReconFixture.small()
        _ = try Reconciler(workspace: workspace).run()
        _ = try Reconciler(workspace: workspace).run(asOf: try ReconFixture.date("2026-11-30"))
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM mismatches"), 12)
        try workspace.database.run("INSERT INTO deals(deal_id, client_id, stage, amount) VALUES ('D1', 'c1', 'won', 1)")
        XCTAssertThrowsError(try Reconciler(workspace: workspace).run()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "crm.deals has ids that appear more than once ('D1'); each row needs its own id")
        }
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM mismatches"), 12)
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM sqlite_temp_master"), 0)
    }

    func testAnUnmappedRoleIsNamed() throws {
        let workspace = try ReconFixture.small()
        try workspace.catalog.remove("acc.payments")
        XCTAssertThrowsError(try Reconciler(workspace: workspace).run()) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "the role acc.payments is not mapped")
            XCTAssertEqual(diagnostic?.hints.first, "bind a loaded table to it: map payments as acc.payments")
        }
    }

    func testAMissingRequiredFieldIsNamed() throws {
        let workspace = try ReconFixture.small()
        try ReconFixture.define(workspace, "acc.payments", "from payments | select id = text(payment_id), amount, invoice_id")
        XCTAssertThrowsError(try Reconciler(workspace: workspace).run()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "acc.payments has no column 'paid_at'")
        }
    }

    /// Ids compare as text however each side stores them: integers on one side, text with
    /// spaces on the other.
    func testIdsOfDifferentTypesMeet() throws {
        let workspace = try ReconFixture.small()
        try ReconFixture.create(workspace, "deals2", [("deal_id", .integer), ("client_id", .text), ("stage", .text),
                                                       ("amount", .decimal(scale: 2)), ("currency", .text), ("closed_at", .date)])
        try workspace.database.run("INSERT INTO deals2 VALUES (7, 'c1', 'won', 1000, 'RUB', '2026-11-01')")
        try ReconFixture.define(workspace, "crm.deals", """
            from deals2 | select id = deal_id, client_id, amount, stage, currency, closed_at
            """)
        try workspace.database.run("DELETE FROM invoices")
        try workspace.database.run("INSERT INTO invoices(invoice_id, counterparty_id, deal_id, amount, issue_date) VALUES ('X', 'k1', ' 7 ', 1000, '2026-11-02')")
        try workspace.database.run("DELETE FROM payments")
        let report = try Reconciler(workspace: workspace).run()
        let kinds = try ReconFixture.column(workspace, "SELECT kind FROM mismatches").joined(separator: ", ")
        XCTAssertEqual(report.total, 0, kinds)
    }
}
