import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// Shared by the JSON, Excel and 1C loading tests: a scratch directory and small helpers.
class StructuredLoadingTestCase: XCTestCase {
    var directory = URL(fileURLWithPath: NSTemporaryDirectory())

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-structured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func rows(_ workspace: Workspace, _ sql: String = "SELECT * FROM t") throws -> [[StoredValue]] {
        try workspace.database.query(sql) { row in (0..<row.columnCount).map { row.storedValue(at: $0) } }
    }

    func types(_ report: LoadReport) -> [String: LogicalType] {
        Dictionary(uniqueKeysWithValues: report.columns.map { ($0.name, $0.type) })
    }

    /// The diagnostic a load fails with; fails the test when it succeeds.
    func failure(file: StaticString = #filePath, line: UInt = #line,
                 _ body: () throws(Diagnostic) -> Void) -> Diagnostic {
        do {
            try body()
        } catch {
            return error
        }
        XCTFail("the load succeeded", file: file, line: line)
        return Diagnostic("no error")
    }
}

final class LoadingJSONTests: StructuredLoadingTestCase {
    @discardableResult
    private func loadJSON(_ text: String, name: String = "data.json", table: String = "t",
                          structured: StructuredLoadOptions = StructuredLoadOptions(),
                          types: [String: LogicalType] = [:], into workspace: Workspace) throws -> LoadReport {
        let path = try write(text, to: name)
        return try JSONLoader().load(LoadRequest(path: path, table: table, options: LoadOptions(columnTypes: types)),
                                     structured: structured, into: workspace)
    }

    func testArrayOfObjectsFlattensNestedObjectsAndKeepsArraysAsJSON() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadJSON("""
            [
              {"id": 1, "name": "ООО \\"Ромашка\\"", "amount": 12345.67, "closed_at": "2026-01-15",
               "won": true, "inn": "007701234567", "contact": {"email": "a@x.ru", "phone": {"work": "+7 495 1"}},
               "tags": ["vip", 2, {"k": null}], "note": null},
              {"id": 2, "name": "ИП Петров", "amount": 500, "closed_at": "2026-02-01", "won": false,
               "inn": "500100732259", "contact": {"email": "b@y.ru"}, "tags": []},
              {"id": 3, "name": "Beta \\u00e9\\ud83d\\ude00", "amount": -0.5, "closed_at": null, "won": false,
               "inn": "7701234567", "extra": "only here"}
            ]
            """, into: workspace)
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.columns.map(\.name), ["id", "name", "amount", "closed_at", "won", "inn", "contact.email",
                                                   "contact.phone.work", "tags", "note", "extra"])
        XCTAssertEqual(types(report), ["id": .integer, "name": .text, "amount": .decimal(scale: 2), "closed_at": .date,
                                       "won": .bool, "inn": .text, "contact.email": .text, "contact.phone.work": .text,
                                       "tags": .text, "note": .text, "extra": .text])
        XCTAssertEqual(try rows(workspace, "SELECT id, name, amount, closed_at, won, inn, tags FROM t ORDER BY id"), [
            [.integer(1), .text("ООО \"Ромашка\""), .integer(1_234_567), .text("2026-01-15"), .integer(1),
             .text("007701234567"), .text("[\"vip\",2,{\"k\":null}]")],
            [.integer(2), .text("ИП Петров"), .integer(50_000), .text("2026-02-01"), .integer(0),
             .text("500100732259"), .text("[]")],
            [.integer(3), .text("Beta é😀"), .integer(-50), .null, .integer(0), .text("7701234567"), .null],
        ])
        XCTAssertEqual(try rows(workspace, "SELECT \"contact.phone.work\", extra FROM t ORDER BY id"),
                       [[.text("+7 495 1"), .null], [.null, .null], [.null, .text("only here")]])
        XCTAssertEqual(Array(report.notes.prefix(3)), [
            "format: JSON, the top-level array (3 records)",
            "encoding: UTF-8",
            "nested objects flattened into parent.child columns: contact.email, contact.phone.work",
        ])
        XCTAssertTrue(report.notes.contains("amount: decimal(2) (whole numbers and decimals)"))
        XCTAssertTrue(report.notes.contains("tags: text; arrays kept as JSON text"))
        XCTAssertTrue(report.notes.contains("inn: text (leading zeros)"))
        XCTAssertTrue(report.notes.contains("extra: text"))
        XCTAssertTrue(report.notes.contains("closed_at: date; 1 empty → null"))
        let source = try XCTUnwrap(workspace.catalog.source(of: "t"))
        XCTAssertEqual(source.options, "format: json")
        XCTAssertEqual(source.notes, report.notes)
        XCTAssertEqual(source.contentHash.count, 64)
    }

    func testArrayAtAPathAndFoundWithoutOne() throws {
        let workspace = try Workspace(path: nil)
        let text = """
            {"_page": 1, "_links": {"self": {"href": "x"}},
             "_embedded": {"leads": [{"id": 10, "price": 1500.00}, {"id": 11, "price": 99.99}]}}
            """
        let given = try loadJSON(text, structured: StructuredLoadOptions(path: "_embedded.leads"), into: workspace)
        XCTAssertEqual(given.notes.first, "format: JSON, the array at '_embedded.leads' (2 records)")
        XCTAssertEqual(try rows(workspace, "SELECT sum(price) FROM t"), [[.integer(159_999)]])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.options, "format: json; path: _embedded.leads")

        let found = try loadJSON(text, table: "u", into: workspace)
        XCTAssertEqual(found.notes.first, "format: JSON, the array at '_embedded.leads' (2 records; "
                       + "found as the only array of records, the option path picks another)")
        XCTAssertEqual(found.columns, [ResultColumn(name: "id", type: .integer), ResultColumn(name: "price", type: .decimal(scale: 2))])
    }

    func testNumericPathPartsPickArrayElements() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadJSON(#"{"results": [{"rows": [{"a": 1}]}, {"rows": [{"a": 2}, {"a": 3}]}]}"#,
                                  structured: StructuredLoadOptions(path: "results.1.rows"), into: workspace)
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(try rows(workspace), [[.integer(2)], [.integer(3)]])
    }

    func testNDJSONByExtensionByContentAndByOption() throws {
        let workspace = try Workspace(path: nil)
        let lines = "{\"id\": 1, \"at\": \"2026-01-05 10:00:00\"}\n\n{\"id\": 2, \"at\": \"2026-01-06\"}\r\n{\"id\": 3}\n"
        let byExtension = try loadJSON(lines, name: "events.ndjson", into: workspace)
        XCTAssertEqual(byExtension.notes.first, "format: NDJSON, one object per line (3 records)")
        XCTAssertEqual(types(byExtension), ["id": .integer, "at": .datetime])
        XCTAssertEqual(try rows(workspace, "SELECT at FROM t"),
                       [[.text("2026-01-05 10:00:00")], [.text("2026-01-06 00:00:00")], [.null]])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.options, "format: ndjson")

        let byContent = try loadJSON(lines, name: "events.json", into: workspace)
        XCTAssertEqual(byContent.rows, 3)
        XCTAssertEqual(try loadJSON(lines, name: "events.log", structured: StructuredLoadOptions(ndjson: true),
                                    into: workspace).rows, 3)
        let jsonl = try write(lines, to: "e.jsonl")
        let forced = failure { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: jsonl, table: "t"), structured: StructuredLoadOptions(ndjson: false),
                                      into: workspace)
        }
        XCTAssertEqual(forced.message, "invalid JSON: more content after the end of the document, found '{'")
        XCTAssertEqual(forced.location, directory.appendingPathComponent("e.jsonl").path + ":3:1")
        XCTAssertEqual(forced.hints, ["a file with one JSON object per line is NDJSON: load it with ndjson: true"])
    }

    func testNumbersStayExactWhateverTheirForm() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadJSON("""
            [{"a": 0.1, "b": 1.5e3, "c": 12345678901234567890, "d": 1E-2, "e": -0},
             {"a": 0.2, "b": 2.25E+1, "c": 1, "d": 0.005, "e": 7}]
            """, into: workspace)
        XCTAssertEqual(types(report), ["a": .decimal(scale: 1), "b": .decimal(scale: 1), "c": .text,
                                       "d": .decimal(scale: 3), "e": .integer])
        XCTAssertEqual(try rows(workspace, "SELECT a, b, c, d, e FROM t"), [
            [.integer(1), .integer(15_000), .text("12345678901234567890"), .integer(10), .integer(0)],
            [.integer(2), .integer(225), .text("1"), .integer(5), .integer(7)],
        ])
        XCTAssertTrue(report.notes.contains("c: text (numbers too large for 64 bits)"))
    }

    /// Money summed from a loaded JSON file equals the total computed here in integer cents.
    func testSumOfAmountsEqualsTheIndependentTotal() throws {
        var state: UInt64 = 20_261_130
        var expected: Int64 = 0
        var text = "{\"data\": {\"payments\": [\n"
        for id in 1...20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let cents = Int64(state >> 33) % 100_000_000 * (id % 5 == 0 ? -1 : 1)
            expected += cents
            let magnitude = cents.magnitude
            let amount = "\(cents < 0 ? "-" : "")\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
            text += "  {\"id\": \(id), \"amount\": \(amount), \"paid\": {\"at\": \"2026-11-\(10 + id % 19)\"}}"
            text += id < 20_000 ? ",\n" : "\n"
        }
        text += "]}}\n"
        let workspace = try Workspace(path: nil)
        let report = try loadJSON(text, structured: StructuredLoadOptions(path: "data.payments"), into: workspace)
        XCTAssertEqual(report.rows, 20_000)
        XCTAssertEqual(types(report), ["id": .integer, "amount": .decimal(scale: 2), "paid.at": .date])
        XCTAssertEqual(try workspace.database.scalar("SELECT sum(amount) FROM t"), .integer(expected))
    }

    func testRequestedTypesWinAndABadValueIsLocated() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadJSON(#"[{"inn": 7701234567, "sum": 10}]"#, types: ["inn": .text, "sum": .decimal(scale: 2)],
                                  into: workspace)
        XCTAssertEqual(types(report), ["inn": .text, "sum": .decimal(scale: 2)])
        XCTAssertEqual(try rows(workspace), [[.text("7701234567"), .integer(1000)]])
        XCTAssertTrue(report.notes.contains("sum: decimal(2) (as requested)"))

        let bad = try write("[\n {\"c\": {\"sum\": 1}},\n {\"c\": {\"x\": 0, \"sum\": \"12,5\"}}\n]", to: "bad.json")
        let error = failure { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: bad, table: "t",
                                                  options: LoadOptions(columnTypes: ["c.sum": .decimal(scale: 2)])),
                                      into: workspace)
        }
        XCTAssertEqual(error.message, "column 'c.sum' (decimal(2)) cannot hold \"12,5\"")
        XCTAssertEqual(error.location, directory.appendingPathComponent("bad.json").path + ":3:24")
        XCTAssertEqual(try rows(workspace), [[.text("7701234567"), .integer(1000)]])
    }

    func testAFailedLoadLeavesTheOldTable() throws {
        let workspace = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        try loadJSON(#"[{"id": 1, "amount": 10.50}]"#, into: workspace)
        let before = workspace.catalog.source(of: "t")
        for bad in [#"[{"id": 1}, {"id": 2"#, #"[{"id": 1}, 5]"#, "{}", "[]", "   "] {
            XCTAssertThrowsError(try loadJSON(bad, name: "bad.json", into: workspace), bad)
        }
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(1050)]])
        XCTAssertEqual(workspace.catalog.schema(of: "t")?.columns.map(\.type), [.integer, .decimal(scale: 2)])
        XCTAssertEqual(workspace.catalog.source(of: "t"), before)
        XCTAssertFalse(workspace.database.isInTransaction)
    }

    /// The row-table loader on its own: plain arrays under a header, with a type fixed by the source.
    func testRowsFromArraysLoadLikeAFile() throws {
        let workspace = try Workspace(path: nil)
        let table = RowTable(header: ["id", "amount", "note"], fixedTypes: [nil, .decimal(scale: 2)],
                             rows: [["1", "10", nil], ["2", "0.5", "x"], ["3", nil]], origin: "api:/deals")
        let load = try RowTableLoad(LoadRequest(path: "api:/deals", table: "t"), into: workspace)
        let report = try load.run(table, origin: "api:/deals", contentHash: { () throws(Diagnostic) in "feed" },
                                  formatNotes: ["format: test"], options: "format: test")
        XCTAssertEqual(report.columns.map(\.type), [.integer, .decimal(scale: 2), .text])
        XCTAssertEqual(report.notes, ["format: test", "id: integer", "amount: decimal(2) (fixed by the source); 1 empty → null",
                                      "note: text"])
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(1000), .null], [.integer(2), .integer(50), .text("x")],
                                            [.integer(3), .null, .null]])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.contentHash, "feed")

        let bad = RowTable(header: ["amount"], fixedTypes: [.decimal(scale: 2)], rows: [["1"], ["1.005"]], origin: "api:/deals")
        let error = failure { () throws(Diagnostic) in
            _ = try RowTableLoad(LoadRequest(path: "api:/deals", table: "t"), into: workspace)
                .run(bad, origin: "api:/deals", contentHash: { () throws(Diagnostic) in "x" }, formatNotes: [], options: "")
        }
        XCTAssertEqual(error.location, "api:/deals:3")
        XCTAssertEqual(error.hints.first, "it has 3 decimal places and decimal(2) keeps 2 places; loads never round")
        XCTAssertEqual(try rows(workspace, "SELECT count(*) FROM t"), [[.integer(3)]])
    }
}
