import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// Every way `map` refuses, and what it tells the user to do instead.
final class MappingErrorTests: XCTestCase {
    private func fixture() throws -> MappingFixture {
        let fixture = try MappingFixture()
        try fixture.load("sales", "no,buyer,budget_rub,state,closed\nS-1,3,10.00,won,2026-01-01\n")
        return fixture
    }

    func testMissingRequiredFieldsListTheColumnsAndTheSyntax() throws {
        XCTAssertEqual(try fixture().mapError("map sales as crm.deals"), """
            sales has no column for the required fields id, client_id, amount, stage of crm.deals
            hint: the columns of sales: no, buyer, budget_rub, state, closed
            hint: id is looked for as id, deal_id, lead_id, opportunity_id, id_сделки, номер_сделки, …
            hint: client_id is looked for as client_id, contact_id, company_id, customer_id, клиент_id, id_клиента, …
            hint: amount is looked for as amount, sum, total, budget, price, value, …
            hint: stage is looked for as stage, status, pipeline_stage, deal_stage, status_name, статус, …
            hint: name them: map sales as crm.deals (id = COLUMN, client_id = COLUMN, amount = COLUMN, stage = COLUMN)
            """)
        XCTAssertNoThrow(try fixture().map("map sales as crm.deals (id = no, client_id = buyer, amount = budget_rub, stage = state)"))
    }

    func testUnknownFieldsRolesAndTables() throws {
        let fixture = try fixture()
        XCTAssertEqual(fixture.mapError("map sales as crm.deals (amout = budget_rub)"), """
            crm.deals has no field 'amout'
            hint: did you mean 'amount'?
            hint: the fields of crm.deals: id*, client_id*, amount*, stage*, currency, product, manager, region, created_at, closed_at (* required)
            """)
        XCTAssertTrue(fixture.mapError("map sales as crm.deals (budget_rub = amount)")
            .contains("hint: the field comes first: (amount = budget_rub)"))
        XCTAssertEqual(fixture.mapError("map sales as crm.deal"), """
            unknown role 'crm.deal'
            hint: did you mean 'crm.deals'?
            hint: roles: crm.clients, crm.deals, crm.activities, acc.counterparties, acc.invoices, acc.payments, acc.costs, acc.rates
            """)
        XCTAssertEqual(fixture.mapError("map sale as crm.deals").components(separatedBy: "\n").prefix(2),
                       ["unknown table 'sale'", "hint: did you mean 'sales'?"])
        XCTAssertEqual(fixture.mapError("map sales as crm.deals (amount = budget)").components(separatedBy: "\n").first,
                       "unknown column 'budget' in sales")
    }

    func testARoleCannotBeItsOwnSource() throws {
        let fixture = try fixture()
        try fixture.map("map sales as crm.deals (id = no, client_id = buyer, amount = budget_rub, stage = state)")
        XCTAssertEqual(fixture.mapError("map crm.deals as crm.deals").components(separatedBy: "\n").first,
                       "'crm.deals' is a role; map the table it reads instead")
    }

    func testTypesThatCannotBecomeTheField() throws {
        let fixture = try fixture()
        XCTAssertEqual(fixture.mapError("map sales as crm.deals (id = no, client_id = buyer, amount = closed, stage = state)"), """
            crm.deals.amount is money, but column 'closed' is date
            hint: name another source for it: (amount = COLUMN)
            """)
        XCTAssertEqual(fixture.mapError("map sales as crm.deals (id = no, client_id = buyer, amount = budget_rub, stage = state, closed_at = budget_rub * 2)"), """
            crm.deals.closed_at is a date, but 'budget_rub * 2' is decimal(2)
            hint: name another source for it: (closed_at = COLUMN)
            """)
    }

    func testOptionErrors() throws {
        let fixture = try fixture()
        let fields = "(id = no, client_id = buyer, amount = budget_rub, stage = state)"
        XCTAssertEqual(fixture.mapError("map sales as crm.deals \(fields) with (wonn: (\"x\"))"), """
            unknown map option 'wonn'
            hint: did you mean 'won'?
            hint: map's options: won: ("…", …), lost: ("…", …), on_error: "fail" | "null"
            """)
        XCTAssertEqual(fixture.mapError("map sales as crm.deals \(fields) with (won: (\"Won\"), lost: (\"won \"))")
            .components(separatedBy: "\n").first, "\"won \" cannot mean both won and lost")
        XCTAssertEqual(fixture.mapError("map sales as crm.deals \(fields) with (won: (1, 2))").components(separatedBy: "\n"),
                       ["won takes stage values in quotes", "hint: write won: (\"Успешно реализовано\", \"closed won\")"])
        XCTAssertEqual(fixture.mapError("map sales as crm.deals \(fields) with (on_error: \"skip\")").components(separatedBy: "\n").first,
                       "on_error takes \"fail\" or \"null\"")
        XCTAssertEqual(fixture.mapError("map sales as acc.payments (id = no, amount = budget_rub, paid_at = closed) with (won: (\"x\"))")
            .components(separatedBy: "\n").first, "won and lost name stage values, and acc.payments has no stage")
    }

    func testErrorsPointAtTheUsersText() throws {
        let fixture = try fixture()
        let statement = "map sales as crm.deals (amout = budget_rub)"
        do {
            try fixture.map(statement)
            XCTFail("expected an error")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.span.map { SourceText(name: "t", text: statement).slice($0) }, "amout")
        }
        let unknownColumn = "map sales as crm.deals (id = no, client_id = buyer, amount = budget_rb, stage = state)"
        do {
            try fixture.map(unknownColumn)
            XCTFail("expected an error")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.span.map { SourceText(name: "t", text: unknownColumn).slice($0) }, "budget_rb")
            XCTAssertEqual(error.hints.first, "did you mean 'budget_rub'?")
        }
    }
}
