import Foundation
import SverkaSyntax
import XCTest
@testable import SverkaPostgres

final class PostgresServerConnectTests: XCTestCase {
    private func connectError(_ address: PostgresAddress, password: String?, timeout: Double = 10) -> Diagnostic? {
        do {
            let server = try PostgresServer.connect(to: address, password: password, connectTimeout: timeout)
            server.close()
            return nil
        } catch {
            return error
        }
    }

    func testPasswordFromAPasswordFile() throws {
        let address = try LiveServer.address()
        guard let password = LiveServer.environment["PGPASSWORD"] else { throw XCTSkip("PGPASSWORD is not set") }
        let path = NSTemporaryDirectory() + "sverka-pgpass-\(UUID().uuidString)"
        let escaped = password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        try "# test\n\(address.host):\(address.port):*:\(address.user):\(escaped)\n".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let found = try PostgresPassword.find(for: address, environment: ["PGPASSFILE": path], homeDirectory: "/nonexistent")
        let server = try PostgresServer.connect(to: address, password: found)
        defer { server.close() }
        XCTAssertEqual(try server.scalarText("SELECT current_user::text"), address.user)
    }

    func testUnixSocket() throws {
        let address = try LiveServer.address()
        let directory = LiveServer.environment["SVERKA_PG_DIR"] ?? "/tmp/sverka-test-pg"
        let socket = PostgresAddress(user: address.user, host: directory, port: address.port, database: address.database)
        guard FileManager.default.fileExists(atPath: socket.unixSocketPath) else {
            throw XCTSkip("no socket at \(socket.unixSocketPath)")
        }
        let server = try PostgresServer.connect(to: socket, password: try LiveServer.password(for: socket))
        defer { server.close() }
        XCTAssertEqual(try server.scalarText("SELECT coalesce(inet_server_addr()::text, 'socket')"), "socket")
    }

    func testWrongPasswordSaysSoWithoutThePassword() throws {
        let address = try LiveServer.address()
        let error = connectError(address, password: "not-the-password-xyzzy")
        XCTAssertEqual(error?.message, "password authentication failed for user \(address.user) on \(address.endpoint)/\(address.database)")
        XCTAssertEqual(error?.hints, [PostgresAddress.passwordHint])
        XCTAssertFalse(([error?.message ?? ""] + (error?.hints ?? [])).joined().contains("xyzzy"))
    }

    func testMissingPasswordSaysSo() throws {
        let address = try LiveServer.address()
        let error = connectError(address, password: nil)
        XCTAssertEqual(error?.message, "the server \(address.endpoint) asks for a password for user \(address.user), and none is set")
        XCTAssertEqual(error?.hints, [PostgresAddress.passwordHint])
    }

    func testMissingDatabaseIsNamed() throws {
        var address = try LiveServer.address()
        let password = try LiveServer.password(for: address)
        address.database = "sverka_no_such_database"
        let error = connectError(address, password: password)
        XCTAssertEqual(error?.message, "there is no database sverka_no_such_database on \(address.endpoint)")
    }

    func testConnectionRefused() throws {
        let port = try Self.unusedPort()
        let address = PostgresAddress(user: "nobody", host: "127.0.0.1", port: port, database: "none", tls: .disable)
        let error = connectError(address, password: nil)
        XCTAssertEqual(error?.message, "cannot connect to 127.0.0.1:\(port): connection refused")
        XCTAssertEqual(error?.hints, ["is the server running and reachable? check the address"])
    }

    func testUnknownHost() {
        let address = PostgresAddress(user: "nobody", host: "no-such-host.invalid", port: 5432, database: "none", tls: .disable)
        let error = connectError(address, password: nil)
        XCTAssertEqual(error?.message, "cannot connect to no-such-host.invalid:5432: unknown host")
        XCTAssertEqual(error?.hints, ["is the server running and reachable? check the address"])
    }

    func testMissingUnixSocket() {
        let address = PostgresAddress(user: "nobody", host: "/nonexistent-dir", port: 5432, database: "none")
        let error = connectError(address, password: nil)
        XCTAssertEqual(error?.message, "cannot connect to /nonexistent-dir/.s.PGSQL.5432: no such file or directory")
    }

    func testTimeoutWhenTheServerNeverAnswers() throws {
        // A socket that listens but never speaks: the kernel accepts the connection, nobody answers.
        let (descriptor, port) = try Self.silentListener()
        defer { close(descriptor) }
        let address = PostgresAddress(user: "nobody", host: "127.0.0.1", port: port, database: "none", tls: .disable)
        let started = Date()
        let error = connectError(address, password: nil, timeout: 1)
        XCTAssertEqual(error?.message, "cannot connect to 127.0.0.1:\(port): no answer within 1 s")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testRequiredTLSOnAServerWithoutIt() throws {
        var address = try LiveServer.address()
        let password = try LiveServer.password(for: address)
        address.tls = .require
        let error = connectError(address, password: password)
        XCTAssertEqual(error?.message, "the server \(address.endpoint) does not offer TLS, and the address requires it (sslmode=require)")
    }

    func testTimeoutOutOfRange() {
        let address = PostgresAddress(user: "nobody", host: "127.0.0.1")
        XCTAssertEqual(connectError(address, password: nil, timeout: 0)?.message,
                       "the connect timeout must be more than 0 and at most 86400 seconds, not 0.0")
        XCTAssertNotNil(connectError(address, password: nil, timeout: .infinity))
        XCTAssertNotNil(connectError(address, password: nil, timeout: .nan))
    }

    // MARK: sockets

    private static func silentListener() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw XCTSkip("cannot open a local socket") }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port nothing listens on: bound, read, and closed again.
    private static func unusedPort() throws -> Int {
        let (descriptor, port) = try silentListener()
        close(descriptor)
        return port
    }
}
