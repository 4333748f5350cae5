import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class LoadingAtomicTests: CSVLoadingTestCase {
    func testFailedReloadKeepsTheOldTableAndCatalog() throws {
        let path = directory.appendingPathComponent("w.sverka").path
        let workspace = try Workspace(path: path)
        try load("id,amount\n1,10.00\n2,20.00\n", into: workspace)
        let sourceBefore = workspace.catalog.source(of: "t")
        // A ragged row far down: the first pass fails before anything is written.
        var bad = "id,amount\n"
        for index in 1...5000 { bad += "\(index),1.00\n" }
        bad += "5001,1.00,extra\n"
        XCTAssertThrowsError(try load(bad, into: workspace))
        // A typed column that cannot hold a value.
        XCTAssertThrowsError(try load("id,amount\n1,x\n", types: ["amount": .decimal(scale: 2)], into: workspace))
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(1000)], [.integer(2), .integer(2000)]])
        XCTAssertEqual(workspace.catalog.schema(of: "t")?.columns.map(\.type), [.integer, .decimal(scale: 2)])
        XCTAssertEqual(workspace.catalog.source(of: "t"), sourceBefore)
        XCTAssertNil(try workspace.database.scalar("SELECT 1 FROM sqlite_master WHERE name LIKE '_sverka_loading%'"))
    }

    func testInsertFailureInsideTheTransactionRollsBack() throws {
        let workspace = try Workspace(path: nil)
        try load("id\n1\n", into: workspace)
        // A trigger that fails the catalog write, the last step of a load (after the old table is
        // dropped and the new one renamed), stands in for a disk error at the worst moment.
        try workspace.database.execute("""
            CREATE TEMP TRIGGER fail BEFORE INSERT ON main._sverka_tables
            BEGIN SELECT RAISE(ABORT, 'disk trouble'); END
            """)
        XCTAssertThrowsError(try load("id\n1\n2\n3\n", into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "constraint failed: disk trouble")
        }
        XCTAssertFalse(workspace.database.isInTransaction)
        XCTAssertEqual(try rows(workspace), [[.integer(1)]])
        XCTAssertEqual(workspace.catalog.schema(of: "t")?.columns, [ResultColumn(name: "id", type: .integer)])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.rows, 1)
    }

    func testReloadReplacesTableTypesAndSource() throws {
        let workspace = try Workspace(path: nil)
        try load("id,amount\n1,10\n", into: workspace)
        try load("id,amount,extra\n1,10.5,x\n2,1,y\n", into: workspace)
        XCTAssertEqual(workspace.catalog.schema(of: "t")?.columns.map(\.type), [.integer, .decimal(scale: 1), .text])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.rows, 2)
        XCTAssertEqual(try rows(workspace, "SELECT sum(amount) FROM t"), [[.integer(115)]])
    }

    func testViewsOnAReplacedTableKeepWorking() throws {
        let workspace = try Workspace(path: nil)
        try load("id\n1\n", into: workspace)
        try workspace.database.execute("CREATE VIEW doubled AS SELECT id * 2 AS twice FROM t")
        try load("id\n5\n6\n", into: workspace)
        XCTAssertEqual(try rows(workspace, "SELECT twice FROM doubled"), [[.integer(10)], [.integer(12)]])
    }

    func testInterruptDuringALoadStopsItAndKeepsTheOldTable() throws {
        let workspace = try Workspace(path: nil)
        try load("id\n1\n", into: workspace)
        var text = "id,name\n"
        for index in 1...400_000 { text += "\(index),name \(index)\n" }
        let path = try write(text, to: "big.csv")
        let handle = workspace.database.interruptHandle
        let finished = Flag()
        Thread.detachNewThread {
            while !finished.isSet {
                Thread.sleep(forTimeInterval: 0.01)
                handle.interrupt()
            }
        }
        defer { finished.set() }
        XCTAssertThrowsError(try CSVLoader().load(LoadRequest(path: path, table: "t"), into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "load interrupted")
        }
        finished.set()
        XCTAssertEqual(try rows(workspace), [[.integer(1)]])
        XCTAssertFalse(workspace.database.isInTransaction)
    }

    func testConnectionSettingsAreRestoredAfterALoad() throws {
        let workspace = try Workspace(path: nil)
        let before = try rows(workspace, "SELECT * FROM pragma_cache_size, pragma_secure_delete")
        try load("id\n1\n", into: workspace)
        XCTAssertEqual(try rows(workspace, "SELECT * FROM pragma_cache_size, pragma_secure_delete"), before)
    }

    func testInterruptBeforeTheLoadIsForgotten() throws {
        let workspace = try Workspace(path: nil)
        workspace.database.interruptHandle.interrupt()
        XCTAssertNoThrow(try load("id\n1\n", into: workspace))
    }
}
