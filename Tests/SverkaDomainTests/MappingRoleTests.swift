import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `map` end to end on a workspace in memory: the role's query, its names, types and values.
final class MappingRoleTests: XCTestCase {
    /// Headers as scripts/gen-data writes them.
    static let deals = """
        deal_id,client_id,product_sku,stage,amount,currency,manager,region,created_at,closed_at
        100001,34,SUPPORT-M,lost,16915.00,RUB,Ефимова Кристина,Уфа,2026-03-25,2026-06-19
        100002,62,IMPL-PACK,won,360000.50,RUB,Михеев Илья,Казань,2025-04-22,2025-05-17
        100003,53,SRV-1U,negotiation,1920000.00,RUB,Михеев Илья,Уфа,2026-07-10,

        """

    func testDealsMapWithDefaultsOnly() throws {
        let fixture = try MappingFixture()
        try fixture.load("deals", Self.deals)
        let report = try fixture.map("map deals as crm.deals")
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.mapping.assignments.map(\.source), [
            "deal_id", "client_id", "amount", "stage", "currency", "product_sku", "manager", "region", "created_at", "closed_at",
        ])
        XCTAssertEqual(report.mapping.assignments.map(\.origin),
                       [.synonym, .name, .name, .name, .name, .synonym, .name, .name, .name, .name])
        XCTAssertEqual(fixture.types("crm.deals"), [
            "id": .text, "client_id": .text, "amount": .decimal(scale: 2), "stage": .text, "stage_raw": .text,
            "currency": .text, "product": .text, "manager": .text, "region": .text, "created_at": .date, "closed_at": .date,
        ])
        XCTAssertEqual(try fixture.rows("from crm.deals | select id, client_id, amount, stage, stage_raw, product, closed_at"), [
            ["100001", "34", "16915.00", "lost", "lost", "SUPPORT-M", "2026-06-19"],
            ["100002", "62", "360000.50", "won", "won", "IMPL-PACK", "2025-05-17"],
            ["100003", "53", "1920000.00", "open", "negotiation", "SRV-1U", "∅"],
        ])
        XCTAssertEqual(report.stages, StageCounts(won: 1, lost: 1, open: 1,
                                                  openValues: [StageCounts.RawValue(value: "negotiation", count: 1)]))
        XCTAssertEqual(report.unusedColumns, [])
    }

    func testIdsCompareAsTextAcrossSystems() throws {
        let fixture = try MappingFixture()
        try fixture.load("clients", "client_id,name,tax_id\n7,ООО «Лидер»,0214177767\n")
        try fixture.load("counterparties", "counterparty_id,name,tax_id\nК-000007,ООО Лидер,0214177767\n")
        try fixture.map("map clients as crm.clients")
        try fixture.map("map counterparties as acc.counterparties")
        XCTAssertEqual(fixture.types("crm.clients")["id"], .text)
        XCTAssertEqual(fixture.types("acc.counterparties")["id"], .text)
        // Missing optional fields are typed nulls, so every consumer can name every field.
        XCTAssertEqual(try fixture.rows("from crm.clients | select id, email, phone, created_at"), [["7", "∅", "∅", "∅"]])
        XCTAssertEqual(fixture.types("crm.clients")["created_at"], .date)
        XCTAssertEqual(try fixture.rows("""
            from crm.clients | join acc.counterparties on clients.tax_id == counterparties.tax_id
              | select clients.id, counterparties.id
            """), [["7", "К-000007"]])
    }

    func testRussianHeadersAreFoundBySynonyms() throws {
        let fixture = try MappingFixture()
        try fixture.load("kontr", "Код,Наименование,ИНН,Адрес\nК-1,ООО Лидер,0214177767,Уфа\n")
        let report = try fixture.map("map kontr as acc.counterparties")
        XCTAssertEqual(report.mapping.assignments.map(\.source), ["Код", "Наименование", "ИНН"])
        XCTAssertEqual(report.mapping.assignments.map(\.origin), [.synonym, .synonym, .synonym])
        XCTAssertEqual(report.unusedColumns, ["Адрес"])
        XCTAssertEqual(try fixture.rows("from acc.counterparties"), [["К-1", "ООО Лидер", "0214177767"]])
    }

    func testNamedFieldsAndExpressions() throws {
        let fixture = try MappingFixture()
        try fixture.load("sales", """
            no,who,price,qty,status,`Сумма с НДС`
            S-1,3,10.25,4,Оплачено,41.00
            S-2,4,99.99,1,Отказ,99.99

            """.replacingOccurrences(of: "`", with: ""))
        let report = try fixture.map("""
            map sales as crm.deals (
              id = no,
              client_id = who,
              amount = price * qty   # a comment inside the list
                + 0,
            )
            """)
        XCTAssertEqual(report.mapping.assignment(of: "id")?.origin, .column)
        XCTAssertEqual(report.mapping.assignment(of: "amount")?.origin, .expression)
        XCTAssertEqual(report.mapping.assignment(of: "amount")?.source, "price * qty   # a comment inside the list\n    + 0")
        XCTAssertEqual(report.mapping.column(of: "amount"), nil)
        XCTAssertEqual(report.mapping.column(of: "id"), "no")
        XCTAssertEqual(try fixture.rows("from crm.deals | select id, client_id, amount, stage"),
                       [["S-1", "3", "41.00", "won"], ["S-2", "4", "99.99", "lost"]])
        XCTAssertEqual(report.unusedColumns, ["Сумма с НДС"])
        try fixture.map("map sales as crm.deals (id = no, client_id = who, amount = `Сумма с НДС`)")
        XCTAssertEqual(try fixture.rows("from crm.deals | select amount"), [["41.00"], ["99.99"]])
    }

    func testRemappingReplacesTheRole() throws {
        let fixture = try MappingFixture()
        try fixture.load("deals", Self.deals)
        try fixture.load("deals2", "deal_id,client_id,amount,stage\n9,1,5,won\n")
        try fixture.map("map deals as crm.deals")
        let report = try fixture.map("map deals2 as crm.deals")
        XCTAssertEqual(report.previousTable, "deals")
        XCTAssertEqual(try fixture.rows("from crm.deals | select id, amount"), [["9", "5.00"]])
        let statuses = try RoleMapper(workspace: fixture.workspace).roles()
        XCTAssertEqual(statuses.first { $0.role.name == "crm.deals" }?.mapping?.table, "deals2")
        XCTAssertEqual(statuses.first { $0.role.name == "crm.deals" }?.rows, 1)
        XCTAssertEqual(try RoleStore(workspace: fixture.workspace).all().count, 1)
    }

    func testDroppingTheTableBreaksTheRoleClearly() throws {
        let fixture = try MappingFixture()
        try fixture.load("deals", Self.deals)
        try fixture.map("map deals as crm.deals")
        try fixture.workspace.drop("deals")
        XCTAssertThrowsError(try fixture.rows("from crm.deals")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "the named query 'crm.deals' no longer compiles: unknown table 'deals'")
        }
        let status = try XCTUnwrap(try RoleMapper(workspace: fixture.workspace).roles().first { $0.role.name == "crm.deals" })
        XCTAssertNil(status.rows)
        XCTAssertEqual(status.problem, "table 'deals' is gone: load it or map again")
    }

    func testRolesListsEveryRoleInOrder() throws {
        let fixture = try MappingFixture()
        try fixture.load("deals", Self.deals)
        try fixture.map("map deals as crm.deals")
        let statuses = try RoleMapper(workspace: fixture.workspace).roles()
        XCTAssertEqual(statuses.map(\.role.name), CanonicalRole.all.map(\.name))
        XCTAssertEqual(statuses.filter { $0.mapping != nil }.map(\.role.name), ["crm.deals"])
        XCTAssertEqual(statuses[1].rows, 3)
        XCTAssertEqual(statuses[1].mapping?.mappedFields.count, 10)
    }

    func testMappingIsStoredInTheWorkspaceFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString).sverka").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try "Номер,Контрагент,Сумма,Дата\n1,К-1,10.50,2026-01-01\n".write(toFile: csv, atomically: true, encoding: .utf8)
        do {
            let workspace = try Workspace(path: path)
            _ = try CSVLoader().load(LoadRequest(path: csv, table: "inv"), into: workspace)
            let role = Name("acc.invoices", span: .none)
            _ = try RoleMapper(workspace: workspace).map(MappingRequest(
                table: Name("inv", span: .none), role: role,
                fields: [], options: MappingOptions(onError: .null)))
        }
        let reopened = try Workspace(path: path)
        let mapping = try XCTUnwrap(try RoleStore(workspace: reopened).mapping(of: "ACC.INVOICES"))
        XCTAssertEqual(mapping.table, "inv")
        XCTAssertEqual(mapping.options.onError, .null)
        XCTAssertEqual(mapping.column(of: "id"), "Номер")
        XCTAssertEqual(mapping.column(of: "counterparty_id"), "Контрагент")
        XCTAssertEqual(mapping.column(of: "amount"), "Сумма")
        XCTAssertEqual(mapping.column(of: "issue_date"), "Дата")
        XCTAssertEqual(mapping.assignment(of: "number")?.origin, .missing)
        XCTAssertEqual(mapping.assignment(of: "due_date")?.origin, .missing)
        XCTAssertEqual(mapping.assignment(of: "amount")?.sourceType, .decimal(scale: 2))
    }
}
