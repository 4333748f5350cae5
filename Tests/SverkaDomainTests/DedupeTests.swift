import Foundation
import SverkaDomain
import SverkaEngine
import XCTest

/// Duplicate groups within one system, their reasons and survivors.
final class DedupeTests: XCTestCase {
    private func record(_ id: String, _ name: String, tax: String? = nil, email: String? = nil, phone: String? = nil,
                        created: String? = nil) -> PartyRecord {
        PartyRecord(id: id, name: name, taxID: tax, email: email, phone: phone, createdAt: created)
    }

    private func groups(_ records: [PartyRecord]) -> [[String]] {
        DuplicateFinder.find(in: records).groups.map { group in
            group.members.map { "\($0.record.id)\($0.isSurvivor ? "*" : "") \($0.reason)" }
        }
    }

    func testEachKindOfEvidence() {
        let found = groups([
            record("1", "ООО Ромашка", tax: "7707083893"), record("2", "Ромашка-Плюс", tax: "7707083893"),  // tax id
            record("3", "Вектор", email: "Info@Vector.ru"), record("4", "Другое имя", email: "info@vector.ru "),   // e-mail
            record("5", "Альфа", phone: "+7 (495) 123-45-67"), record("6", "Омега", phone: "8 495 1234567"),   // phone
            record("7", "ЗАО «Сигма»"), record("8", "Sigma"),                                                 // name
            record("9", "Одиночка"),
        ])
        XCTAssertEqual(found, [
            ["1* same tax id", "2 same tax id"],
            ["3* same e-mail info@vector.ru", "4 same e-mail info@vector.ru"],
            ["5* same phone 74951234567", "6 same phone 74951234567"],
            ["7* same name", "8 same name"],
        ])
    }

    func testEvidenceChainsButNeverJoinsTwoTaxIDs() {
        let found = groups([
            record("1", "Ромашка", tax: "7707083893", email: "a@r.ru"),
            record("2", "Ромашка Трейд", email: "a@r.ru", phone: "84951112233"),
            record("3", "Иное", phone: "+7 495 111 22 33"),
            record("4", "Ромашка", tax: "7736050003"),   // the name of 1, another legal entity
            record("5", "АО Ромашка"),                   // so the name cannot tell whose record this is
        ])
        XCTAssertEqual(found, [["1* same e-mail a@r.ru", "2 same e-mail a@r.ru, same phone 74951112233",
                                "3 same phone 74951112233"]])
    }

    func testDifferentKindsOfLegalFormAreNotOneNameGroup() {
        XCTAssertEqual(groups([record("1", "АО Ромашка"), record("2", "ЗАО «Ромашка»"), record("3", "ООО Ромашка")]),
                       [["1* same name", "2 same name"]])
    }

    func testSurvivorRule() {
        // A valid tax id first, then the fullest record, then the oldest, then the lowest id.
        XCTAssertEqual(groups([record("1", "Ромашка", email: "x@y.ru", phone: "84951112233", created: "2020-01-01"),
                               record("2", "Ромашка", tax: "7707083893")]).first?.first, "2* same name")
        XCTAssertEqual(groups([record("1", "Ромашка"), record("2", "Ромашка", email: "x@y.ru")]).first?.first,
                       "2* same name")
        XCTAssertEqual(groups([record("10", "Ромашка", created: "2024-05-01"), record("9", "Ромашка", created: "2023-01-01"),
                               record("8", "Ромашка")]).first, ["9* same name", "8 same name", "10 same name"])
        XCTAssertEqual(groups([record("10", "Ромашка"), record("9", "Ромашка")]).first, ["9* same name", "10 same name"])
    }

    func testAMailboxOfSeveralCompaniesIdentifiesNobody() {
        let records = [record("1", "Ромашка", tax: "7707083893", email: "buh@mail.ru"),
                       record("2", "Вектор", tax: "7736050003", email: "buh@mail.ru"),
                       record("3", "Альфа", email: "buh@mail.ru"),
                       record("4", "Альфа", email: "alfa@mail.ru")]
        XCTAssertEqual(groups(records), [["3* same name", "4 same name"]])
    }

    func testTableInTheWorkspace() throws {
        let workspace = try MatchingWorkspace.make(
            clients: [["1", "ООО Ромашка", "7707083893", nil, nil, "2023-01-01"], ["2", "Ромашка", nil, "r@r.ru", nil, "2022-01-01"],
                      ["3", "Вектор", nil, nil, nil, nil]],
            counterparties: [["К-1", "Ромашка", "7707083893"], ["К-2", "ООО Ромашка", "7707083893"], ["К-3", "Вектор", nil]])
        let report = try Deduplication(workspace: workspace).run(.clients)
        XCTAssertEqual(report.groups.count, 1)
        XCTAssertEqual(report.redundantRecords, 1)
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from duplicates"),
                       [["1", "1", "ООО Ромашка", "7707083893", "same name", "true"],
                        ["1", "2", "Ромашка", nil, "same name", "false"]])
        _ = try Deduplication(workspace: workspace).run(.counterparties, into: "cp_duplicates")
        XCTAssertEqual(try MatchingWorkspace.rows(workspace, "from cp_duplicates | select id, reason, survivor"),
                       [["К-1", "same tax id, same name", "true"], ["К-2", "same tax id, same name", "false"]])
        XCTAssertEqual(workspace.catalog.schema(of: "duplicates")?.columns.map { "\($0.name) \($0.type)" },
                       ["group_id integer", "id text", "name text", "tax_id text", "reason text", "survivor bool"])
    }

    /// scripts/gen-data enters some CRM clients twice (the copies are the last rows of
    /// clients.csv) and some counterparties twice with the same tax id: dedupe finds them all.
    func testPlantedDuplicates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-dedupe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", MatchingAcceptanceTests.generator.path, folder.path, "--deals", "6000", "--seed", "3"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("scripts/gen-data could not run") }
        let workspace = try Workspace(path: nil)
        var options = LoadOptions()
        options.columnTypes = ["tax_id": .text]
        for table in ["clients", "counterparties"] {
            _ = try CSVLoader().load(LoadRequest(path: folder.appendingPathComponent("\(table).csv").path, table: table,
                                                 options: options), into: workspace)
        }
        try MatchingWorkspace.defineRoles(workspace)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("planted.json")))
        let planted = (json as? [String: Any])?["planted"] as? [String: Any]
        let total = try XCTUnwrap(((json as? [String: Any])?["rows"] as? [String: Int])?["clients"])
        let duplicates = try XCTUnwrap(planted?["duplicate_clients"] as? Int)
        let sameTax = try XCTUnwrap(planted?["duplicate_clients_same_tax_id"] as? Int)

        let clients = try Deduplication(workspace: workspace).run(.clients)
        var groupOf: [String: DuplicateGroup] = [:]
        for group in clients.groups { for member in group.members { groupOf[member.record.id] = group } }
        let copies = ((total - duplicates + 1)...total).map(String.init)
        let missed = copies.filter { groupOf[$0] == nil }
        XCTAssertEqual(missed, [], "planted duplicates not found")
        let byTax = copies.filter { id in groupOf[id]?.members.first { $0.record.id == id }?.reason.contains("same tax id") == true }
        XCTAssertEqual(byTax.count, sameTax)

        let counterparties = try Deduplication(workspace: workspace).run(.counterparties)
        let taxCopies = counterparties.groups.flatMap(\.members).filter { !$0.isSurvivor && $0.reason.contains("same tax id") }
        XCTAssertEqual(taxCopies.count, try XCTUnwrap(planted?["duplicate_counterparties"] as? Int))
    }
}
