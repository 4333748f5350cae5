import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// Next-link paging, amoCRM's way: `_embedded.leads` on each page, `_links.next.href` to the next.
final class RESTPagingNextLinkTests: RESTPagingTestCase {
    static let leads = 230
    static let pageSize = 50

    /// Lead `i` (1-based) as amoCRM writes it; the expected figures below use the same formula.
    private func lead(_ i: Int) -> String {
        #"{"id": \#(5000 + i), "name": "Сделка \#(i)", "price": \#((i * 7919) % 1_000_000), "_links": {"self": {"href": "/api/v4/leads/\#(5000 + i)"}}, "_embedded": {"tags": []}}"#
    }

    /// Page `page` of the leads, with a next link while there are more; `link` rewrites that link.
    private func leadsPage(_ page: Int, link: ((Int) -> String)? = nil) -> String {
        let first = (page - 1) * Self.pageSize + 1
        let last = min(page * Self.pageSize, Self.leads)
        let records = (first...last).map(lead).joined(separator: ", ")
        let next = last < Self.leads ? #", "next": {"href": "\#(link?(page + 1) ?? "\(Self.base.absoluteString)?page=\(page + 1)&limit=50")"}"# : ""
        return #"{"_page": \#(page), "_links": {"self": {"href": "x"}\#(next)}, "_embedded": {"leads": [\#(records)]}}"#
    }

    private func amoOptions(token: String = "tok-0123456789") -> RESTOptions {
        var options = RESTOptions(url: Self.base)
        options.recordsPath = "_embedded.leads"
        options.paging = .nextLink(path: "_links.next.href")
        options.query = [RESTQueryItem("limit", "50")]
        options.credentials = .bearer(secret(token))
        return options
    }

    func testFivePagesOfLeadsLoadEveryLeadOnce() throws {
        let api = ScriptedAPI { url, _ in self.json(self.leadsPage(Int(url.parameter("page") ?? "1") ?? 1)) }
        let workspace = try Workspace(path: nil)
        let report = try load(amoOptions(), from: api, into: workspace, table: "leads")

        XCTAssertEqual(report.pages, 5)
        XCTAssertEqual(report.requests, 5)
        XCTAssertEqual(report.load.rows, Self.leads)
        XCTAssertEqual(try integer(workspace, "SELECT count(DISTINCT id) FROM leads"), Int64(Self.leads))
        let expectedTotal = (1...Self.leads).reduce(0) { $0 + ($1 * 7919) % 1_000_000 }
        XCTAssertEqual(try integer(workspace, "SELECT sum(price) FROM leads"), Int64(expectedTotal))
        XCTAssertEqual(try integer(workspace, "SELECT min(id) FROM leads"), 5001)
        XCTAssertEqual(try integer(workspace, "SELECT max(id) FROM leads"), Int64(5000 + Self.leads))

        // Page 1 is the URL with the query; the others are the links as the API wrote them.
        XCTAssertEqual(api.requests.map { $0.url?.absoluteString ?? "" },
                       ["https://crm.example.test/api/v4/leads?limit=50"]
                        + (2...5).map { "https://crm.example.test/api/v4/leads?page=\($0)&limit=50" })
        for request in api.requests {
            XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer tok-0123456789")
            XCTAssertEqual(request.value(forHTTPHeaderField: "Accept"), "application/json")
            XCTAssertEqual(request.value(forHTTPHeaderField: "User-Agent"), "sverka")
        }
        XCTAssertTrue(report.load.notes.contains("format: JSON from an API, 5 pages, the array at '_embedded.leads' (230 records)"),
                      "\(report.load.notes)")
        XCTAssertFalse(report.load.notes.joined().contains("tok-0123456789"))
    }

    func testRelativeNextLinksAreReadAgainstThePage() throws {
        let api = ScriptedAPI { url, _ in
            self.json(self.leadsPage(Int(url.parameter("page") ?? "1") ?? 1) { "/api/v4/leads?page=\($0)&limit=50" })
        }
        let report = try load(amoOptions(), from: api, into: try Workspace(path: nil))
        XCTAssertEqual(report.load.rows, Self.leads)
        XCTAssertEqual(api.requests.last?.url?.absoluteString, "https://crm.example.test/api/v4/leads?page=5&limit=50")
    }

    func testALinkBackToAnEarlierPageStopsWithAnError() throws {
        // Page 3 links back to page 2.
        let api = ScriptedAPI { url, _ in
            self.json(self.leadsPage(Int(url.parameter("page") ?? "1") ?? 1) { $0 == 4 ? "/api/v4/leads?page=2&limit=50" : "/api/v4/leads?page=\($0)&limit=50" })
        }
        let error = failure { _ = try self.load(self.amoOptions(), from: api, into: try Workspace(path: nil)) }
        XCTAssertEqual(error.message, "the next link of page 3 leads back to page 2 (https://crm.example.test/api/v4/leads?page=2&limit=50); paging stopped")
        XCTAssertEqual(api.requests.count, 3)
    }

    func testALinkToAnotherServerIsRefused() throws {
        let api = ScriptedAPI { url, _ in
            self.json(self.leadsPage(Int(url.parameter("page") ?? "1") ?? 1) { "https://evil.example.test/api/v4/leads?page=\($0)" })
        }
        let error = failure { _ = try self.load(self.amoOptions(), from: api, into: try Workspace(path: nil)) }
        XCTAssertEqual(error.message, "the next link of page 1 leads to another server: https://evil.example.test/api/v4/leads?page=2")
        XCTAssertEqual(api.requests.count, 1, "the token must not be sent there")
    }

    func testAFailureOnPageFourLeavesTheOldTableAsItWas() throws {
        let workspace = try Workspace(path: nil)
        let good = ScriptedAPI { url, _ in self.json(self.leadsPage(Int(url.parameter("page") ?? "1") ?? 1)) }
        try load(amoOptions(), from: good, into: workspace, table: "leads")
        let broken = ScriptedAPI { url, _ in
            let page = Int(url.parameter("page") ?? "1") ?? 1
            // Page 4 is cut short after 200 characters.
            return page == 4 ? self.json(String(self.leadsPage(page).prefix(200))) : self.json(#"{"_links": {"next": {"href": "/api/v4/leads?page=\#(page + 1)"}}, "_embedded": {"leads": [{"id": \#(page), "price": 1}]}}"#)
        }
        let error = failure { _ = try self.load(self.amoOptions(), from: broken, into: workspace, table: "leads") }
        XCTAssertTrue(error.message.hasPrefix("invalid JSON"), error.message)
        XCTAssertEqual(error.location?.hasPrefix("page 4 (https://crm.example.test/api/v4/leads?page=4):1:"), true, "\(error.location ?? "")")
        let bytes = String(leadsPage(4).prefix(200)).utf8.count
        XCTAssertTrue(error.hints.contains("the answer ends after \(bytes) bytes: it was cut short"), "\(error.hints)")
        XCTAssertEqual(try integer(workspace, "SELECT count(*) FROM leads"), Int64(Self.leads))
        XCTAssertEqual(try integer(workspace, "SELECT count(*) FROM leads WHERE id < 5000"), 0)
    }

    func testAValueThatDoesNotFitIsLocatedInItsPage() throws {
        let api = ScriptedAPI { url, _ in
            let page = Int(url.parameter("page") ?? "1") ?? 1
            let price = page == 3 ? "\"n/a\"" : "\(page * 100)"
            let next = page < 3 ? #", "_links": {"next": {"href": "/api/v4/leads?page=\#(page + 1)"}}"# : ""
            return self.json(#"{"_embedded": {"leads": [{"id": \#(page), "price": \#(price)}]}\#(next)}"#)
        }
        let error = failure {
            _ = try self.load(self.amoOptions(), from: api, into: try Workspace(path: nil), types: ["price": .integer])
        }
        XCTAssertEqual(error.location, "page 3 (https://crm.example.test/api/v4/leads?page=3):1:45", error.message)
    }
}
