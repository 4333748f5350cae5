import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class ExportAtomicTests: ExportTestCase {
    /// Row 3 cannot be encoded: the rows before it were already written to the temporary file,
    /// which must go, leaving the old target byte for byte.
    func testAFailureMidwayLeavesTheOldTargetAndNoTemporaryFile() throws {
        let old = Data("old contents\n".utf8)
        try old.write(to: URL(fileURLWithPath: path("t.csv")))
        try workspace().database.execute("UPDATE t SET name = 'ok €' WHERE id = 2; UPDATE t SET name = 'a ✓' WHERE id = 3")
        XCTAssertThrowsError(try export(to: "t.csv", try options(#"encoding: "cp1251""#))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message.hasPrefix("row 3, column 'name'"), true)
        }
        XCTAssertEqual(try folderContents(), ["t.csv"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("t.csv"))), old)
    }

    func testAnXLSXFailureMidwayRemovesTheSheetAndTheWorkbook() throws {
        let old = Data("old workbook".utf8)
        try old.write(to: URL(fileURLWithPath: path("t.xlsx")))
        try workspace().database.execute("UPDATE t SET name = printf('%.40000c', 'x') WHERE id = 3")
        XCTAssertThrowsError(try export(to: "t.xlsx")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "row 3, column 'name': the text is longer than the 32,767 characters an xlsx cell holds")
        }
        XCTAssertEqual(try folderContents(), ["t.xlsx"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("t.xlsx"))), old)
    }

    func testASuccessfulExportReplacesTheTargetWithUsualPermissions() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("t.json")))
        try export(to: "t.json", query: query(where: "id = 4"))
        XCTAssertEqual(try folderContents(), ["t.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path("t.json"))
        let mode = try XCTUnwrap(attributes[.posixPermissions] as? NSNumber).uint16Value
        let mask = umask(0o022)
        umask(mask)
        XCTAssertEqual(mode, 0o666 & ~UInt16(mask))
    }

    func testAMissingFolderIsAnErrorAndNothingIsCreated() throws {
        let target = directory.appendingPathComponent("missing/t.csv").path
        XCTAssertThrowsError(try Exporter().export(query(), ExportRequest(path: "missing/t.csv", filePath: target),
                                                   from: workspace().database)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "folder '\(self.directory.appendingPathComponent("missing").path)' does not exist")
            XCTAssertEqual(diagnostic?.hints.first?.hasPrefix("export does not create folders"), true)
        }
        XCTAssertEqual(try folderContents(), [])
    }

    func testAFolderAsTheTargetIsAnError() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub.csv"), withIntermediateDirectories: false)
        XCTAssertThrowsError(try export(to: "sub.csv")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'sub.csv' is a folder")
        }
        XCTAssertEqual(try folderContents(), ["sub.csv"])
    }

    func testAnEmptyFileNameIsAnError() throws {
        XCTAssertThrowsError(try Exporter().export(query(), ExportRequest(path: ""), from: workspace().database)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the file name is empty")
        }
    }

    func testASQLErrorMidwayAlsoLeavesNothing() throws {
        // abs() of the smallest integer overflows in SQLite, on the third row only.
        let query = CompiledQuery(sql: "SELECT abs(CASE WHEN id = 3 THEN -9223372036854775807 - 1 ELSE id END) FROM t ORDER BY id",
                                  parameters: [], columns: [ResultColumn(name: "x", type: .integer)], engine: "SQLite")
        XCTAssertThrowsError(try export(to: "t.ndjson", query: query))
        XCTAssertEqual(try folderContents(), [])
    }

    /// Ctrl-C while rows stream: an endless query, interrupted from another thread.
    func testAnInterruptedExportLeavesNothing() throws {
        let endless = CompiledQuery(sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n",
                                    parameters: [], columns: [ResultColumn(name: "x", type: .integer)], engine: "SQLite")
        let handle = try workspace().database.interruptHandle
        let finished = ExportStopFlag()
        Thread.detachNewThread {
            while !finished.isSet {
                Thread.sleep(forTimeInterval: 0.01)
                handle.interrupt()
            }
        }
        defer { finished.set() }
        XCTAssertThrowsError(try export(to: "t.csv", query: endless)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "export interrupted")
            XCTAssertEqual((error as? Diagnostic)?.hints, ["nothing was written: 't.csv' is as it was"])
        }
        finished.set()
        XCTAssertEqual(try folderContents(), [])
    }
}

/// A flag one thread sets and another reads.
final class ExportStopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
