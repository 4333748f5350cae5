import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// `append`: rows added in one transaction, the file's columns matched to the table's by name
/// and their types checked to fit.
final class LoadingAppendTests: CSVLoadingTestCase {
    private func append(_ text: String, options: LoadOptions = LoadOptions(), into workspace: Workspace) throws -> LoadReport {
        let path = try write(text, to: "more.csv")
        return try CSVLoader().append(LoadRequest(path: path, table: "t", options: options), into: workspace)
    }

    func testRowsAreAddedAndWidenedToTheTablesTypes() throws {
        let workspace = try Workspace(path: nil)
        try load("id,amount,at,note\n1,2.50,2026-01-01 10:00,a\n", into: workspace)
        // Columns in another order, a whole amount, a date without time, a number into text.
        let report = try append("note;at;amount;id\n5;31.01.2026;3;2\n", into: workspace)
        XCTAssertTrue(report.appended)
        XCTAssertEqual(report.rows, 1)
        XCTAssertEqual(report.totalRows, 2)
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(250), .text("2026-01-01 10:00:00"), .text("a")],
                                             [.integer(2), .integer(300), .text("2026-01-31 00:00:00"), .text("5")]])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.rows, 2)
        XCTAssertEqual(workspace.catalog.source(of: "t")?.notes.last, "appended 1 row from \(directory.path)/more.csv")
    }

    func testTypesThatDoNotFitNameTheColumnAndBothTypes() throws {
        let workspace = try Workspace(path: nil)
        try load("id,amount\n1,2.50\n", into: workspace)
        XCTAssertThrowsError(try append("id,amount\n2,n/a\n", into: workspace)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertTrue(diagnostic?.message.hasSuffix("column 'amount' is decimal(2) in t but text in the file") ?? false,
                          diagnostic?.message ?? "")
            XCTAssertEqual(diagnostic?.hints.last, "to read it as t has it: with (types: (amount: decimal(2)))")
        }
        XCTAssertThrowsError(try append("id,amount\n2,1.125\n", into: workspace))  // decimal(3) into decimal(2)
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(250)]])
    }

    func testMissingAndExtraColumns() throws {
        let workspace = try Workspace(path: nil)
        try load("id,amount\n1,2\n", into: workspace)
        XCTAssertThrowsError(try append("id\n2\n", into: workspace)) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.hasSuffix("the file has no column 'amount'") ?? false)
        }
        XCTAssertThrowsError(try append("id,amount,x\n2,3,4\n", into: workspace)) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.hasSuffix("it has a column 'x' that t has not") ?? false)
        }
    }

    func testAFailedAppendAddsNothingAndSkipKeepsTheRest() throws {
        let workspace = try Workspace(path: nil)
        try load("id,amount\n1,2\n", into: workspace)
        let text = "id,amount\n2,3\n3,x\n"
        XCTAssertThrowsError(try append(text, options: LoadOptions(columnTypes: ["amount": .integer]), into: workspace))
        XCTAssertEqual(try rows(workspace, "SELECT count(*) FROM t"), [[.integer(1)]])
        var options = LoadOptions(columnTypes: ["amount": .integer])
        options.onError = .skip
        let report = try append(text, options: options, into: workspace)
        XCTAssertEqual(report.rows, 1)
        XCTAssertEqual(report.rejected, 1)
        XCTAssertEqual(try rows(workspace, "SELECT line, raw FROM t_rejects"), [[.integer(3), .text("3,x")]])
    }

    func testAppendNeedsAnExistingTable() throws {
        let workspace = try Workspace(path: nil)
        XCTAssertThrowsError(try append("id\n1\n", into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no table 't' to append to")
        }
    }
}
