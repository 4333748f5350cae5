import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class SecretOptionReaderTests: XCTestCase {
    private let environment = ["AMO_TOKEN": "tok-0123456789"]

    private func entries(_ text: String) throws -> [OptionEntry] {
        let source = SourceText(name: "test", text: "x with (\(text))")
        let script = try Parser(grammar: ExportOptionsGrammar()).parse(source)
        guard case .command(let invocation) = script.statements.first?.kind,
              case .options(let entries)? = invocation.clause("with")?.value else {
            throw Diagnostic("the test's options did not parse")
        }
        return entries
    }

    private func read(_ text: String, vault: SecretVault = SecretVault()) throws -> Secret? {
        try SecretOptionReader.read("token", from: try entries(text), vault: vault, environment: environment)
    }

    func testTheThreeWaysOfGivingASecret() throws {
        XCTAssertEqual(try read(#"token_env: "AMO_TOKEN", page: 2"#)?.revealedForSending(), "tok-0123456789")
        var vault = SecretVault()
        vault.store(try XCTUnwrap(try read(#"token_env: "AMO_TOKEN""#)), as: "amo")
        XCTAssertEqual(try read("token: $amo", vault: vault)?.revealedForSending(), "tok-0123456789")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("from-file-secret\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        XCTAssertEqual(try read(#"token_file: "\#(file.path)""#)?.revealedForSending(), "from-file-secret")
        XCTAssertNil(try read("page: 2"))
        XCTAssertEqual(SecretOptionReader.keys(for: "token"), ["token", "token_env", "token_file"])
    }

    func testASecretWrittenIntoTheStatementIsRefusedWithoutBeingQuoted() throws {
        XCTAssertThrowsError(try read(#"token: "abc-literal-123""#)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "a token written into the statement would be kept in the history, the audit trail and the run log")
            XCTAssertFalse(([diagnostic?.message ?? ""] + (diagnostic?.hints ?? [])).joined().contains("abc-literal-123"))
            XCTAssertNotNil(diagnostic?.span)
        }
    }

    func testMistakesAreErrors() throws {
        XCTAssertThrowsError(try read("token: $nobody")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no secret is called $nobody")
        }
        XCTAssertThrowsError(try read(#"token_env: "AMO_TOKEN", token_file: "x""#)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the token is given 2 ways")
        }
        XCTAssertThrowsError(try read(#"token_env: "MISSING""#)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the environment variable MISSING is not set")
        }
        XCTAssertThrowsError(try read("token_env: 5")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'token_env' takes a quoted variable name")
        }
    }
}
