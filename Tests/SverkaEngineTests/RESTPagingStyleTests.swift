import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// Page numbers, offsets and cursors: where paging ends, and the servers that would make it
/// lose or repeat records (a capped page size, a parameter it ignores, a cursor it repeats).
final class RESTPagingStyleTests: RESTPagingTestCase {
    private static let itemCount = 25

    private func options(_ paging: RESTPaging, path: String? = nil) -> RESTOptions {
        var options = RESTOptions(url: URL(string: "https://api.example.test/items")!)
        options.paging = paging
        options.recordsPath = path
        return options
    }

    /// Items by page number, `size` a page (capped at `cap`, as servers do).
    private func pagedAPI(cap: Int = .max) -> ScriptedAPI {
        ScriptedAPI { url, _ in
            let page = Int(url.parameter("page") ?? "1") ?? 1
            let size = min(cap, Int(url.parameter("per_page") ?? "10") ?? 10)
            let first = (page - 1) * size + 1
            return self.json(self.items(first..<min(first + size, Self.itemCount + 1)))
        }
    }

    func testPageNumbersEndAtAShortPage() throws {
        let api = pagedAPI()
        let workspace = try Workspace(path: nil)
        let report = try load(options(.pageNumber(parameter: "page", first: 1, sizeParameter: "per_page", size: 10)),
                              from: api, into: workspace)
        XCTAssertEqual(report.load.rows, 25)
        XCTAssertEqual(api.requests.count, 3)
        XCTAssertEqual((0..<3).map { api.parameter("page", ofRequest: $0) }, ["1", "2", "3"])
        XCTAssertEqual((0..<3).map { api.parameter("per_page", ofRequest: $0) }, ["10", "10", "10"])
        XCTAssertEqual(try integer(workspace, "SELECT sum(id) FROM t"), Int64((1...25).reduce(0, +)))
    }

    func testAServerThatCapsThePageSizeStillGivesEveryRecord() throws {
        // Asked for 100 a page, the server sends 10: page 1 being short must not end the paging.
        let api = pagedAPI(cap: 10)
        let workspace = try Workspace(path: nil)
        let report = try load(options(.pageNumber(parameter: "page", first: 1, sizeParameter: "per_page", size: 100)),
                              from: api, into: workspace)
        XCTAssertEqual(report.load.rows, 25)
        XCTAssertEqual(try integer(workspace, "SELECT count(DISTINCT id) FROM t"), 25)
        XCTAssertEqual(api.requests.count, 3)
    }

    func testRecordsThatFitOnePageTakeOneMoreRequestToBeSure() throws {
        let api = ScriptedAPI { url, _ in self.json(url.parameter("page") == "1" ? self.items(1...5) : "[]") }
        let report = try load(options(.pageNumber(parameter: "page", first: 1, sizeParameter: "per_page", size: 10)),
                              from: api, into: try Workspace(path: nil))
        XCTAssertEqual(report.load.rows, 5)
        XCTAssertEqual(api.requests.count, 2)
    }

    func testOffsetsAdvanceByTheRecordsReceived() throws {
        // $top is capped at 7: the offsets must be 0, 7, 14, 21 — not 0, 10, 20, which would skip records.
        let api = ScriptedAPI { url, _ in
            let skip = Int(url.parameter("$skip") ?? "0") ?? 0
            let top = min(7, Int(url.parameter("$top") ?? "10") ?? 10)
            return self.json(#"{"value": \#(self.items((skip + 1)..<min(skip + top, Self.itemCount) + 1))}"#)
        }
        let workspace = try Workspace(path: nil)
        let report = try load(options(.offset(parameter: "$skip", sizeParameter: "$top", size: 10), path: "value"),
                              from: api, into: workspace)
        XCTAssertEqual(report.load.rows, 25)
        XCTAssertEqual(try integer(workspace, "SELECT count(DISTINCT id) FROM t"), 25)
        XCTAssertEqual((0..<api.requests.count).map { api.parameter("$skip", ofRequest: $0) }, ["0", "7", "14", "21"])
        // `$` stays as it is in the query: 1C reads `$top`, not `%24top`.
        XCTAssertTrue(api.requests[0].url?.absoluteString.hasSuffix("?$skip=0&$top=10") ?? false,
                      api.requests[0].url?.absoluteString ?? "")
    }

    func testCursorsAreSentBackUntilThereIsNone() throws {
        // Bitrix24's way: the next offset as a number in `next`, sent back as `start`.
        let api = ScriptedAPI { url, _ in
            let start = Int(url.parameter("start") ?? "0") ?? 0
            let next = start + 10 < Self.itemCount ? #", "next": \#(start + 10)"# : ""
            return self.json(#"{"result": \#(self.items((start + 1)..<min(start + 10, Self.itemCount) + 1)), "total": 25\#(next)}"#)
        }
        let workspace = try Workspace(path: nil)
        let report = try load(options(.cursor(path: "next", parameter: "start"), path: "result"), from: api, into: workspace)
        XCTAssertEqual(report.load.rows, 25)
        XCTAssertEqual((0..<api.requests.count).map { api.parameter("start", ofRequest: $0) }, [nil, "10", "20"])
        XCTAssertEqual(try integer(workspace, "SELECT count(DISTINCT id) FROM t"), 25)
    }

    func testARepeatedCursorStopsWithAnError() throws {
        let api = ScriptedAPI { _, number in
            self.json(#"{"data": \#(self.items(number...number)), "meta": {"next_cursor": "\#(number >= 2 ? "b" : "a")"}}"#)
        }
        let error = failure {
            _ = try self.load(self.options(.cursor(path: "meta.next_cursor", parameter: "cursor"), path: "data"),
                              from: api, into: try Workspace(path: nil))
        }
        XCTAssertEqual(error.message, "the cursor 'b' at 'meta.next_cursor' of page 3 was already given by page 2; paging stopped")
    }

    func testAServerIgnoringThePageParameterIsCaughtAtPageTwo() throws {
        let api = ScriptedAPI { _, _ in self.json(self.items(1...10)) }
        let error = failure {
            _ = try self.load(self.options(.pageNumber(parameter: "p", first: 1, sizeParameter: nil, size: nil)),
                              from: api, into: try Workspace(path: nil))
        }
        XCTAssertEqual(error.message, "page 2 is the same as page 1: the API seems to ignore the parameter 'p'")
        XCTAssertEqual(api.requests.count, 2)
    }

    func testMaxPagesStopsAndSaysSo() throws {
        let api = pagedAPI()
        var options = options(.pageNumber(parameter: "page", first: 1, sizeParameter: "per_page", size: 10))
        options.maxPages = 2
        let report = try load(options, from: api, into: try Workspace(path: nil))
        XCTAssertEqual(report.load.rows, 20)
        XCTAssertEqual(api.requests.count, 2)
        XCTAssertTrue(report.load.highlights.contains("stopped after max_pages: 2; the API has more pages"), "\(report.load.highlights)")
    }

    func testQueryParametersGoWithEveryPageAndATokenParameterIsHiddenInMessages() throws {
        let api = pagedAPI()
        var options = options(.pageNumber(parameter: "page", first: 1, sizeParameter: "per_page", size: 10))
        options.query = [RESTQueryItem("filter[stage]", "won & lost"), RESTQueryItem("page", "9")]
        options.credentials = .queryParameter("auth", secret("tok-0123456789", variable: "BITRIX_TOKEN"))
        let report = try load(options, from: api, into: try Workspace(path: nil))
        XCTAssertEqual(report.load.rows, 25)
        for index in 0..<3 {
            XCTAssertEqual(api.parameter("filter[stage]", ofRequest: index), "won & lost")
            XCTAssertEqual(api.parameter("auth", ofRequest: index), "tok-0123456789")
            XCTAssertNil(api.requests[index].value(forHTTPHeaderField: "Authorization"))
        }
        // The paging's own parameter wins over one of the same name in the query.
        XCTAssertEqual(api.parameter("page", ofRequest: 0), "1")
        XCTAssertEqual(RESTURL.display(api.requests[0].url!, hiding: "auth"),
                       "https://api.example.test/items?filter[stage]=won & lost&page=1&per_page=10&auth=••••••")
        XCTAssertFalse(report.load.notes.joined().contains("tok-0123456789"))
    }

    func testNoRecordsAtAllIsAnErrorThatKeepsTheOldTable() throws {
        let workspace = try Workspace(path: nil)
        try load(options(.single), from: ScriptedAPI { _, _ in self.json(self.items(1...3)) }, into: workspace)
        let empty = ScriptedAPI { _, _ in .answered(RESTResponse(status: 204, headers: [:], body: [], url: RESTPagingTestCase.base)) }
        let error = failure { _ = try self.load(self.options(.single), from: empty, into: workspace) }
        XCTAssertEqual(error.message, "the API sent no records with keys on its one page, so there are no columns to make t of")
        XCTAssertEqual(try integer(workspace, "SELECT count(*) FROM t"), 3)
    }
}
