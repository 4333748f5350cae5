import SverkaSyntax
import XCTest
@testable import SverkaShell

/// Completion inside `map`: role names after `as`, the entity after `crm.`, columns after `=`
/// in the field list, and clause keywords once the role is written.
final class MappingCompletionTests: XCTestCase {
    /// The fake catalog's tables and columns, with the real registry's `map`.
    struct MapCatalog: CompletionCatalog {
        var grammar: any CommandGrammar { CommandRegistry(MappingCommands.all) }
        var stepWords: [String] { FakeCatalog().stepWords }
        var functionNames: [String] { FakeCatalog().functionNames }
        func tableNames() -> [String] { FakeCatalog().tableNames() }
        func columnNames(of table: String) -> [String] { FakeCatalog().columnNames(of: table) }
        func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] { [] }
        func settingNames() -> [String] { [] }
    }

    private func texts(_ line: String) -> [String] {
        Completer(catalog: MapCatalog()).complete(line: line, cursor: line.count).candidates.map(\.text)
    }

    func testRoleNamesAfterAs() {
        XCTAssertEqual(texts("map deals as crm.d"), ["deals"])
        XCTAssertEqual(texts("map deals as acc.")
            .sorted(), ["costs", "counterparties", "invoices", "payments", "rates"])
        XCTAssertEqual(texts("map deals as a"), ["acc.counterparties", "acc.invoices", "acc.payments", "acc.costs", "acc.rates"])
    }

    func testTablesThenColumnsInTheFieldList() {
        XCTAssertEqual(texts("map d"), ["deals"])
        XCTAssertEqual(texts("map deals as crm.deals (amount = am"), ["amount"])
        XCTAssertEqual(texts("map deals as crm.deals (id = id, client_id = cl"), ["client_id", "closed_at"])
    }

    func testClauseKeywordsAfterTheRoleAndTheList() {
        XCTAssertEqual(texts("map deals as crm.deals w"), ["with"])
        XCTAssertEqual(texts("map deals as crm.deals (id = id) w"), ["with"])
    }
}
