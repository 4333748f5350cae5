import Foundation
import SverkaSyntax
import XCTest
@testable import SverkaPostgres

/// The test server named by SVERKA_TEST_POSTGRES (`eval "$(scripts/postgres-test-server start)"`).
/// Without it the live tests are skipped on a workstation, and fail on CI, which always has one.
enum LiveServer {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "SVERKA_TEST_POSTGRES is not set, and CI=true: CI must run the PostgreSQL tests" }
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func address() throws -> PostgresAddress {
        guard let url = environment["SVERKA_TEST_POSTGRES"], !url.isEmpty else {
            if environment["CI"] == "true" { throw Missing() }
            throw XCTSkip("SVERKA_TEST_POSTGRES is not set; run eval \"$(scripts/postgres-test-server start)\"")
        }
        return try PostgresAddress(parsing: url, environment: environment)
    }

    static func password(for address: PostgresAddress) throws -> String? {
        try PostgresPassword.find(for: address, environment: environment, homeDirectory: NSHomeDirectory())
    }

    static func connect() throws -> PostgresServer {
        let address = try address()
        return try PostgresServer.connect(to: address, password: try password(for: address))
    }

    /// A table name no other test (or earlier run) uses.
    static func uniqueTable(_ stem: String) -> String {
        "sverka_test_\(stem)_\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Every row of a query, for small results.
    static func rows(_ server: PostgresServer, _ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        var rows: [[String?]] = []
        try server.query(sql, parameters: parameters, columns: { _ in }, row: { rows.append($0) })
        return rows
    }
}

/// What a callback throws in the tests to stop a result early.
let stopReading = Diagnostic("stop reading", hints: ["a test stops here"])
