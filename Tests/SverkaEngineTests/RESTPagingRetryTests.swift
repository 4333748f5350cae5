import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// Retries, back-off and rate limits, and the errors that must not be retried.
final class RESTPagingRetryTests: RESTPagingTestCase {
    private func threePages(_ special: @escaping (Int, Int) -> RESTExchange?) -> ScriptedAPI {
        ScriptedAPI { url, number in
            let page = Int(url.parameter("page") ?? "1") ?? 1
            if let answer = special(page, number) { return answer }
            return self.json(self.items(((page - 1) * 10 + 1)...(page * 10)))
        }
    }

    private var pagedOptions: RESTOptions {
        var options = RESTOptions(url: URL(string: "https://api.example.test/items")!)
        options.paging = .pageNumber(parameter: "page", first: 1, sizeParameter: nil, size: nil)
        options.maxPages = 3
        options.credentials = .bearer(secret("tok-0123456789"))
        return options
    }

    func testA500IsAskedAgainAfterABackOff() throws {
        let api = threePages { page, number in number == 2 ? self.json("oops", status: 500) : nil }
        var waits: [Double] = []
        let report = try load(pagedOptions, from: api, into: try Workspace(path: nil), waits: &waits, random: 0)
        XCTAssertEqual(report.load.rows, 30)
        XCTAssertEqual(report.requests, 4)
        XCTAssertEqual(waits, [0.25])
        XCTAssertEqual(api.parameter("page", ofRequest: 1), "2")
        XCTAssertEqual(api.parameter("page", ofRequest: 2), "2")
        XCTAssertTrue(report.load.highlights.contains("page 2: HTTP 500, asked again after 0.2 s"), "\(report.load.highlights)")
    }

    func testA429WaitsWhatRetryAfterSaysAndContinues() throws {
        var asked = false
        let api = threePages { page, _ in
            guard page == 3, !asked else { return nil }
            asked = true
            return self.json(#"{"title": "Too Many Requests"}"#, status: 429, headers: ["Retry-After": "1"])
        }
        var waits: [Double] = []
        let workspace = try Workspace(path: nil)
        let report = try load(pagedOptions, from: api, into: workspace, waits: &waits)
        XCTAssertEqual(waits, [1.0])
        XCTAssertEqual(report.load.rows, 30)
        XCTAssertEqual(try integer(workspace, "SELECT count(DISTINCT id) FROM t"), 30)
        XCTAssertTrue(report.load.highlights.contains("page 3: HTTP 429, asked again after 1.0 s (Retry-After)"))
    }

    func testTheBackOffDoublesWithJitterUpToItsCap() {
        let policy = RESTRetryPolicy(retries: 10)
        XCTAssertEqual(policy.backOff(attempt: 1, random: 0), 0.25)
        XCTAssertEqual(policy.backOff(attempt: 1, random: 1), 0.5)
        XCTAssertEqual(policy.backOff(attempt: 2, random: 1), 1)
        XCTAssertEqual(policy.backOff(attempt: 3, random: 0.5), 1.5)
        XCTAssertEqual(policy.backOff(attempt: 4, random: 1), 4)
        XCTAssertEqual(policy.backOff(attempt: 20, random: 1), 30)
        XCTAssertEqual(policy.backOff(attempt: 20, random: 0), 15)
    }

    func testRetryAfterReadsSecondsAndAllThreeDateForms() throws {
        let now = try XCTUnwrap(ISO8601DateFormatter().date(from: "2015-10-21T07:27:30Z"))
        XCTAssertEqual(RESTRetryAfter.seconds("120", now: now), 120)
        XCTAssertEqual(RESTRetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: now), 30)
        XCTAssertEqual(RESTRetryAfter.seconds("Wednesday, 21-Oct-15 07:28:00 GMT", now: now), 30)
        XCTAssertEqual(RESTRetryAfter.seconds("Wed Oct 21 07:28:00 2015", now: now), 30)
        XCTAssertEqual(RESTRetryAfter.seconds("Wed, 21 Oct 2015 07:00:00 GMT", now: now), 0, "a date past is no wait")
        XCTAssertNil(RESTRetryAfter.seconds("soon", now: now))
        XCTAssertNil(RESTRetryAfter.seconds("-5", now: now))
        XCTAssertNil(RESTRetryAfter.seconds(nil, now: now))
    }

    func testRetriesRunOutWithAnErrorNamingThePageAndTheAttempts() throws {
        let api = threePages { page, _ in page == 2 ? self.json(#"{"message": "maintenance"}"#, status: 503) : nil }
        var waits: [Double] = []
        let error = failure { _ = try self.load(self.pagedOptions, from: api, into: try Workspace(path: nil), waits: &waits, random: 1) }
        XCTAssertEqual(error.message, "the API failed: HTTP 503 Service Unavailable for page 2 (https://api.example.test/items?page=2), 4 attempts")
        XCTAssertTrue(error.hints.contains("the server said: maintenance"), "\(error.hints)")
        XCTAssertEqual(waits, [0.5, 1, 2])
    }

    func testA401NamesWhereTheTokenIsKeptAndNeverShowsIt() throws {
        let api = ScriptedAPI { _, _ in
            self.json(#"{"title": "Unauthorized", "detail": "Invalid token: tok-0123456789"}"#, status: 401)
        }
        let error = failure { _ = try self.load(self.pagedOptions, from: api, into: try Workspace(path: nil)) }
        XCTAssertEqual(error.message, "the API refused the credentials (HTTP 401 Unauthorized) for page 1 (https://api.example.test/items?page=1)")
        XCTAssertTrue(error.hints.contains("check the token in the environment variable AMO_TOKEN; a wrong or expired one is the usual cause (it is never shown)"),
                      "\(error.hints)")
        XCTAssertTrue(error.hints.contains("the server said: Unauthorized: Invalid token: ••••••"), "\(error.hints)")
        XCTAssertFalse(allText(error).contains("tok-0123456789"))
        XCTAssertEqual(api.requests.count, 1, "a 401 is not asked again")
    }

    func testConnectionErrorsAreAskedAgainButAnUntrustedCertificateIsNot() throws {
        let flaky = threePages { _, number in number == 1 ? .failed(.connection("the connection was refused")) : nil }
        var waits: [Double] = []
        XCTAssertEqual(try load(pagedOptions, from: flaky, into: try Workspace(path: nil), waits: &waits).load.rows, 30)
        XCTAssertEqual(waits.count, 1)

        let untrusted = ScriptedAPI { _, _ in .failed(.tls("the server's certificate is not trusted")) }
        let error = failure { _ = try self.load(self.pagedOptions, from: untrusted, into: try Workspace(path: nil)) }
        XCTAssertEqual(untrusted.requests.count, 1)
        XCTAssertTrue(error.message.hasPrefix("the TLS connection for page 1"), error.message)
    }

    func testAPauseLongerThanSverkaWaitsIsAnErrorAtOnce() throws {
        let api = ScriptedAPI { _, _ in self.json("{}", status: 429, headers: ["Retry-After": "3600"]) }
        var waits: [Double] = []
        let error = failure { _ = try self.load(self.pagedOptions, from: api, into: try Workspace(path: nil), waits: &waits) }
        XCTAssertEqual(error.message, "the API asks to wait 3600 s before page 1 (https://api.example.test/items?page=1) (HTTP 429, Retry-After), longer than the 300 s sverka waits")
        XCTAssertEqual(waits, [])
    }

    func testARedirectLoopShowsTheCircle() throws {
        let a = URL(string: "https://api.example.test/a")!, b = URL(string: "https://api.example.test/b")!
        let api = ScriptedAPI { _, _ in .failed(.redirectLoop([a, b, a])) }
        let error = failure { _ = try self.load(self.pagedOptions, from: api, into: try Workspace(path: nil)) }
        XCTAssertEqual(error.message, "redirects go round in a circle for page 1 (https://api.example.test/items?page=1): https://api.example.test/a → https://api.example.test/b → https://api.example.test/a")
    }
}
