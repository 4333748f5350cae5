import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class SecretSourceTests: XCTestCase {
    private var directory = URL(fileURLWithPath: NSTemporaryDirectory())
    private let value = "amo-7f3c9e1d2b4a"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func file(_ name: String, _ text: String, mode: Int) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private func error(_ read: () throws -> Secret) -> Diagnostic? {
        do {
            _ = try read()
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func testAnEnvironmentVariableIsReadAndNeverPrinted() throws {
        let secret = try SecretSource.environment("AMO_TOKEN").read(environment: ["AMO_TOKEN": value])
        XCTAssertEqual(secret.revealedForSending(), value)
        XCTAssertEqual("\(secret)", "••••••")
        XCTAssertEqual(String(describing: secret), "••••••")
        XCTAssertEqual(String(reflecting: secret), "••••••")
        var dumped = ""
        dump(secret, to: &dumped)
        XCTAssertFalse(dumped.contains(value))
        XCTAssertEqual(secret.source, .environment("AMO_TOKEN"))
    }

    func testAMissingOrEmptyVariableIsAnErrorWithAHint() {
        let missing = error { try SecretSource.environment("AMO_TOKEN").read(environment: [:]) }
        XCTAssertEqual(missing?.message, "the environment variable AMO_TOKEN is not set")
        XCTAssertEqual(missing?.hints.first?.hasPrefix("set it where sverka runs (export AMO_TOKEN=…"), true)
        XCTAssertEqual(error { try SecretSource.environment("AMO_TOKEN").read(environment: ["AMO_TOKEN": ""]) }?.message,
                       "the environment variable AMO_TOKEN is empty")
        XCTAssertEqual(error { try SecretSource.environment("AMO-TOKEN").read(environment: ["AMO-TOKEN": "x"]) }?.message,
                       "'AMO-TOKEN' is not an environment variable's name")
    }

    func testAPrivateFileIsReadWithoutItsFinalLineBreak() throws {
        let path = try file("token", value + "\n", mode: 0o600)
        let secret = try SecretSource.file(path).read()
        XCTAssertEqual(secret.revealedForSending(), value)
        XCTAssertEqual(secret.source.description, "the file \(path)")
    }

    func testAFileOthersCanReadIsRefusedWithAChmodHint() throws {
        let path = try file("token", value, mode: 0o644)
        let refused = try XCTUnwrap(error { try SecretSource.file(path).read() })
        XCTAssertEqual(refused.message, "the secret file \(path) can be read by others (mode 0644)")
        XCTAssertEqual(refused.hints, ["chmod 600 \(path) — a secret file must be readable by its owner only"])
        XCTAssertFalse(refused.message.contains(value))
        XCTAssertEqual(error { try SecretSource.file(try file("group", value, mode: 0o640)).read() }?.message.hasSuffix("read by others (mode 0640)"), true)
        XCTAssertEqual(error { try SecretSource.file(try file("writable", value, mode: 0o620)).read() }?.message.hasSuffix("changed by others (mode 0620)"), true)
    }

    func testMissingEmptyAndOddFilesAreErrors() throws {
        let missing = directory.appendingPathComponent("none").path
        XCTAssertEqual(error { try SecretSource.file(missing).read() }?.message, "the secret file \(missing) does not exist")
        XCTAssertEqual(error { try SecretSource.file(try file("empty", "\n", mode: 0o600)).read() }?.message.hasSuffix("is empty"), true)
        XCTAssertEqual(error { try SecretSource.file(directory.path).read() }?.message.hasSuffix("is not a regular file"), true)
    }

    func testTheVaultBlanksItsSecretsInText() throws {
        var vault = SecretVault()
        vault.store(try SecretSource.environment("AMO_TOKEN").read(environment: ["AMO_TOKEN": value]), as: "amo")
        vault.store(try SecretSource.environment("PIN").read(environment: ["PIN": "1234"]), as: "pin")
        XCTAssertEqual(vault.names, ["amo", "pin"])
        XCTAssertEqual(vault.redacted(in: "sent \(value) twice: \(value)"), "sent •••••• twice: ••••••")
        // Too short to look for: it would blank every 1234 in a report.
        XCTAssertEqual(vault.redacted(in: "total 1234"), "total 1234")
    }
}
