import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class WorkspaceCatalogTests: XCTestCase {
    private let columns = [
        ResultColumn(name: "id", type: .integer), ResultColumn(name: "Сумма с НДС", type: .decimal(scale: 2)),
        ResultColumn(name: "closed", type: .date), ResultColumn(name: "at", type: .datetime),
        ResultColumn(name: "ok", type: .bool), ResultColumn(name: "ratio", type: .number),
        ResultColumn(name: "inn", type: .text),
    ]

    func testRegisterAndReadBackEveryLogicalType() throws {
        let workspace = try Workspace(path: nil)
        let source = SourceRecord(path: "/data/deals.csv", contentHash: String(repeating: "ab", count: 32),
                                  options: "format: csv", rows: 12, loadedAt: Date(timeIntervalSince1970: 1_795_000_000),
                                  notes: ["amount: decimal(2)", "inn: text (leading zeros)"])
        try workspace.catalog.register(table: "Сделки", columns: columns, source: source)
        XCTAssertEqual(workspace.catalog.schema(of: "Сделки"),
                       TableSchema(name: "Сделки", kind: .table, columns: columns, definition: nil))
        XCTAssertEqual(workspace.catalog.source(of: "Сделки"), source)
        XCTAssertEqual(try workspace.database.scalar("SELECT type FROM _sverka_columns WHERE position = 1"), .text("decimal(2)"))
        XCTAssertEqual(try workspace.database.scalar("SELECT loaded_at FROM _sverka_sources"), .text("2026-11-18T11:06:40Z"))
    }

    func testLookupPrefersExactNameThenIgnoresCase() throws {
        let workspace = try Workspace(path: nil)
        try workspace.catalog.register(table: "Сделки", columns: columns, source: nil)
        try workspace.catalog.register(table: "сделки", columns: [ResultColumn(name: "x", type: .text)], source: nil)
        XCTAssertEqual(workspace.catalog.schema(of: "сделки")?.columns.count, 1)
        XCTAssertEqual(workspace.catalog.schema(of: "Сделки")?.columns.count, columns.count)
        try workspace.catalog.register(table: "Deals", columns: columns, source: nil)
        XCTAssertEqual(workspace.catalog.schema(of: "DEALS")?.name, "Deals")
        XCTAssertNil(workspace.catalog.schema(of: "nothing"))
    }

    func testRegisterReplacesAndASCIICaseIsOneTable() throws {
        let workspace = try Workspace(path: nil)
        try workspace.catalog.register(table: "deals", columns: columns, source: nil)
        try workspace.catalog.register(table: "DEALS", columns: [ResultColumn(name: "id", type: .integer)], source: nil)
        XCTAssertEqual(workspace.catalog.allSchemas(),
                       [TableSchema(name: "DEALS", kind: .table, columns: [ResultColumn(name: "id", type: .integer)])])
    }

    func testNamedQueriesRoundTripAndCannotReplaceTables() throws {
        let workspace = try Workspace(path: nil)
        try workspace.catalog.saveQuery(name: "big", definition: "from deals | where amount > 1M", columns: columns)
        try workspace.catalog.saveQuery(name: "big", definition: "from deals | where amount > 2M", columns: columns)
        XCTAssertEqual(workspace.catalog.schema(of: "big"),
                       TableSchema(name: "big", kind: .query, columns: columns, definition: "from deals | where amount > 2M"))
        try workspace.catalog.register(table: "deals", columns: columns, source: nil)
        XCTAssertThrowsError(try workspace.catalog.saveQuery(name: "deals", definition: "from x", columns: [])) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'deals' is a table; a named query cannot replace it")
        }
        try workspace.catalog.remove("big")
        XCTAssertEqual(workspace.catalog.allSchemas().map(\.name), ["deals"])
    }

    func testReservedNamesAreRejected() throws {
        let workspace = try Workspace(path: nil)
        for name in ["_sverka_x", "_SVERKA_tables", "sqlite_master", " "] {
            XCTAssertThrowsError(try workspace.catalog.register(table: name, columns: [], source: nil), name)
        }
    }

    func testCatalogChangeRollsBackWithTheSurroundingTransaction() throws {
        let workspace = try Workspace(path: nil)
        XCTAssertThrowsError(try workspace.database.inTransaction { () throws(Diagnostic) in
            try workspace.catalog.register(table: "t", columns: columns, source: nil)
            throw Diagnostic("the data change failed")
        })
        XCTAssertNil(workspace.catalog.schema(of: "t"))
    }
}
