import Foundation
import SverkaSyntax
import XCTest
@testable import SverkaPostgres

final class PostgresPasswordTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "sverka-pgpass-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func writePasswordFile(_ text: String, name: String = ".pgpass", mode: Int = 0o600) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private let address = PostgresAddress(user: "anna", host: "db.example.com", port: 5432, database: "ledger")

    private func find(_ address: PostgresAddress, _ environment: [String: String] = [:]) throws(Diagnostic) -> String? {
        try PostgresPassword.find(for: address, environment: environment, homeDirectory: directory)
    }

    func testPGPASSWORDComesFirst() throws {
        _ = try writePasswordFile("*:*:*:*:fromfile\n")
        XCTAssertEqual(try find(address, ["PGPASSWORD": "fromenv"]), "fromenv")
        XCTAssertEqual(try find(address, ["PGPASSWORD": ""]), "fromfile")
    }

    func testNoFileNoPassword() throws {
        XCTAssertNil(try find(address))
    }

    func testFirstMatchingLineWinsWithWildcards() throws {
        _ = try writePasswordFile("""
            # comment: db.example.com:5432:ledger:anna:commented
            other.host:5432:ledger:anna:wronghost
            db.example.com:5433:ledger:anna:wrongport
            db.example.com:*:ledger:anna:first
            *:*:*:*:fallback
            """)
        XCTAssertEqual(try find(address), "first")
        XCTAssertEqual(try find(PostgresAddress(user: "boris", host: "db.example.com", database: "ledger")), "fallback")
    }

    func testEscapes() throws {
        _ = try writePasswordFile(#"""
            db\:x:5432:ledger:anna:one
            db.example.com:5432:led\\ger:anna:two
            db.example.com:5432:ledger:anna:pa\:ss\\word:with:colons
            """#)
        XCTAssertEqual(try find(PostgresAddress(user: "anna", host: "db:x", database: "ledger")), "one")
        XCTAssertEqual(try find(PostgresAddress(user: "anna", host: "db.example.com", database: #"led\ger"#)), "two")
        XCTAssertEqual(try find(address), #"pa:ss\word:with:colons"#)
    }

    func testUnixSocketMatchesLocalhost() throws {
        _ = try writePasswordFile("localhost:5432:ledger:anna:local\n")
        let socket = PostgresAddress(user: "anna", host: "/var/run/postgresql", database: "ledger")
        XCTAssertEqual(try find(socket), "local")
    }

    func testPGPASSFILE() throws {
        let path = try writePasswordFile("*:*:*:anna:elsewhere\n", name: "custom")
        XCTAssertEqual(try find(address, ["PGPASSFILE": path]), "elsewhere")
        XCTAssertNil(try find(address, ["PGPASSFILE": directory + "/missing"]))
    }

    func testFileReadableByOthersIsRefusedWithChmodHint() throws {
        let path = try writePasswordFile("*:*:*:*:secretvalue\n", mode: 0o644)
        do {
            _ = try find(address)
            XCTFail("a world-readable password file was used")
        } catch {
            XCTAssertEqual(error.message, "the password file \(path) can be read by other users, so it is not used")
            XCTAssertEqual(error.hints, ["make it private: chmod 600 \(path)"])
            XCTAssertFalse(error.message.contains("secretvalue"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        XCTAssertThrowsError(try find(address))
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        XCTAssertEqual(try find(address), "secretvalue")
    }

    func testShortAndEmptyLinesAreSkipped() {
        let file = PasswordFile(text: "\n\nh:5432:d\r\nh:5432:d:u:\r\nh:5432:d:u:pw\r\n")
        XCTAssertEqual(file.password(host: "h", port: "5432", database: "d", user: "u"), nil)
        XCTAssertEqual(file.entries.count, 2)
    }
}
