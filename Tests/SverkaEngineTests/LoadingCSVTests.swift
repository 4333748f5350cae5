import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Shared by the loading tests: a private directory, files written into it, loads into memory.
class CSVLoadingTestCase: XCTestCase {
    var directory = URL(fileURLWithPath: NSTemporaryDirectory())

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ text: String, to name: String = "data.csv") throws -> String {
        try write(Array(text.utf8), to: name)
    }

    func write(_ bytes: [UInt8], to name: String = "data.csv") throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func load(_ text: String, table: String = "t", types: [String: LogicalType] = [:],
              into workspace: Workspace) throws -> LoadReport {
        let path = try write(text)
        return try CSVLoader().load(LoadRequest(path: path, table: table, options: LoadOptions(columnTypes: types)),
                                    into: workspace)
    }

    @discardableResult
    func load(_ bytes: [UInt8], name: String = "data.csv", table: String = "t", options: LoadOptions,
              into workspace: Workspace) throws -> LoadReport {
        let path = try write(bytes, to: name)
        return try CSVLoader().load(LoadRequest(path: path, table: table, options: options), into: workspace)
    }

    /// The diagnostic a load with these options fails with; fails the test when it succeeds.
    func loadError(_ bytes: [UInt8], options: LoadOptions, into workspace: Workspace? = nil, name: String = "data.csv",
                   file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String) {
        let path = try write(bytes, to: name)
        let target = try workspace ?? Workspace(path: nil)
        do {
            _ = try CSVLoader().load(LoadRequest(path: path, table: "t", options: options), into: target)
        } catch {
            return (error, path)
        }
        XCTFail("the load succeeded", file: file, line: line)
        return (Diagnostic("no error"), path)
    }

    /// Loads into a fresh in-memory workspace.
    func load(_ text: String, types: [String: LogicalType] = [:]) throws -> (Workspace, LoadReport) {
        let workspace = try Workspace(path: nil)
        let report = try load(text, types: types, into: workspace)
        return (workspace, report)
    }

    func rows(_ workspace: Workspace, _ sql: String = "SELECT * FROM t") throws -> [[StoredValue]] {
        try workspace.database.query(sql) { row in (0..<row.columnCount).map { row.storedValue(at: $0) } }
    }

    /// The diagnostic a load fails with; fails the test when it succeeds.
    func loadError(_ bytes: [UInt8], types: [String: LogicalType] = [:], into workspace: Workspace? = nil,
                   file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String) {
        let path = try write(bytes)
        let target = try workspace ?? Workspace(path: nil)
        do {
            _ = try CSVLoader().load(LoadRequest(path: path, table: "t", options: LoadOptions(columnTypes: types)), into: target)
        } catch {
            return (error, path)
        }
        XCTFail("the load succeeded", file: file, line: line)
        return (Diagnostic("no error"), path)
    }

    func loadError(_ text: String, types: [String: LogicalType] = [:], into workspace: Workspace? = nil,
                   file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String) {
        try loadError(Array(text.utf8), types: types, into: workspace, file: file, line: line)
    }
}

final class LoadingCSVTests: CSVLoadingTestCase {
    func testQuotedFieldsWithSeparatorsQuotesAndNewlines() throws {
        let (workspace, report) = try load(#"""
            name,comment
            "ООО ""Ромашка""","a, b"
            plain,"line one
            line two"
            "",x
            """#)
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(try rows(workspace), [
            [.text("ООО \"Ромашка\""), .text("a, b")],
            [.text("plain"), .text("line one\nline two")],
            [.text(""), .text("x")],  // quoted, so empty text rather than null
        ])
    }

    func testBOMAndCRLFAndBlankTrailingLines() throws {
        let (workspace, report) = try load("\u{FEFF}id,name\r\n1,a\r\n2,\"b\r\nc\"\r\n\r\n\r\n")
        XCTAssertEqual(report.columns.map(\.name), ["id", "name"])
        XCTAssertEqual(try rows(workspace), [[.integer(1), .text("a")], [.integer(2), .text("b\r\nc")]])
        XCTAssertEqual(Array(report.notes.prefix(4)),
                       ["encoding: UTF-8 (byte order mark skipped)", "separator: ','", "header: line 1", "line endings: CRLF"])
    }

    func testLastLineWithoutNewlineAndEmptyLastField() throws {
        let (workspace, _) = try load("a,b\n1,\n2,3")
        XCTAssertEqual(try rows(workspace), [[.integer(1), .null], [.integer(2), .integer(3)]])
    }

    func testQuoteInsideAnUnquotedFieldIsText() throws {
        let (workspace, _) = try load("size\n12\" pipe\n")
        XCTAssertEqual(try rows(workspace), [[.text("12\" pipe")]])
    }

    func testHeaderNamesTrimmedFilledAndMadeUnique() throws {
        let (workspace, report) = try load(" amount ,,Amount,amount_2,amount\n1,2,3,4,5\n")
        XCTAssertEqual(report.columns.map(\.name), ["amount", "c2", "Amount_3", "amount_2", "amount_4"])
        XCTAssertTrue(report.notes.contains("header: column 2 has no name; called it 'c2'"))
        XCTAssertTrue(report.notes.contains("header: 'Amount' appears more than once; this one is 'Amount_3'"))
        XCTAssertTrue(report.notes.contains("header: 'amount' appears more than once; this one is 'amount_4'"))
        XCTAssertEqual(try rows(workspace, "SELECT \"Amount_3\", \"amount_4\" FROM t"), [[.integer(3), .integer(5)]])
    }

    func testOddNamesAreQuotedProperly() throws {
        let workspace = try Workspace(path: nil)
        try load("\"Сумма с НДС\",\"a \"\"quoted\"\" name\",select\n1.5,x,y\n", table: "Сделки \"2026\"", into: workspace)
        XCTAssertEqual(workspace.catalog.schema(of: "Сделки \"2026\"")?.columns.map(\.name),
                       ["Сумма с НДС", "a \"quoted\" name", "select"])
        XCTAssertEqual(try rows(workspace, "SELECT \"Сумма с НДС\" FROM \"Сделки \"\"2026\"\"\""), [[.integer(15)]])
    }

    func testHeaderOnlyFileMakesAnEmptyTextTable() throws {
        let (workspace, report) = try load("a,b\n")
        XCTAssertEqual(report.rows, 0)
        XCTAssertEqual(report.columns.map(\.type), [.text, .text])
        XCTAssertEqual(try rows(workspace), [])
    }

    func testRecordsLongerThanTheReadBufferAndAcrossChunks() throws {
        let long = String(repeating: "Ж", count: 1_500_000)  // 3 MB in one field, past the 1 MiB chunk
        var text = "id,text\n1,\"\(long)\"\n"
        for index in 2...60_000 { text += "\(index),значение \(index)\n" }
        let (workspace, report) = try load(text)
        XCTAssertEqual(report.rows, 60_000)
        XCTAssertEqual(try workspace.database.scalar("SELECT length(text) FROM t WHERE id = 1"), .integer(1_500_000))
        XCTAssertEqual(try workspace.database.scalar("SELECT text FROM t WHERE id = 60000"), .text("значение 60000"))
    }

    func testSourceRecordHasTheFileHashAndNotes() throws {
        let workspace = try Workspace(path: nil)
        let text = "id,amount\n1,2.50\n"
        let report = try load(text, into: workspace)
        let source = try XCTUnwrap(workspace.catalog.source(of: "t"))
        XCTAssertEqual(source.contentHash, "71b1a815c9727b49256f16a4f1de56fc0bca6c2689581cbf6af6a777969fae15")  // sha256sum
        XCTAssertEqual(source.rows, 1)
        XCTAssertEqual(source.notes, report.notes)
        XCTAssertEqual(source.options, "format: csv")
        XCTAssertTrue(source.path.hasPrefix("/"))
    }
}
