import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `sync … apply to FILE`: the outbox file, the journal, and never sending twice.
final class SyncApplyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try ReconFixture.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func target(_ name: String, options: ExportOptions = OutboxTarget.defaultOptions) -> OutboxTarget {
        OutboxTarget(path: "outbox/\(name)", filePath: folder.appendingPathComponent(name).path, options: options)
    }

    private func request(_ kind: SyncKind = .invoices, _ day: String = "2026-11-30") throws -> SyncRequest {
        SyncRequest(kind: kind, asOf: try ReconFixture.date(day), termsDays: 14)
    }

    private func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testApplyWritesJournalsAndNeverTwice() throws {
        let workspace = try ReconFixture.small()
        var stages: [ApplyStage] = []
        let first = try Synchronizer(workspace: workspace).apply(try request(), to: target("invoices.csv")) { stages.append($0) }
        XCTAssertEqual(stages, [.staged, .journaled, .published, .sent])
        XCTAssertEqual(first.sent, 1)
        XCTAssertEqual(try text("invoices.csv"), """
            deal_id,counterparty_id,amount,currency,issue_date,due_date
            D2,k1,500.00,RUB,2026-11-30,2026-12-14

            """)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("invoices.csv").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let entries = try SyncLog(workspace: workspace).entries()
        XCTAssertEqual(entries.map(\.key), ["invoice:D2"])
        XCTAssertEqual(entries.first?.status, .sent)
        XCTAssertEqual(entries.first?.file, "outbox/invoices.csv")
        XCTAssertEqual(entries.first?.fileSHA256, first.fileSHA256)
        XCTAssertEqual(entries.first?.fileSHA256, SHA256.hex(of: Array(try Data(contentsOf: folder.appendingPathComponent("invoices.csv")))))
        XCTAssertEqual(entries.first?.payloadHash.count, 64)
        XCTAssertFalse(entries.first?.user.isEmpty ?? true)
        XCTAssertEqual(entries.first?.at.count, 20)

        // The second run has nothing new: D10 is held back, D2 is in the journal. No file.
        stages = []
        let second = try Synchronizer(workspace: workspace).apply(try request(), to: target("invoices-2.csv")) { stages.append($0) }
        XCTAssertEqual(second.sent, 0)
        XCTAssertEqual(stages, [])
        XCTAssertEqual(Array(second.messages.prefix(2)), ["sync invoices: nothing new to send to accounting; no file written",
                                                         "  1 held back, not ready to send: see the note in proposals"])
        XCTAssertEqual(try files(), ["invoices.csv"])
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT deal_id FROM proposals"), ["D10"])
        // Proposing alone does not bring D2 back either, before accounting has the invoice.
        _ = try Synchronizer(workspace: workspace).propose(try request())
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT deal_id FROM proposals"), ["D10"])
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT key || ' ' || status FROM journal"), ["invoice:D2 sent"])
    }

    /// Once D10's client is matched, the next apply sends D10 alone, to a new file.
    func testANewItemGoesInANewFile() throws {
        let workspace = try ReconFixture.small()
        _ = try Synchronizer(workspace: workspace).apply(try request(), to: target("a.csv"))
        try workspace.database.run("INSERT INTO matches VALUES ('c5', 'k9', 'manual', 1)")
        let report = try Synchronizer(workspace: workspace).apply(try request(), to: target("b.csv"))
        XCTAssertEqual(report.sent, 1)
        XCTAssertEqual(try text("b.csv"), "deal_id,counterparty_id,amount,currency,issue_date,due_date\nD10,k9,50.00,RUB,2026-11-30,2026-12-14\n")
        XCTAssertEqual(try SyncLog(workspace: workspace).entries().map { "\($0.key) \($0.file)" },
                       ["invoice:D2 outbox/a.csv", "invoice:D10 outbox/b.csv"])
    }

    /// An outbox file not yet taken by the other system is never overwritten.
    func testAnExistingFileIsRefused() throws {
        let workspace = try ReconFixture.small()
        try "earlier\n".write(to: folder.appendingPathComponent("invoices.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Synchronizer(workspace: workspace).apply(try request(), to: target("invoices.csv"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'outbox/invoices.csv' already exists; an outbox file is never overwritten")
        }
        XCTAssertEqual(try text("invoices.csv"), "earlier\n")
        XCTAssertEqual(try files(), ["invoices.csv"])
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal"), 0)
    }

    func testAMissingFolderIsNamed() throws {
        let workspace = try ReconFixture.small()
        let missing = OutboxTarget(path: "nowhere/x.csv", filePath: folder.appendingPathComponent("nowhere/x.csv").path)
        XCTAssertThrowsError(try Synchronizer(workspace: workspace).apply(try request(), to: missing)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "folder 'nowhere' does not exist")
        }
    }

    /// When accounting's next export has an invoice for the deal, the entry is delivered, with
    /// the id accounting gave it, and the deal is no longer a mismatch.
    func testTheInvoiceArrives() throws {
        let workspace = try ReconFixture.small()
        _ = try Synchronizer(workspace: workspace).apply(try request(), to: target("invoices.csv"))
        let before = try Reconciler(workspace: workspace).run(asOf: try ReconFixture.date("2026-11-30"))
        XCTAssertEqual(before.delivered, 0)
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT note FROM mismatches WHERE deal_id = 'D2'").first?
                        .hasPrefix("invoice sent "), true)
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT note FROM mismatches WHERE deal_id = 'D2'").first?
                        .hasSuffix(" in outbox/invoices.csv, not yet in accounting"), true)
        try workspace.database.run("""
            INSERT INTO invoices VALUES ('I40', 'БП-40', 'k1', 'D2', 50000, 'RUB', '2026-12-01', '2026-12-14')
            """)
        let after = try Reconciler(workspace: workspace).run()
        XCTAssertEqual(after.delivered, 1)
        XCTAssertEqual(after.count(of: .dealWithoutInvoice), 1)
        let entry = try XCTUnwrap(try SyncLog(workspace: workspace).entries().first)
        XCTAssertEqual(entry.status, .delivered)
        XCTAssertEqual(entry.deliveredID, "I40")
        XCTAssertNotNil(entry.deliveredAt)
        // Delivered entries stay: the next run neither proposes nor re-marks them.
        XCTAssertEqual(try Synchronizer(workspace: workspace).propose(try request()).delivered, 0)
    }

    /// A status is sent once, and again only when it changes.
    func testStatusesAreSentWhenTheyChange() throws {
        let workspace = try ReconFixture.small()
        let first = try Synchronizer(workspace: workspace).apply(try request(.statuses), to: target("statuses.csv"))
        XCTAssertEqual(first.sent, 7)
        XCTAssertEqual(try text("statuses.csv").components(separatedBy: "\n").prefix(3).joined(separator: "\n"), """
            deal_id,payment_status,invoiced,paid,outstanding,last_payment_date,due_date
            D1,paid,1000.00,1000.00,0.00,2026-11-20,
            D3,paid,300.01,300.01,0.00,2026-11-25,
            """)
        let again = try Synchronizer(workspace: workspace).apply(try request(.statuses), to: target("statuses-2.csv"))
        XCTAssertEqual(again.sent, 0)
        // A week later: D5 and D9 overdue, D7 and D11 invoiced, D8 paid twice over (P5).
        try workspace.database.run("INSERT INTO payments VALUES ('P11', 'I9b', 'k4', 3000, '2026-11-30')")
        let changed = try Synchronizer(workspace: workspace).apply(try request(.statuses, "2026-12-08"), to: target("statuses-3.csv"))
        XCTAssertEqual(try text("statuses-3.csv").components(separatedBy: "\n").filter { !$0.isEmpty }.count - 1, changed.sent)
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT deal_id || ' ' || status FROM proposals ORDER BY rowid"), [
            "D5 overdue", "D7 unpaid", "D8 paid", "D9 overdue", "D11 unpaid",
        ])
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal WHERE idempotency_key = 'status:D9'"), 2)
    }

    /// The outbox speaks the target's language: each field under the column it was mapped from.
    func testTheOutboxUsesTheTargetsColumnNames() throws {
        struct OneCNames: FieldSourceNames {
            func sourceColumn(role: String, field: String) -> String? {
                guard role == "acc.invoices" else { return nil }
                return ["counterparty_id": "Контрагент", "amount": "Сумма", "issue_date": "Дата", "deal_id": "Сделка"][field]
            }
        }
        let workspace = try ReconFixture.small()
        var options = OutboxTarget.defaultOptions
        options.delimiter = UInt8(ascii: ";")
        options.decimalComma = true
        options.dateStyle = .dayMonthYear
        _ = try Synchronizer(workspace: workspace, fieldNames: OneCNames()).apply(try request(), to: target("1c.csv", options: options))
        XCTAssertEqual(try text("1c.csv"), "Сделка;Контрагент;Сумма;currency;Дата;due_date\nD2;k1;500,00;RUB;30.11.2026;14.12.2026\n")
    }

    /// With accounting's export mapped by `map` (Russian headers found by their synonyms), the
    /// outbox goes back under those headers.
    func testTheMappedHeadersComeBack() throws {
        let workspace = try ReconFixture.small()
        try ReconFixture.load(workspace, "invoices_1c", file: ReconFixture.dataFolder.appendingPathComponent("recon_invoices_1c.csv"), [
            ("Код", .text), ("Номер", .text), ("Контрагент", .text), ("Сделка", .text), ("Сумма", .decimal(scale: 2)),
            ("Валюта", .text), ("Дата", .date), ("Срок оплаты", .date),
        ])
        _ = try RoleMapper(workspace: workspace).map(MappingRequest(table: Name("invoices_1c", span: .none),
                                                                    role: Name("acc.invoices", span: .none)))
        _ = try Synchronizer(workspace: workspace).apply(try request(), to: target("1c.csv"))
        XCTAssertEqual(try text("1c.csv"), "Сделка,Контрагент,Сумма,Валюта,Дата,Срок оплаты\nD2,k1,500.00,RUB,2026-11-30,2026-12-14\n")
    }

    /// The stored mapping is read when there is one: plain columns only.
    func testStoredMappingNamesColumns() throws {
        let workspace = try ReconFixture.small()
        let names = StoredFieldSources(workspace: workspace)
        XCTAssertNil(names.sourceColumn(role: "acc.invoices", field: "amount"))
        try workspace.database.run("""
            INSERT INTO _sverka_role_fields(role, position, field, source, origin, source_type) VALUES
              ('acc.invoices', 2, 'amount', 'Сумма', 'synonym', 'decimal(2)'),
              ('acc.invoices', 4, 'due_date', 'date(Срок)', 'expression', 'text')
            """)
        XCTAssertEqual(names.sourceColumn(role: "acc.invoices", field: "amount"), "Сумма")
        XCTAssertNil(names.sourceColumn(role: "acc.invoices", field: "due_date"))
    }
}
