import SverkaSyntax
import XCTest
@testable import SverkaShell

/// Completion inside `chart`: its kinds, then tables after the `from` that starts its query.
final class ChartCompletionTests: XCTestCase {
    struct ChartCatalog: CompletionCatalog {
        var grammar: any CommandGrammar { CommandRegistry(ChartCommands.all) }
        var stepWords: [String] { FakeCatalog().stepWords }
        var functionNames: [String] { FakeCatalog().functionNames }
        func tableNames() -> [String] { FakeCatalog().tableNames() }
        func columnNames(of table: String) -> [String] { FakeCatalog().columnNames(of: table) }
        func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] { [] }
        func settingNames() -> [String] { [] }
    }

    private func texts(_ line: String) -> [String] {
        Completer(catalog: ChartCatalog()).complete(line: line, cursor: line.count).candidates.map(\.text)
    }

    func testKindsThenTablesAfterFrom() {
        XCTAssertEqual(texts("chart l"), ["line"])
        XCTAssertEqual(texts("chart bar amount by region from d"), ["deals"])
    }
}
