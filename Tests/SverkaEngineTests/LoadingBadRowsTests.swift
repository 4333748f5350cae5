import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Bad rows: by default the first stops the load and the old table stays; with on_error skip
/// they go to NAME_rejects; max_errors puts a limit on that.
final class LoadingBadRowsTests: CSVLoadingTestCase {
    /// 100,000 deals; line 70 001 (data row 70 000) has a typo in its amount.
    private func dealsWithATypo() -> [UInt8] {
        var text = "id,amount,stage\n"
        for id in 1...100_000 {
            text += id == 70_000 ? "\(id),12.3x,won\n" : "\(id),\(id % 977).\(id % 100 < 10 ? "0" : "")\(id % 100),won\n"
        }
        return Array(text.utf8)
    }

    func testOneBadAmountOnLine70001StopsTheLoadAndKeepsTheOldTable() throws {
        let workspace = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        try load("id,amount,stage\n1,5.00,won\n", into: workspace)
        let (error, path) = try loadError(dealsWithATypo(), options: LoadOptions(), into: workspace)
        XCTAssertEqual(error.message, "column 'amount' (decimal(2)) cannot hold \"12.3x\"")
        XCTAssertEqual(error.location, "\(path):70001:7")
        XCTAssertEqual(error.hints.first, "expected a number like 1234.55 (a point, no spaces or commas)")
        XCTAssertTrue(error.hints.contains("to load the other rows and keep the bad ones in a table: with (on_error: \"skip\")"))
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(500), .text("won")]])
        XCTAssertNil(workspace.catalog.schema(of: "t_rejects"))
    }

    func testSkippingLoadsTheOtherRowsAndKeepsTheBadOne() throws {
        let workspace = try Workspace(path: nil)
        var options = LoadOptions()
        options.onError = .skip
        let report = try load(dealsWithATypo(), options: options, into: workspace)
        XCTAssertEqual(report.rows, 99_999)
        XCTAssertEqual(report.rejected, 1)
        XCTAssertEqual(report.rejectsTable, "t_rejects")
        XCTAssertEqual(report.columns.map(\.type), [.integer, .decimal(scale: 2), .text])
        XCTAssertEqual(try rows(workspace, "SELECT * FROM t_rejects"),
                       [[.integer(70_001), .text("70000,12.3x,won"), .text("column 'amount' (decimal(2)) cannot hold \"12.3x\"")]])
        XCTAssertEqual(workspace.catalog.schema(of: "t_rejects")?.columns.map(\.type), [.integer, .text, .text])
        XCTAssertTrue(report.notes.contains("rejects: 1 bad row, in t_rejects"))
        XCTAssertTrue(report.notes.contains("amount: decimal(2); 1 value it cannot hold (line 70001 first)"),
                      "\(report.notes)")
    }

    func testRaggedRowsAreSkippedWithTheirRawText() throws {
        let workspace = try Workspace(path: nil)
        var options = LoadOptions()
        options.onError = .skip
        let report = try load(Array("a,b\n1,2\n\"x\ny\",2,3\n4\n5,6\n".utf8), options: options, into: workspace)
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(try rows(workspace, "SELECT * FROM t_rejects"), [
            [.integer(3), .text("\"x\ny\",2,3"), .text("this row has 3 fields, the header has 2")],
            [.integer(5), .text("4"), .text("this row has 1 field, the header has 2")],
        ])
    }

    func testMaxErrorsFailsWhenMoreRowsAreBad() throws {
        let workspace = try Workspace(path: nil)
        try load("a,b\n1,2\n", into: workspace)
        var options = LoadOptions(columnTypes: ["b": .integer])
        options.onError = .skip
        options.maxErrors = 1
        let bytes = Array("a,b\n1,x\n2,y\n3,4\n".utf8)
        let (error, _) = try loadError(bytes, options: options, into: workspace)
        XCTAssertTrue(error.message.hasSuffix("has 2 bad rows, more than max_errors allows (1)"), error.message)
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(2)]])
        options.maxErrors = 2
        let report = try load(bytes, options: options, into: workspace)
        XCTAssertEqual(report.rows, 1)
        XCTAssertEqual(report.rejected, 2)
    }

    func testTooManyOddValuesMakeTheColumnTextInstead() throws {
        var text = "id,amount\n"
        for id in 1...999 { text += "\(id),\(id).50\n" }
        text += "1000,n/a\n"
        let (_, report) = try load(text)
        // One odd value in 999 is more than one in a thousand: the column is text, and says why.
        XCTAssertEqual(report.columns.map(\.type), [.integer, .text])
        XCTAssertTrue(report.notes.contains("amount: text (line 1001 has \"n/a\", not a number); to force: with (types: (amount: decimal(2)))"),
                      "\(report.notes)")
    }

    func testASecondSkipLoadReplacesTheRejects() throws {
        let workspace = try Workspace(path: nil)
        var options = LoadOptions(columnTypes: ["b": .integer])
        options.onError = .skip
        try load(Array("a,b\n1,x\n".utf8), options: options, into: workspace)
        try load(Array("a,b\n1,2\n".utf8), options: options, into: workspace)
        XCTAssertEqual(try rows(workspace, "SELECT count(*) FROM t_rejects"), [[.integer(0)]])
    }
}
