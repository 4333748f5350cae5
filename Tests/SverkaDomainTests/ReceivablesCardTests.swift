import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `check client` on the golden fixture: finding the client, and the figures of its card,
/// worked out by hand from the files (see `ReceivablesFixtureTests` for the debts).
final class ReceivablesCardTests: XCTestCase {
    private let asOf = ReceivablesFixture.date("2026-11-28")

    private func card(_ written: String, workspace: Workspace? = nil) throws -> ClientCard {
        try Receivables(workspace: workspace ?? ReceivablesFixture.golden()).card(for: written, asOf: asOf)
    }

    private func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch {
            return (error as? Diagnostic).map { ([$0.message] + $0.hints).joined(separator: " | ") } ?? "\(error)"
        }
    }

    func testAClientIsFoundByIdOrByName() throws {
        XCTAssertEqual(try card("C2").client.id, "C2")
        XCTAssertEqual(try card("ао \"ВЕКТОР\"").client.id, "C2")   // the name, case aside
        XCTAssertEqual(try card("ромашка").client.id, "C1")        // equal once normalised: ООО «Ромашка»
        XCTAssertEqual(try card("Romashka").client.id, "C1")       // in Latin letters
        XCTAssertEqual(try card("заря").client.id, "C5")           // contained in ООО Заря
        XCTAssertEqual(try card("Сидоров").client.id, "C4")
    }

    func testSeveralNamesAreAnErrorListingThem() {
        let text = message { try self.card("рома") }
        XCTAssertTrue(text.hasPrefix("'рома' names 2 clients: C1 ООО «Ромашка»; C3 Ромашка-Плюс"), text)
        XCTAssertTrue(text.contains("name one by its id: check client C1"), text)
        XCTAssertTrue(message { try self.card("вектор") }.hasPrefix("'вектор' names 2 clients: C2"))
    }

    func testAnUnknownClientGetsTheClosestName() {
        let text = message { try self.card("Ромашко") }
        XCTAssertTrue(text.hasPrefix("no client 'Ромашко' in crm.clients"), text)
        XCTAssertTrue(text.contains("did you mean C1 ООО «Ромашка»?"), text)
        XCTAssertTrue(message { try self.card("C9") }.contains("no client 'C9'"))
    }

    /// C2 as on 2026-11-28: K2 (also matched to its duplicate C7); deals D3 won 2000, D5 open
    /// (proposal) 1500, D4 lost 300; invoices I3, I4, I5, I13 = 4800.00; payments P2 2000 and
    /// P7 250 against them; owed I4 1200 (1-30), I5 600 (61-90), I13 750 (90+), all overdue.
    func testTheCardOfAClientWithOverdueDebt() throws {
        let workspace = try ReceivablesFixture.golden()
        _ = try Deduplication(workspace: workspace).run(.clients)
        let card = try card("C2", workspace: workspace)
        XCTAssertEqual(card.client.name, "АО \"Вектор\"")
        XCTAssertEqual(card.client.manager, "Петров Илья")
        XCTAssertEqual(card.counterparties.map(\.id), ["K2"])
        XCTAssertEqual(card.counterparties.first?.method, "tax_id")
        XCTAssertEqual(card.counterparties.first?.otherClients, ["C7"])
        XCTAssertEqual(card.deals?.map { "\($0.stage)/\($0.crmStage ?? "-")/\($0.deals)/\($0.amount)" },
                       ["won/won/1/2000.00", "open/proposal/1/1500.00", "lost/lost/1/300.00"])
        XCTAssertEqual(card.invoices, 4)
        XCTAssertEqual(card.invoiced.description, "4800.00")
        XCTAssertEqual(card.payments, 2)
        XCTAssertEqual(card.paid.description, "2250.00")
        XCTAssertEqual(card.outstanding.description, "2550.00")
        XCTAssertEqual(card.overdue.description, "2550.00")
        XCTAssertTrue(card.isOverdue)
        XCTAssertEqual(card.oldestDaysOverdue, 91)
        XCTAssertEqual(card.duplicates?.map(\.id), ["C2", "C7"])
        XCTAssertEqual(card.duplicates?.first?.survivor, true)
    }

    /// C1: K1's unapplied P5 shows; I11 (issued after the date) and I12 (no issue date) do not.
    func testTheCardCountsOnlyWhatHappenedByTheDate() throws {
        let card = try card("C1")
        XCTAssertEqual(card.invoices, 2)
        XCTAssertEqual(card.invoiced.description, "1250.00")
        XCTAssertEqual(card.paid.description, "400.00")
        XCTAssertEqual(card.unappliedPayments, 1)
        XCTAssertEqual(card.unappliedAmount?.description, "50.00")
        XCTAssertEqual(card.outstanding.description, "850.00")
        XCTAssertEqual(card.overdue.description, "600.00")
        XCTAssertEqual(card.deals?.map(\.stage), ["won", "open"])
        XCTAssertNil(card.duplicates, "no duplicates table yet")
    }

    /// C5 owes nothing and has no counterparty; without crm.deals the card says deals are unknown.
    func testTheCardOfAClientWithoutDebtOrDeals() throws {
        let card = try card("C5", workspace: try ReceivablesFixture.golden(deals: false))
        XCTAssertFalse(card.isOverdue)
        XCTAssertEqual(card.outstanding.description, "0.00")
        XCTAssertTrue(card.counterparties.isEmpty)
        XCTAssertNil(card.deals)
        if case .computed = card.margin { XCTFail("no deals, no margin: \(card.margin)") }
    }

    func testWithoutClientsMappedTheCardSaysWhichRole() throws {
        let workspace = try ReceivablesFixture.golden()
        try workspace.drop("crm.clients")
        XCTAssertEqual(message { try self.card("C1", workspace: workspace) }.components(separatedBy: " | ").first,
                       "the role crm.clients is not mapped")
    }
}
