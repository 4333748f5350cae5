import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `map` and `match clients` run again on inputs the workspace vouches for reuse what they
/// found; any change to those inputs — a reload with other content, `sql write`, a manual
/// decision, other options — makes them do the work again.
final class DerivedResultsReuseTests: XCTestCase {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-reuse-\(UUID().uuidString)")

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func load(_ workspace: Workspace, _ table: String, _ csv: String) throws {
        let file = folder.appendingPathComponent("\(table).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        _ = try CSVLoader().load(LoadRequest(path: file.path, table: table, options: LoadOptions(columnTypes: csv.hasPrefix("deal_id") ? [:] : ["tax_id": .text])),
                                 into: workspace)
    }

    private func map(_ workspace: Workspace, _ table: String, as role: String) throws -> MappingReport {
        try RoleMapper(workspace: workspace).map(MappingRequest(table: Name(table, span: .none), role: Name(role, span: .none)))
    }

    private func remembered(_ workspace: Workspace) throws -> [String] {
        try workspace.database.query("SELECT key FROM _sverka_meta WHERE key LIKE 'derived:%' ORDER BY key") { $0.text(at: 0) }
    }

    private static let deals = "deal_id,client_id,stage,amount\n1,c1,won,10.00\n2,c1,lost,5.00\n3,c2,Won,7.50\n"

    func testMappingAnUnchangedTableAgainReusesItsChecks() throws {
        let workspace = try Workspace(path: nil)
        try load(workspace, "deals", Self.deals)
        let first = try map(workspace, "deals", as: "crm.deals")
        XCTAssertEqual(try remembered(workspace), ["derived:map:crm.deals"])
        let second = try map(workspace, "deals", as: "crm.deals")
        XCTAssertEqual(second.rows, first.rows)
        XCTAssertEqual(second.stages, first.stages)
        XCTAssertEqual(second.stages?.won, 2)
        XCTAssertEqual(second.definition, first.definition)
        // Proof that the second run reused, not recounted: what is remembered is what it reports.
        try workspace.database.run("UPDATE _sverka_meta SET value = replace(value, '\"won\":2', '\"won\":99') WHERE key = 'derived:map:crm.deals'")
        XCTAssertEqual(try map(workspace, "deals", as: "crm.deals").stages?.won, 99)
    }

    func testOtherContentOrOtherStagesAreCheckedAgain() throws {
        let workspace = try Workspace(path: nil)
        try load(workspace, "deals", Self.deals)
        XCTAssertEqual(try map(workspace, "deals", as: "crm.deals").stages?.won, 2)
        // The same table, other stage lists: another mapping.
        var request = MappingRequest(table: Name("deals", span: .none), role: Name("crm.deals", span: .none))
        request.options.won = ["lost"]
        XCTAssertEqual(try RoleMapper(workspace: workspace).map(request).stages?.won, 1)
        // The file changed: loaded again, so its checks are made again.
        try load(workspace, "deals", Self.deals + "4,c3,won,1.00\n")
        XCTAssertEqual(try map(workspace, "deals", as: "crm.deals").stages?.won, 3)
        // Changed by hand: the table can no longer be vouched for, and nothing is reused.
        try RawSQL(workspace: workspace).write("UPDATE deals SET stage = 'won'")
        let report = try map(workspace, "deals", as: "crm.deals")
        XCTAssertEqual(report.stages?.won, 4)
        XCTAssertEqual(try map(workspace, "deals", as: "crm.deals").stages?.won, 4)
        XCTAssertEqual(DerivedResults(workspace: workspace).contentFingerprint(of: "deals"), nil)
    }

    private func matchingWorkspace(counterparties: String) throws -> Workspace {
        let workspace = try Workspace(path: nil)
        try load(workspace, "clients", "client_id,name,tax_id\n1,ООО «Ромашка»,7707083893\n2,Вектор,\n3,Альфа-Трейд,\n")
        try load(workspace, "counterparties", counterparties)
        _ = try map(workspace, "clients", as: "crm.clients")
        _ = try map(workspace, "counterparties", as: "acc.counterparties")
        return workspace
    }

    private static let counterparties = "counterparty_id,name,tax_id\nК-1,Ромашка ООО,7707083893\nК-2,ООО \"ВЕКТОР\",7736050003\nК-9,Поставщик,\n"

    private func matches(_ workspace: Workspace) throws -> [String] {
        try workspace.database.query("SELECT client_id || '-' || counterparty_id || ' ' || method FROM matches ORDER BY 1") { $0.text(at: 0) }
    }

    func testMatchingUnchangedRolesAgainGivesTheSameResult() throws {
        let workspace = try matchingWorkspace(counterparties: Self.counterparties)
        let first = try ClientMatching(workspace: workspace).run()
        XCTAssertTrue(try remembered(workspace).contains("derived:match:clients"))
        // Someone edits the result table by hand: a run writes it again as matching found it.
        try RawSQL(workspace: workspace).write("DELETE FROM matches")
        let second = try ClientMatching(workspace: workspace).run()
        XCTAssertEqual(second, first)
        XCTAssertEqual(try matches(workspace), ["1-К-1 tax_id", "2-К-2 name"])
        // Proof of reuse: a change behind the catalog's back (not through sql write, which
        // would forget the table's hash) is not seen.
        try workspace.database.run("DELETE FROM counterparties WHERE counterparty_id = 'К-2'")
        XCTAssertEqual(try ClientMatching(workspace: workspace).run(), first)
    }

    func testDecisionsOptionsAndDataMakeItMatchAgain() throws {
        let workspace = try matchingWorkspace(counterparties: Self.counterparties)
        _ = try ClientMatching(workspace: workspace).run()
        try ClientMatching(workspace: workspace).link(client: "3", to: "К-9")
        _ = try ClientMatching(workspace: workspace).run()
        XCTAssertEqual(try matches(workspace), ["1-К-1 tax_id", "2-К-2 name", "3-К-9 manual"])
        _ = try ClientMatching(workspace: workspace).run(MatchOptions(methods: [.taxID]))
        XCTAssertEqual(try matches(workspace), ["1-К-1 tax_id", "3-К-9 manual"])
        try load(workspace, "counterparties", Self.counterparties + "К-3,Альфа-Трейд ООО,\n")
        _ = try ClientMatching(workspace: workspace).run()
        XCTAssertEqual(try matches(workspace), ["1-К-1 tax_id", "2-К-2 name", "3-К-9 manual"])
        try ClientMatching(workspace: workspace).unlink(client: "3", from: nil)
        _ = try ClientMatching(workspace: workspace).run()
        XCTAssertEqual(try matches(workspace), ["1-К-1 tax_id", "2-К-2 name"])
    }
}
