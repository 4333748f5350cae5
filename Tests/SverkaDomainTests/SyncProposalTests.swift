import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// What `sync` proposes on the hand-made fixture, without sending anything.
final class SyncProposalTests: XCTestCase {
    private func proposals(_ workspace: Workspace, _ columns: String) throws -> [String] {
        try ReconFixture.column(workspace, "SELECT \(columns) FROM proposals ORDER BY rowid")
    }

    /// Won deals with no invoice: D2 (client c1, matched to k1) and D10 (client c5, no match).
    /// D11 is not proposed: its invoice exists, if issued after the date.
    func testInvoicesForWonDealsWithoutOne() throws {
        let workspace = try ReconFixture.small()
        let request = SyncRequest(kind: .invoices, asOf: try ReconFixture.date("2026-11-30"), termsDays: 14)
        let report = try Synchronizer(workspace: workspace).propose(request)
        XCTAssertEqual(report.proposals, 2)
        XCTAssertEqual(report.incomplete, 1)
        XCTAssertEqual(try proposals(workspace, "kind || ' ' || key || ' ' || coalesce(counterparty_id, '-') || ' ' || amount || ' ' || currency || ' ' || issue_date || ' ' || due_date"), [
            "invoice invoice:D2 k1 50000 RUB 2026-11-30 2026-12-14",
            "invoice invoice:D10 - 5000 RUB 2026-11-30 2026-12-14",
        ])
        XCTAssertEqual(try proposals(workspace, "coalesce(note, '-')"), ["-", "client has no matched counterparty: not sent"])
        // Proposing changes nothing else: no journal, no other table.
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal"), 0)
    }

    func testTermsAndTodaySetTheDates() throws {
        let workspace = try ReconFixture.small()
        let request = SyncRequest(kind: .invoices, today: try ReconFixture.date("2026-12-20"), termsDays: 30)
        _ = try Synchronizer(workspace: workspace).propose(request)
        // Without a date every won deal counts: D7 (won 5 December) has its invoice, so still two.
        XCTAssertEqual(try proposals(workspace, "deal_id || ' ' || issue_date || ' ' || due_date"),
                       ["D2 2026-12-20 2027-01-19", "D10 2026-12-20 2027-01-19"])
    }

    func testWhereKeepsOnlySomeDeals() throws {
        let workspace = try ReconFixture.small()
        var request = SyncRequest(kind: .invoices, asOf: try ReconFixture.date("2026-11-30"))
        request.filter = try ReconFixture.condition("amount > 100 and client_id == \"c1\"")
        let report = try Synchronizer(workspace: workspace).propose(request)
        XCTAssertEqual(report.proposals, 1)
        XCTAssertEqual(try proposals(workspace, "deal_id"), ["D2"])
    }

    func testAWhereThatDoesNotCompileSaysWhy() throws {
        let workspace = try ReconFixture.small()
        var request = SyncRequest(kind: .invoices)
        request.filter = try ReconFixture.condition("amonut > 100")
        XCTAssertThrowsError(try Synchronizer(workspace: workspace).propose(request)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unknown column 'amonut' in deals")
        }
    }

    /// Statuses as of 30 November, worked out by hand from the fixture's invoices and payments.
    func testStatusesFromAccounting() throws {
        let workspace = try ReconFixture.small()
        let report = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .statuses, asOf: try ReconFixture.date("2026-11-30")))
        XCTAssertEqual(report.proposals, 7)
        XCTAssertEqual(try proposals(workspace, """
            deal_id || ' ' || status || ' ' || invoices || ' ' || invoiced || ' ' || paid || ' ' || outstanding || ' '
            || coalesce(last_paid_at, '-') || ' ' || coalesce(due_date, '-')
            """), [
            "D1 paid 1 100000 100000 0 2026-11-20 -",
            "D3 paid 1 30001 30001 0 2026-11-25 -",
            "D4 overdue 1 20000 5000 15000 2026-11-15 2026-11-20",
            "D5 unpaid 1 70000 0 70000 - 2026-12-07",
            "D6 paid 1 40000 50000 -10000 2026-11-29 -",
            "D8 paid 2 25000 25000 0 2026-11-27 -",
            "D9 overdue 2 13000 0 13000 - 2026-11-26",
        ])
    }

    /// Later the same deals read differently: D9 partly paid on 10 December, D7 invoiced.
    func testStatusesLater() throws {
        let workspace = try ReconFixture.small()
        _ = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .statuses, asOf: try ReconFixture.date("2026-12-11")))
        XCTAssertEqual(try proposals(workspace, "deal_id || ' ' || status"), [
            "D1 paid", "D3 paid", "D4 overdue", "D5 overdue", "D6 paid", "D7 unpaid", "D8 paid", "D9 overdue", "D11 unpaid",
        ])
        // Not yet due: partly paid rather than overdue.
        try workspace.database.run("UPDATE invoices SET due_date = '2026-12-31' WHERE deal_id = 'D9'")
        _ = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .statuses, asOf: try ReconFixture.date("2026-12-11")))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT status FROM proposals WHERE deal_id = 'D9'"), ["partly paid"])
    }

    /// Conflicts: the matched clients' names and tax ids, the won deals' amounts.
    func testConflictsWithAndWithoutMasters() throws {
        let workspace = try ReconFixture.small()
        let report = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .invoices))
        XCTAssertEqual(report.conflicts, 6)
        XCTAssertNil(report.conflictsNote)
        let rows = { () throws -> [String] in
            try ReconFixture.column(workspace, """
                SELECT field || ' ' || crm_id || ' ' || coalesce(acc_id, '-') || ' ' || coalesce(crm_value, '-') || ' | '
                       || coalesce(acc_value, '-') || ' | ' || coalesce(master, '-') FROM conflicts ORDER BY rowid
                """)
        }
        XCTAssertEqual(try rows(), [
            "deals.amount D3 I3 300.00 | 300.01 | -",
            "deals.amount D9 - 120.00 | 130.00 | -",
            "clients.name c2 k2 АО \"Вектор\" | АО «Вектор-Плюс» | -",
            "clients.name c3 k3 ИП Иванов И.П. | ИП Иванов Иван Петрович | -",
            "clients.tax_id c3 k3 - | 770311122233 | -",
            "clients.tax_id c4 k4 7704567890 | 7704567899 | -",
        ])
        let masters = MasterFields(workspace: workspace)
        _ = try masters.declare("clients.name", .crm)
        _ = try masters.declare("counterparties", .accounting)
        _ = try masters.declare("crm.deals.amount", .accounting)
        _ = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .statuses))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT field || ' ' || master || ': ' || action FROM conflicts ORDER BY rowid"), [
            "deals.amount accounting: change the CRM to accounting's value",
            "deals.amount accounting: change the CRM to accounting's value",
            "clients.name crm: change accounting to the CRM's value",
            "clients.name crm: change accounting to the CRM's value",
            "clients.tax_id accounting: change the CRM to accounting's value",
            "clients.tax_id accounting: change the CRM to accounting's value",
        ])
    }

    func testConflictsNeedTheClientRoles() throws {
        let workspace = try ReconFixture.small()
        try workspace.catalog.remove("crm.clients")
        let report = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .invoices))
        XCTAssertEqual(report.conflicts, 2)
        XCTAssertEqual(report.conflictsNote, "clients were not compared: crm.clients and acc.counterparties must both be mapped")
    }

    func testMasterFieldsAreChecked() throws {
        let workspace = try ReconFixture.small()
        let masters = MasterFields(workspace: workspace)
        XCTAssertEqual(try masters.declare("Clients.Email", .crm).field, "clients.email")
        XCTAssertEqual(try masters.declare("payments", .accounting).field, "payments")
        _ = try masters.declare("clients.email", .accounting)
        XCTAssertEqual(try masters.all().map { "\($0.field)=\($0.system.rawValue)" }, ["clients.email=accounting", "payments=accounting"])
        XCTAssertThrowsError(try masters.declare("clients.emal", .crm)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "clients has no field 'emal'")
            XCTAssertEqual((error as? Diagnostic)?.hints.first, "did you mean 'clients.email'?")
        }
        XCTAssertThrowsError(try masters.declare("clinets", .crm)) { error in
            XCTAssertEqual((error as? Diagnostic)?.hints.first, "did you mean 'clients'?")
        }
        XCTAssertEqual(MasterSystem(word: "ACC"), .accounting)
        XCTAssertNil(MasterSystem(word: "erp"))
    }

    func testDueDatesCrossMonthsAndYears() throws {
        XCTAssertEqual(SyncRequest.adding(14, to: try ReconFixture.date("2026-11-30")), try ReconFixture.date("2026-12-14"))
        XCTAssertEqual(SyncRequest.adding(31, to: try ReconFixture.date("2026-12-31")), try ReconFixture.date("2027-01-31"))
        XCTAssertEqual(SyncRequest.adding(1, to: try ReconFixture.date("2028-02-28")), try ReconFixture.date("2028-02-29"))
        XCTAssertEqual(SyncRequest.adding(366, to: try ReconFixture.date("2028-01-01")), try ReconFixture.date("2029-01-01"))
        XCTAssertEqual(SyncRequest.adding(0, to: try ReconFixture.date("2026-05-05")), try ReconFixture.date("2026-05-05"))
    }
}
