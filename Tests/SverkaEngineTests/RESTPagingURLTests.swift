import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// The URLs paging builds: query parameters added and replaced, links resolved, and URLs shown
/// in messages readable and without a token.
final class RESTPagingURLTests: XCTestCase {
    func testAURLWithCyrillicIsEncodedAndKeptReadableInMessages() throws {
        let url = try RESTURL.parse("HTTP://1c.local/base/odata/standard.odata/Catalog_Контрагенты?$format=json#top", at: nil)
        XCTAssertEqual(url.absoluteString,
                       "http://1c.local/base/odata/standard.odata/Catalog_%D0%9A%D0%BE%D0%BD%D1%82%D1%80%D0%B0%D0%B3%D0%B5%D0%BD%D1%82%D1%8B?$format=json")
        XCTAssertEqual(RESTURL.display(url), "http://1c.local/base/odata/standard.odata/Catalog_Контрагенты?$format=json")
    }

    func testQueryParametersAreEncodedAndReplaceOnesOfTheSameName() throws {
        let url = try XCTUnwrap(URL(string: "https://api.example.test/items?limit=10&filter=a"))
        let added = RESTURL.adding([RESTQueryItem("limit", "50"), RESTQueryItem("q", "a&b=c+d #1"), RESTQueryItem("$top", "5")], to: url)
        XCTAssertEqual(added.absoluteString, "https://api.example.test/items?filter=a&limit=50&q=a%26b%3Dc%2Bd%20%231&$top=5")
        let items = URLComponents(url: added, resolvingAgainstBaseURL: true)?.queryItems ?? []
        XCTAssertEqual(items.first { $0.name == "q" }?.value, "a&b=c+d #1")
    }

    func testATokenParameterIsHiddenWhenShown() throws {
        let url = try XCTUnwrap(URL(string: "https://x.bitrix24.test/rest/crm.deal.list?start=50&auth=abc%2Fdef"))
        XCTAssertEqual(RESTURL.display(url, hiding: "auth"), "https://x.bitrix24.test/rest/crm.deal.list?start=50&auth=••••••")
    }

    func testATokenInThePathIsEncodedAsOneSegment() throws {
        let url = try RESTURL.parse("https://x.bitrix24.test/rest/1/{token}/crm.deal.list", at: nil)
        XCTAssertTrue(RESTURL.hasTokenPlaceholder(url))
        XCTAssertEqual(RESTURL.display(url), "https://x.bitrix24.test/rest/1/{token}/crm.deal.list")
        XCTAssertEqual(RESTURL.fillingToken("ab/c+d", in: url).absoluteString, "https://x.bitrix24.test/rest/1/ab%2Fc+d/crm.deal.list")
    }

    func testLinksResolveAgainstThePageAndOriginsCompareSchemeHostAndPort() throws {
        let page = try XCTUnwrap(URL(string: "https://crm.example.test/api/v4/leads?page=1"))
        XCTAssertEqual(RESTURL.resolve("/api/v4/leads?page=2", against: page)?.absoluteString, "https://crm.example.test/api/v4/leads?page=2")
        XCTAssertEqual(RESTURL.resolve("leads?page=3", against: page)?.absoluteString, "https://crm.example.test/api/v4/leads?page=3")
        XCTAssertNil(RESTURL.resolve("  ", against: page))
        XCTAssertEqual(RESTURL.origin(of: page), RESTURL.origin(of: try XCTUnwrap(URL(string: "https://CRM.example.test:443/x"))))
        XCTAssertNotEqual(RESTURL.origin(of: page), RESTURL.origin(of: try XCTUnwrap(URL(string: "http://crm.example.test/x"))))
        XCTAssertNotEqual(RESTURL.origin(of: page), RESTURL.origin(of: try XCTUnwrap(URL(string: "https://crm.example.test:8443/x"))))
    }

    func testPEMCertificatesAreReadAsDER() {
        let pem = "junk\n-----BEGIN CERTIFICATE-----\nAAEC\nAwQ=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nBQY=\n-----END CERTIFICATE-----\n"
        XCTAssertEqual(RESTCertificateFile.certificates(inPEM: pem), [Data([0, 1, 2, 3, 4]), Data([5, 6])])
        XCTAssertEqual(RESTCertificateFile.certificates(inPEM: "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"), [])
    }
}
