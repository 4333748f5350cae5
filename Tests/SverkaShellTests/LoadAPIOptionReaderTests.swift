import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaShell

/// `load api … with (…)`: presets as option sets, and options written beside them overriding
/// their parts.
final class LoadAPIOptionReaderTests: XCTestCase {
    private let environment = ["AMO_TOKEN": "tok-0123456789", "ONEC_PASSWORD": "s3cret-pass", "BITRIX_TOKEN": "bx-0123456789"]

    private func read(_ options: String, url: String = "https://crm.example.test/api/v4/leads") throws -> LoadAPIOptionReader.Read {
        let source = SourceText(name: "test", text: "load api \"\(url)\" as t with (\(options))")
        let script = try Parser(grammar: CommandRegistry.standard).parse(source)
        guard case .command(let invocation) = script.statements.first?.kind,
              case .options(let entries)? = invocation.clause("with")?.value else {
            throw Diagnostic("the test's statement did not parse")
        }
        return try LoadAPIOptionReader.read(entries, url: try XCTUnwrap(URL(string: url)), vault: SecretVault(),
                                            environment: environment)
    }

    func testTheAmoCRMPresetNamesTheEntityFromTheURL() throws {
        let options = try read(#"preset: "amocrm", token_env: "AMO_TOKEN""#, url: "https://x.amocrm.ru/api/v4/contacts").options
        XCTAssertEqual(options.recordsPath, "_embedded.contacts")
        XCTAssertEqual(options.paging, .nextLink(path: "_links.next.href"))
        XCTAssertEqual(options.query, [RESTQueryItem("limit", "250")])
        XCTAssertEqual(options.preset, "amocrm")
        guard case .bearer(let token) = options.credentials else { return XCTFail("\(options.credentials)") }
        XCTAssertEqual(token.source, .environment("AMO_TOKEN"))
    }

    func testOptionsBesideAPresetReplaceItsParts() throws {
        let options = try read(#"preset: "amocrm", token_env: "AMO_TOKEN", path: "_embedded.items", query: (limit: 50, with: "contacts")"#)
            .options
        XCTAssertEqual(options.recordsPath, "_embedded.items")
        XCTAssertEqual(options.query, [RESTQueryItem("limit", "50"), RESTQueryItem("with", "contacts")])
        XCTAssertEqual(options.paging, .nextLink(path: "_links.next.href"))

        let paged = try read(#"preset: "amocrm", page: "page", limit: "limit", size: 100"#).options
        XCTAssertEqual(paged.paging, .pageNumber(parameter: "page", first: 1, sizeParameter: "limit", size: 100))
    }

    func testTheOneCPresetKeepsItsPagingWhenOnlyTheSizeChanges() throws {
        let options = try read(#"preset: "1c", user: "buh", password_env: "ONEC_PASSWORD", size: 20"#,
                               url: "http://1c.local/base/odata/standard.odata/Catalog_Контрагенты").options
        XCTAssertEqual(options.preset, "odata")
        XCTAssertEqual(options.recordsPath, "value")
        XCTAssertEqual(options.paging, .offset(parameter: "$skip", sizeParameter: "$top", size: 20))
        XCTAssertEqual(options.query, [RESTQueryItem("$format", "json")])
        guard case .basic(.written("buh"), let password) = options.credentials else { return XCTFail("\(options.credentials)") }
        XCTAssertEqual(password.source, .environment("ONEC_PASSWORD"))
    }

    func testTheBitrix24PresetSendsTheTokenAsAuthUnlessToldOtherwise() throws {
        let options = try read(#"preset: "bitrix24", token_env: "BITRIX_TOKEN""#, url: "https://x.bitrix24.ru/rest/crm.deal.list").options
        XCTAssertEqual(options.recordsPath, "result")
        XCTAssertEqual(options.paging, .cursor(path: "next", parameter: "start"))
        guard case .queryParameter("auth", _) = options.credentials else { return XCTFail("\(options.credentials)") }

        let renamed = try read(#"preset: "bitrix24", token_env: "BITRIX_TOKEN", auth_param: "access_token""#).options
        guard case .queryParameter("access_token", _) = renamed.credentials else { return XCTFail("\(renamed.credentials)") }
    }

    func testACursorIsSentBackUnderItsOwnNameByDefault() throws {
        XCTAssertEqual(try read(#"cursor: "meta.next_cursor""#).options.paging, .cursor(path: "meta.next_cursor", parameter: "next_cursor"))
        XCTAssertEqual(try read(#"cursor: "meta.next_cursor", cursor_param: "after""#).options.paging,
                       .cursor(path: "meta.next_cursor", parameter: "after"))
    }

    func testNetworkOptionsAndTypes() throws {
        let read = try read(#"timeout: 2.5, retries: 0, max_pages: 7, types: (id: text)"#)
        XCTAssertEqual(read.options.timeout, 2.5)
        XCTAssertEqual(read.options.retries, 0)
        XCTAssertEqual(read.options.maxPages, 7)
        XCTAssertEqual(read.columnTypes, ["id": .text])
        XCTAssertEqual(read.options.paging, .single)
        guard case .none = read.options.credentials else { return XCTFail("\(read.options.credentials)") }
    }

    func testACAFileIsCheckedAndOnLinuxRefusedWithTheWayToTrustIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.pem")
        try Data("not a certificate\n".utf8).write(to: empty)
        XCTAssertThrowsError(try read("ca_file: \"\(empty.path)\"")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the CA file '\(empty.path)' holds no PEM certificate")
        }
        let pem = folder.appendingPathComponent("ca.pem")
        try Data("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n".utf8).write(to: pem)
        #if canImport(Security)
        XCTAssertEqual(try read("ca_file: \"\(pem.path)\"").options.anchors.count, 1)
        #else
        XCTAssertThrowsError(try read("ca_file: \"\(pem.path)\"")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "ca_file cannot be used on Linux: URLSession (libcurl) trusts only the system's certificate store")
        }
        #endif
    }
}
