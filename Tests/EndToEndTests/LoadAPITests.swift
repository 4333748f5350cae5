import Foundation
import XCTest

/// `load api` end to end: the built binary against a local JSON API (Tests/fixtures/
/// rest_api_server.py on 127.0.0.1), with the token in the environment as a user would set it.
/// Figures are checked against the fixture's own formulas, written again here.
final class LoadAPITests: XCTestCase {
    private static let token = "GOOD-TOKEN-4f9c2a7e"
    private var folder = URL(fileURLWithPath: NSTemporaryDirectory())
    private var server: TestAPIServer!

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        server = try TestAPIServer(folder: folder, token: Self.token)
    }

    override func tearDownWithError() throws {
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs statements on a workspace file in the test's folder, results as CSV.
    private func sverka(_ statements: String, environment: [String: String] = [:]) throws -> SverkaProcess.Result {
        try SverkaProcess.run([folder.appendingPathComponent("ws.sverka").path, "--format", "csv", "-c", statements],
                              in: folder, environment: environment)
    }

    /// amoCRM's leads: 230, in pages of 50 (see lead() in the fixture).
    private static let leadCount = 230
    private static let leadTotal = (1...leadCount).reduce(0) { $0 + ($1 * 7919) % 1_000_000 }

    private func loadLeads(_ prefix: String, token: String = LoadAPITests.token) throws -> SverkaProcess.Result {
        try sverka("""
            load api "\(server.base)/\(prefix)/api/v4/leads" as leads with (preset: "amocrm", token_env: "AMO_TOKEN", query: (limit: 50))
            from leads | group (n = count(), ids = count_distinct(id), total = sum(price), first = min(id), last = max(id))
            """, environment: ["AMO_TOKEN": token])
    }

    func testTheAmoCRMPresetLoadsEveryLeadOnceFromFivePages() throws {
        let result = try loadLeads("amo")
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "n,ids,total,first,last\n230,230,\(Self.leadTotal),5001,5230\n")
        XCTAssertTrue(result.stderr.hasPrefix("loaded 230 rows into leads (id integer, name text, price integer, "), result.stderr)
        XCTAssertTrue(result.stderr.contains(" from 5 pages of \(server.base)/amo/api/v4/leads in "), result.stderr)

        let requests = try server.requests()
        XCTAssertEqual(requests.map(\.path), ["/amo/api/v4/leads?limit=50"] + (2...5).map { "/amo/api/v4/leads?page=\($0)&limit=50" })
        for request in requests {
            XCTAssertEqual(request.authorization, "Bearer \(Self.token)")
            XCTAssertEqual(request.accept, "application/json")
            XCTAssertEqual(request.user_agent, "sverka")
        }
        XCTAssertFalse(result.stdout.contains(Self.token) || result.stderr.contains(Self.token))
    }

    func testA429WithRetryAfterOnPageThreeWaitsAndContinues() throws {
        let started = Date()
        let result = try loadLeads("amo-rate")
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "n,ids,total,first,last\n230,230,\(Self.leadTotal),5001,5230\n")
        XCTAssertTrue(result.stderr.contains("  page 3: HTTP 429, asked again after 1.0 s (Retry-After)\n"), result.stderr)
        XCTAssertGreaterThanOrEqual(seconds, 1, "the server asked for a one-second pause")
        let pages = try server.requests().map(\.path)
        XCTAssertEqual(pages.filter { $0.contains("page=3&") }.count, 2)
        XCTAssertEqual(pages.count, 6)
    }

    func testAWrongTokenGivesAClear401WithoutTheToken() throws {
        let wrong = "WRONG-TOKEN-77d1e0b3"
        let result = try loadLeads("amo", token: wrong)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: the API refused the credentials (HTTP 401 Unauthorized) for page 1 "
                                             + "(\(server.base)/amo/api/v4/leads?limit=50)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: check the token in the environment variable AMO_TOKEN; a wrong or expired one is the usual cause (it is never shown)"),
                      result.stderr)
        // The fixture echoes the token it refused, as careless servers do.
        XCTAssertTrue(result.stderr.contains("hint: the server said: Unauthorized: Invalid token: ••••••"), result.stderr)
        XCTAssertFalse(result.stdout.contains(wrong) || result.stderr.contains(wrong))
        XCTAssertFalse(result.stderr.contains(Self.token))
        XCTAssertEqual(try server.requests().count, 1, "a refused token is not sent again")
    }

    func testTheBitrix24PresetSendsTheTokenAsAuthAndFollowsNext() throws {
        let result = try sverka("""
            load api "\(server.base)/rest/crm.deal.list.json" as deals with (preset: "bitrix24", token_env: "BITRIX_TOKEN")
            from deals | group (n = count(), total = sum(OPPORTUNITY))
            """, environment: ["BITRIX_TOKEN": Self.token])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        // deal(i).OPPORTUNITY is "i*1000+7 . i%100", summed in kopecks.
        let kopecks = (1...120).reduce(0) { $0 + ($1 * 1000 + 7) * 100 + $1 % 100 }
        XCTAssertEqual(result.stdout, "n,total\n120,\(kopecks / 100).\(String(format: "%02d", kopecks % 100))\n")
        let requests = try server.requests()
        XCTAssertEqual(requests.map(\.path), ["/rest/crm.deal.list.json?auth=\(Self.token)",
                                              "/rest/crm.deal.list.json?start=50&auth=\(Self.token)",
                                              "/rest/crm.deal.list.json?start=100&auth=\(Self.token)"])
        XCTAssertNil(requests[0].authorization)
        XCTAssertFalse(result.stderr.contains(Self.token))
    }

    func testABitrix24WebhookCodeGoesInPlaceOfTokenInTheURL() throws {
        let result = try sverka("""
            load api "\(server.base)/rest/1/{token}/crm.deal.list.json" as deals with (preset: "bitrix24", token_env: "BITRIX_TOKEN")
            from deals | group (n = count())
            """, environment: ["BITRIX_TOKEN": Self.token])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "n\n120\n")
        XCTAssertEqual(try server.requests().map(\.path), ["/rest/1/\(Self.token)/crm.deal.list.json",
                                                          "/rest/1/\(Self.token)/crm.deal.list.json?start=50",
                                                          "/rest/1/\(Self.token)/crm.deal.list.json?start=100"])
        XCTAssertTrue(result.stderr.contains(" from 3 pages of \(server.base)/rest/1/{token}/crm.deal.list.json in "), result.stderr)
        XCTAssertFalse(result.stderr.contains(Self.token))
    }

    func testTheOneCPresetReadsODataWithBasicAuthentication() throws {
        let result = try sverka("""
            load api "\(server.base)/odata/standard.odata/Catalog_Контрагенты" as counterparties with (preset: "1c", user: "buh", password_env: "ONEC_PASSWORD", size: 20)
            from counterparties | where Code == "000000007" | select Code, Description
            from counterparties | group (n = count(), marked = sum(if(DeletionMark, 1, 0)))
            """, environment: ["ONEC_PASSWORD": "s3cret-pass"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Code,Description\n000000007,ООО Контрагент 7\nn,marked\n95,9\n")
        let requests = try server.requests()
        XCTAssertEqual(requests.count, 5)
        XCTAssertEqual(requests.last?.path, "/odata/standard.odata/Catalog_%D0%9A%D0%BE%D0%BD%D1%82%D1%80%D0%B0%D0%B3%D0%B5%D0%BD%D1%82%D1%8B?$format=json&$skip=80&$top=20")
        XCTAssertEqual(requests.first?.authorization, "Basic " + Data("buh:s3cret-pass".utf8).base64EncodedString())
        XCTAssertFalse(result.stderr.contains("s3cret-pass"))
    }

    func testA500IsAskedAgainAndTheLoadSucceeds() throws {
        let result = try sverka("load api \"\(server.base)/flaky/items\" as items\nfrom items | group (n = count())")
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "n\n25\n")
        XCTAssertTrue(result.stderr.contains("  page 1: HTTP 500, asked again after "), result.stderr)
        XCTAssertEqual(try server.requests().count, 2)
    }

    func testInvalidJSONOnPageTwoNamesThePageAndByteAndKeepsTheOldTable() throws {
        XCTAssertEqual(try sverka("load api \"\(server.base)/paged/items\" as items with (page: \"page\", limit: \"per_page\", size: 10)").exitCode, 0)
        let result = try sverka("""
            load api "\(server.base)/invalid/items" as items with (page: "page")
            """)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: invalid JSON: expected a key in double quotes, found '}'\n"
                                             + " --> page 2 (\(server.base)/invalid/items?page=2):1:30\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: at byte offset 29 of the 31 bytes received"), result.stderr)
        let kept = try sverka("from items | group (n = count(), total = sum(id))")
        XCTAssertEqual(kept.stdout, "n,total\n25,325\n", "the first load's table is still there")
    }

    func testABodyCutShortIsRetriedThenReported() throws {
        let result = try sverka("load api \"\(server.base)/cut-http/items\" as items with (retries: 1)")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: the answer for page 1 (\(server.base)/cut-http/items) was cut short: "), result.stderr)
        XCTAssertTrue(result.stderr.contains(", 2 attempts\n"), result.stderr)
        XCTAssertEqual(try server.requests().count, 2)

        let json = try sverka("load api \"\(server.base)/cut-json/items\" as items")
        XCTAssertTrue(json.stderr.contains("hint: the answer ends after 150 bytes: it was cut short"), json.stderr)
    }

    func testARedirectLoopIsReportedWithItsCircle() throws {
        let result = try sverka("load api \"\(server.base)/loop/a\" as items")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: redirects go round in a circle for page 1 (\(server.base)/loop/a): "
                                             + "\(server.base)/loop/a → \(server.base)/loop/b → \(server.base)/loop/a\n"), result.stderr)
        XCTAssertEqual(try server.requests().count, 2)
    }

    func testASlowServerTimesOut() throws {
        let started = Date()
        let result = try sverka("load api \"\(server.base)/slow/items\" as items with (timeout: 1, retries: 0)")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: no answer from the API within 1 s for page 1 (\(server.base)/slow/items)\n"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.9, "given up before the server's three seconds")
    }

    func testAnHTMLPageIsNotTakenForJSON() throws {
        let result = try sverka("load api \"\(server.base)/html\" as items")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: page 1 (\(server.base)/html) is not JSON (Content-Type: text/html); it starts: <!DOCTYPE html>"),
                      result.stderr)
    }

    func testASelfSignedCertificateIsRefused() throws {
        let certificate = folder.appendingPathComponent("cert.pem"), key = folder.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", certificate.path]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw XCTSkip("openssl could not make a test certificate") }
        let secure = try TestAPIServer(folder: folder, token: Self.token, tls: (certificate, key))
        defer { secure.stop() }

        let result = try sverka("load api \"\(secure.secureBase)/paged/items\" as items with (page: \"page\")")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("error: the TLS connection for page 1 (\(secure.secureBase)/paged/items?page=1) failed: "),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: sverka always verifies certificates;"), result.stderr)
        XCTAssertEqual(try secure.requests().count, 0, "nothing was sent over the untrusted connection")

        #if !canImport(Security)
        let withCA = try sverka("load api \"\(secure.secureBase)/paged/items\" as items with (ca_file: \"\(certificate.path)\")")
        XCTAssertTrue(withCA.stderr.contains("error: ca_file cannot be used on Linux"), withCA.stderr)
        XCTAssertTrue(withCA.stderr.contains("update-ca-certificates"), withCA.stderr)
        #endif
    }
}
