import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// A load of the same bytes with the same options into the same table is skipped.
final class LoadingUnchangedTests: CSVLoadingTestCase {
    private func request(_ path: String, force: Bool = false, types: [String: LogicalType] = [:]) -> LoadRequest {
        var options = LoadOptions(columnTypes: types)
        options.force = force
        return LoadRequest(path: path, table: "t", options: options)
    }

    func testSecondLoadOfTheSameFileIsSkipped() throws {
        let workspace = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        let path = try write("id,amount\n1,2.50\n2,3.00\n")
        let first = try CSVLoader().load(request(path), into: workspace)
        XCTAssertFalse(first.unchanged)
        let second = try CSVLoader().load(request(path), into: workspace)
        XCTAssertTrue(second.unchanged)
        XCTAssertEqual(second.rows, 2)
        XCTAssertEqual(second.columns, first.columns)
        XCTAssertEqual(second.notes, first.notes)
        // Across sessions too: a fresh connection to the same workspace.
        let reopened = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        XCTAssertTrue(try CSVLoader().load(request(path), into: reopened).unchanged)
    }

    func testChangedContentOptionsOrForceReload() throws {
        let workspace = try Workspace(path: nil)
        let path = try write("id\n1\n")
        _ = try CSVLoader().load(request(path), into: workspace)
        XCTAssertFalse(try CSVLoader().load(request(path, force: true), into: workspace).unchanged)
        XCTAssertFalse(try CSVLoader().load(request(path, types: ["id": .text]), into: workspace).unchanged)
        XCTAssertTrue(try CSVLoader().load(request(path, types: ["id": .text]), into: workspace).unchanged)
        _ = try write("id\n2\n")
        let changed = try CSVLoader().load(request(path, types: ["id": .text]), into: workspace)
        XCTAssertFalse(changed.unchanged)
        XCTAssertEqual(try rows(workspace), [[.text("2")]])
    }

    func testATableDroppedBehindTheCatalogsBackIsLoadedAgain() throws {
        let workspace = try Workspace(path: nil)
        let path = try write("id\n1\n")
        _ = try CSVLoader().load(request(path), into: workspace)
        try workspace.database.execute("DROP TABLE t")
        XCTAssertFalse(try CSVLoader().load(request(path), into: workspace).unchanged)
        XCTAssertEqual(try rows(workspace), [[.integer(1)]])
    }

    func testAnAppendMeansTheFirstFileIsNoLongerTheWholeTable() throws {
        let workspace = try Workspace(path: nil)
        let first = try write("id\n1\n", to: "a.csv")
        let second = try write("id\n2\n", to: "b.csv")
        _ = try CSVLoader().load(request(first), into: workspace)
        _ = try CSVLoader().append(LoadRequest(path: second, table: "t"), into: workspace)
        let again = try CSVLoader().load(request(first), into: workspace)
        XCTAssertFalse(again.unchanged)
        XCTAssertEqual(try rows(workspace), [[.integer(1)]])
    }
}
