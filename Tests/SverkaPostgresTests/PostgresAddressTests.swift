import SverkaSyntax
import XCTest
@testable import SverkaPostgres

final class PostgresAddressTests: XCTestCase {
    private let empty: [String: String] = [:]

    private func parse(_ text: String, _ environment: [String: String] = [:]) throws -> PostgresAddress {
        try PostgresAddress(parsing: text, environment: environment)
    }

    private func failure(_ text: String, _ environment: [String: String] = [:]) -> Diagnostic? {
        do {
            _ = try PostgresAddress(parsing: text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    func testFullAddress() throws {
        let address = try parse("postgres://anna@db.example.com:6432/ledger?sslmode=require")
        XCTAssertEqual(address, PostgresAddress(user: "anna", host: "db.example.com", port: 6432, database: "ledger", tls: .require))
        XCTAssertEqual(address.description, "anna@db.example.com:6432/ledger")
    }

    func testPostgresqlSchemeAndCaseOfScheme() throws {
        XCTAssertEqual(try parse("postgresql://anna@h/d").host, "h")
        XCTAssertEqual(try parse("POSTGRES://anna@h/d").database, "d")
    }

    func testDefaultsWithoutEnvironment() throws {
        let address = try parse("postgres://anna@", ["USER": "ignored"])
        XCTAssertEqual(address, PostgresAddress(user: "anna", host: "localhost", port: 5432, database: "anna", tls: .prefer))
    }

    func testDefaultsFromEnvironmentLikeLibpq() throws {
        let environment = ["PGUSER": "svc", "PGHOST": "pg.internal", "PGPORT": "6000",
                           "PGDATABASE": "books", "PGSSLMODE": "disable", "USER": "me"]
        XCTAssertEqual(try parse("postgres://", environment),
                       PostgresAddress(user: "svc", host: "pg.internal", port: 6000, database: "books", tls: .disable))
        // What the address says wins over the environment.
        XCTAssertEqual(try parse("postgres://anna@h:1/d?sslmode=require", environment),
                       PostgresAddress(user: "anna", host: "h", port: 1, database: "d", tls: .require))
        // USER when PGUSER is unset; the database defaults to the user.
        XCTAssertEqual(try parse("postgres:///", ["USER": "me"]).database, "me")
    }

    func testNoUserAnywhere() {
        let error = failure("postgres://h/d")
        XCTAssertEqual(error?.message, "the address names no user, and neither PGUSER nor USER is set")
        XCTAssertFalse(error?.hints.isEmpty ?? true)
    }

    func testBadPGPORT() {
        let error = failure("postgres://a@h/d", ["PGPORT": "abc"])
        XCTAssertEqual(error?.message, "PGPORT is 'abc', not a port number")
        XCTAssertEqual(error?.location, "PGPORT")
    }

    func testUnixSocketHost() throws {
        let viaParameter = try parse("postgres://anna@/ledger?host=/var/run/postgresql")
        XCTAssertEqual(viaParameter.host, "/var/run/postgresql")
        XCTAssertTrue(viaParameter.isUnixSocket)
        XCTAssertEqual(viaParameter.unixSocketPath, "/var/run/postgresql/.s.PGSQL.5432")
        let encoded = try parse("postgres://anna@%2Ftmp:5433/ledger")
        XCTAssertEqual(encoded.host, "/tmp")
        XCTAssertEqual(encoded.unixSocketPath, "/tmp/.s.PGSQL.5433")
        XCTAssertEqual(try parse("postgres://anna@/x", ["PGHOST": "/run/pg"]).host, "/run/pg")
    }

    func testIPv6Host() throws {
        let address = try parse("postgres://anna@[::1]:5433/d")
        XCTAssertEqual(address.host, "::1")
        XCTAssertEqual(address.port, 5433)
        XCTAssertEqual(address.description, "anna@[::1]:5433/d")
        XCTAssertNotNil(failure("postgres://anna@::1/d"))
    }

    func testPercentDecoding() throws {
        let address = try parse("postgres://%D0%B0%D0%BD%D0%BD%D0%B0%40corp@h/my%20db")
        XCTAssertEqual(address.user, "анна@corp")
        XCTAssertEqual(address.database, "my db")
        XCTAssertEqual(failure("postgres://a@h/bad%2")?.message, "the database name 'bad%2' in the address has a broken %-escape")
        XCTAssertNotNil(failure("postgres://a@h/bad%zz"))
    }

    func testParametersForUserAndDatabase() throws {
        let address = try parse("postgres://h?user=anna&dbname=ledger&port=7000")
        XCTAssertEqual(address, PostgresAddress(user: "anna", host: "h", port: 7000, database: "ledger"))
    }

    func testPasswordIsRefusedWithoutBeingEchoed() {
        let error = failure("postgres://anna:hunter2secret@db:5432/ledger")
        XCTAssertEqual(error?.message, "the address holds a password; passwords never go in a script")
        let everything = ([error?.message ?? ""] + (error?.hints ?? [])).joined(separator: "\n")
        XCTAssertFalse(everything.contains("hunter2secret"))
        XCTAssertTrue(everything.contains("PGPASSWORD"))
        XCTAssertTrue(everything.contains("~/.pgpass"))
        XCTAssertTrue(everything.contains("postgres://anna@db:5432/ledger"))
        // Even an empty one, and one given as a parameter.
        XCTAssertNotNil(failure("postgres://anna:@db/ledger"))
        let parameter = failure("postgres://anna@db/ledger?password=hunter2secret")
        XCTAssertEqual(parameter?.message, "the address holds a password; passwords never go in a script")
        XCTAssertFalse((parameter?.hints ?? []).joined().contains("hunter2secret"))
    }

    func testUnknownParameterListsAcceptedOnes() {
        let error = failure("postgres://a@h/d?application_name=x")
        XCTAssertEqual(error?.message, "unknown parameter 'application_name' in the address")
        XCTAssertEqual(error?.hints, ["the accepted parameters are sslmode, host, port, user, dbname"])
    }

    func testSSLModes() throws {
        XCTAssertEqual(try parse("postgres://a@h/d?sslmode=disable").tls, .disable)
        XCTAssertEqual(try parse("postgres://a@h/d?sslmode=prefer").tls, .prefer)
        let error = failure("postgres://a@h/d?sslmode=verify-full")
        XCTAssertEqual(error?.message, "unknown sslmode 'verify-full'")
        XCTAssertEqual(error?.hints.count, 2)
    }

    func testMalformedAddresses() {
        let expected = "\"postgres://\" address expected, like postgres://user@host:5432/db"
        XCTAssertEqual(failure("mysql://a@h/d")?.message, expected)
        XCTAssertEqual(failure("a@h/d")?.message, expected)
        XCTAssertEqual(failure("")?.message, expected)
        XCTAssertEqual(failure("postgres://a@h:99999/d")?.message, "the port '99999' in the address is not a port number")
        XCTAssertEqual(failure("postgres://a@h:/d")?.message, "the port '' in the address is not a port number")
        XCTAssertNotNil(failure("postgres://a@h1,h2/d"))
        XCTAssertNotNil(failure("postgres://a@h/d/e"))
        XCTAssertNotNil(failure("postgres://a@h/d?sslmode"))
        XCTAssertNotNil(failure("postgres://a@h/d?sslmode=require&sslmode=disable"))
    }

    func testURLReadsBackToTheSameAddress() throws {
        let addresses = [
            PostgresAddress(user: "анна", host: "db.example.com", port: 6432, database: "my db", tls: .require),
            PostgresAddress(user: "a", host: "/var/run/postgresql", port: 5432, database: "d", tls: .disable),
            PostgresAddress(user: "a", host: "::1", port: 5432, database: "d"),
        ]
        let environment = ["PGUSER": "x", "PGHOST": "y", "PGPORT": "1", "PGDATABASE": "z", "PGSSLMODE": "require"]
        for address in addresses {
            XCTAssertEqual(try parse(address.url, environment), address, address.url)
        }
    }
}
