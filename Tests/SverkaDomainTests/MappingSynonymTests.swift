import SverkaDomain
import SverkaEngine
import XCTest

/// Finding columns for fields by name and by synonym, without a database.
final class MappingSynonymTests: XCTestCase {
    private func sources(_ role: String, _ columns: [String], table: String = "t") throws -> [String: String] {
        let fixture = try MappingFixture()
        let header = columns.map { "\"\($0)\"" }.joined(separator: ",")
        // One row of empty (null) values: the test is about names, not values.
        try fixture.load(table, header + "\n" + String(repeating: ",", count: columns.count - 1) + "\n",
                         types: Dictionary(uniqueKeysWithValues: columns.map { ($0, LogicalType.text) }))
        let report = try fixture.map("map \(table) as \(role)")
        var found: [String: String] = [:]
        for assignment in report.mapping.assignments where assignment.isMapped { found[assignment.field.name] = assignment.source }
        return found
    }

    func testKeysIgnoreCaseSeparatorsAndYo() {
        XCTAssertEqual(FieldSynonyms.key("Tax ID"), "taxid")
        XCTAssertEqual(FieldSynonyms.key("tax_id"), FieldSynonyms.key("TaxId"))
        XCTAssertEqual(FieldSynonyms.key("E-mail"), "email")
        XCTAssertEqual(FieldSynonyms.key("Дата Создания"), "датасоздания")
        XCTAssertEqual(FieldSynonyms.key("Счёт"), FieldSynonyms.key("счет"))
    }

    func testSynonymListsHaveNoRepeats() {
        // Names are compared by key, so a synonym that keys like its field or like another
        // synonym of the field is dead weight (and noise in the "looked for as" hint).
        for role in CanonicalRole.all {
            for field in role.fields {
                let keys = ([field.name] + FieldSynonyms.synonyms(of: field.name, in: role)).map(FieldSynonyms.key)
                XCTAssertEqual(Set(keys).count, keys.count, "\(role.name).\(field.name): \(keys)")
            }
        }
    }

    func testEnglishAndRussianSynonyms() throws {
        XCTAssertEqual(try sources("crm.clients", ["Client ID", "Title", "INN", "E-mail", "Telephone", "City", "Responsible user"]), [
            "id": "Client ID", "name": "Title", "tax_id": "INN", "email": "E-mail", "phone": "Telephone", "region": "City",
            "manager": "Responsible user",
        ])
        XCTAssertEqual(try sources("crm.clients", ["Код клиента", "Наименование", "ИНН", "Почта", "Телефон", "Ответственный",
                                                   "Дата создания"]), [
            "id": "Код клиента", "name": "Наименование", "tax_id": "ИНН", "email": "Почта", "phone": "Телефон",
            "manager": "Ответственный", "created_at": "Дата создания",
        ])
        XCTAssertEqual(try sources("crm.deals", ["lead_id", "contact_id", "Бюджет", "Статус", "Ответственный"]), [
            "id": "lead_id", "client_id": "contact_id", "amount": "Бюджет", "stage": "Статус", "manager": "Ответственный",
        ])
        XCTAssertEqual(try sources("acc.payments", ["Номер", "Сумма", "Дата", "Счет", "Контрагент"]), [
            "id": "Номер", "amount": "Сумма", "paid_at": "Дата", "invoice_id": "Счет", "counterparty_id": "Контрагент",
        ])
    }

    func testOwnNameWinsAndAColumnServesOneField() throws {
        // `client_id` is the deal's client, never its id; `amount` beats `total`.
        XCTAssertEqual(try sources("crm.deals", ["client_id", "deal_id", "total", "amount", "stage"]), [
            "id": "deal_id", "client_id": "client_id", "amount": "amount", "stage": "stage",
        ])
        // In clients the same column is the id.
        XCTAssertEqual(try sources("crm.clients", ["client_id", "name"]), ["id": "client_id", "name": "name"])
        // invoice_id is an invoice's id and a payment's invoice.
        XCTAssertEqual(try sources("acc.payments", ["payment_id", "invoice_id", "amount", "paid_at"])["invoice_id"], "invoice_id")
        XCTAssertEqual(try sources("acc.invoices", ["invoice_id", "deal_id", "counterparty_id", "amount", "issue_date"]), [
            "id": "invoice_id", "deal_id": "deal_id", "counterparty_id": "counterparty_id", "amount": "amount",
            "issue_date": "issue_date",
        ])
    }

    func testTablePrefixedIDFromTheTablesOwnName() throws {
        XCTAssertEqual(try sources("crm.deals", ["sale_id", "client_id", "amount", "stage"], table: "sales")["id"], "sale_id")
        XCTAssertEqual(try sources("crm.clients", ["firm_id", "name"], table: "firms")["id"], "firm_id")
    }
}
