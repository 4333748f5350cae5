import Foundation
import SverkaSyntax
import XCTest
@testable import SverkaPostgres

final class PostgresServerQueryTests: XCTestCase {
    func testTextParametersCastInSQL() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        var described: [PostgresResultColumn] = []
        var rows: [[String?]] = []
        try server.query("SELECT ($1::date + 1)::text AS next_day, $2::text AS same, $3::text AS missing, (($4::numeric) * 2)::text AS doubled",
                         parameters: ["2024-02-28", "Сверка \"1\"\t\\", nil, "-12.50"],
                         columns: { described = $0 }, row: { rows.append($0) })
        XCTAssertEqual(described.map(\.name), ["next_day", "same", "missing", "doubled"])
        XCTAssertEqual(described.map(\.typeOID), [25, 25, 25, 25])
        XCTAssertEqual(rows, [["2024-02-29", "Сверка \"1\"\t\\", nil, "-25.00"]])
    }

    func testSessionSettingsMakeTextPredictable() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        let row = try LiveServer.rows(server, """
            SELECT '2026-11-30'::date::text, '2026-11-30 14:05:09'::timestamp::text,
                   interval '1 day 2 hours'::text, 0.1::float8::text, true::text
            """)
        XCTAssertEqual(row, [["2026-11-30", "2026-11-30 14:05:09", "P1DT2H", "0.1", "true"]])
    }

    func testZeroRowsStillReportColumns() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        var described: [PostgresResultColumn]?
        var count = 0
        try server.query("SELECT 1::numeric(12,2) AS amount, 'x'::varchar(10) AS code, now()::date AS day WHERE false",
                         columns: { described = $0 }, row: { _ in count += 1 })
        XCTAssertEqual(count, 0)
        XCTAssertEqual(described?.map(\.name), ["amount", "code", "day"])
        XCTAssertEqual(described?.map(\.typeOID), [1700, 1043, 1082])
        XCTAssertEqual(described.map { PostgresTypeMapping.logicalType(typeOID: $0[0].typeOID, typeModifier: $0[0].typeModifier) },
                       .type(.decimal(scale: 2)))
    }

    func testStreamsAMillionsStyleResultWithoutHoldingIt() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        let total = 200_000
        var count = 0
        var sum = 0
        var lengths = 0
        try server.query("SELECT g::text, md5(g::text) FROM generate_series(1, $1::int) AS g", parameters: [String(total)],
                         columns: { XCTAssertEqual($0.count, 2) },
                         row: { values in
                             count += 1
                             sum += Int(values[0]!)!
                             lengths += values[1]!.utf8.count
                         })
        XCTAssertEqual(count, total)
        XCTAssertEqual(sum, total * (total + 1) / 2)
        XCTAssertEqual(lengths, 32 * total)
    }

    func testServerErrorCarriesMessageStateAndPosition() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        let sql = "select nonsense from nowhere"
        do {
            try server.queryReportingFailure(sql, columns: { _ in }, row: { _ in })
            XCTFail("the query ran")
        } catch {
            XCTAssertEqual(error.sqlState, "42P01")
            XCTAssertEqual(error.serverMessage, #"relation "nowhere" does not exist"#)
            XCTAssertEqual(error.position, 22)
            XCTAssertEqual(error.diagnostic.message, #"postgres: relation "nowhere" does not exist (SQLSTATE 42P01)"#)
            XCTAssertEqual(error.index(in: sql).map { String(sql[$0...]) }, "nowhere")
        }
        // Positions count characters, as PostgreSQL does, not bytes.
        let cyrillic = "select 'Сверка', nonsense"
        do {
            try server.executeReportingFailure(cyrillic)
            XCTFail("the query ran")
        } catch {
            XCTAssertEqual(error.sqlState, "42703")
            XCTAssertEqual(error.index(in: cyrillic).map { String(cyrillic[$0...]) }, "nonsense")
        }
        // The connection is still usable after an error.
        XCTAssertEqual(try server.scalarText("SELECT 'ok'"), "ok")
    }

    func testServerDetailAndHintBecomeHints() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        do {
            try server.execute("SELECT 'x'::int + ")
            XCTFail("the query ran")
        } catch {
            XCTAssertTrue(error.message.hasPrefix("postgres: syntax error at end of input"))
        }
        do {
            try server.execute("SELECT lower(1, 2, 3)")
            XCTFail("the query ran")
        } catch {
            XCTAssertTrue(error.message.contains("SQLSTATE 42883"), error.message)
            XCTAssertTrue(error.hints.contains { $0.contains("explicit type casts") }, "\(error.hints)")
        }
    }

    func testNonTextColumnIsAProgrammingErrorAndTheConnectionSurvives() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        do {
            _ = try server.scalarText("SELECT 42 AS answer")
            XCTFail("an integer cell was read as text")
        } catch {
            XCTAssertEqual(error.message, "the result column 'answer' has the PostgreSQL type OID 23, not text")
            XCTAssertEqual(error.hints, [#"cast it to text in the query: "answer"::text"#])
        }
        XCTAssertEqual(try server.scalarText("SELECT 42::text"), "42")
    }

    func testCallbackThrowingMidStreamLeavesTheConnectionUsable() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        var seen = 0
        var started = Date()
        do {
            // Far more rows than could be read and dropped in the time allowed: the server is told
            // to stop. (A set-returning function in the select list streams; in FROM it would be
            // materialised before the first row.)
            try server.query("SELECT generate_series(1, 50000000)::text", columns: { _ in }, row: { (_: [String?]) throws(Diagnostic) in
                seen += 1
                if seen == 1 { started = Date() }
                if seen == 2500 { throw stopReading }
            })
            XCTFail("the callback's error was lost")
        } catch {
            XCTAssertEqual(error.message, stopReading.message)
        }
        XCTAssertEqual(seen, 2500)
        // Reading and dropping all 50 million rows would take minutes.
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        XCTAssertEqual(try server.scalarText("SELECT count(*)::text FROM generate_series(1, 10)"), "10")

        // Thrown from `columns`, before any row.
        do {
            try server.query("SELECT g::text FROM generate_series(1, 100000) AS g", columns: { (_: [PostgresResultColumn]) throws(Diagnostic) in throw stopReading }, row: { _ in })
            XCTFail("the callback's error was lost")
        } catch {
            XCTAssertEqual(error.message, stopReading.message)
        }
        XCTAssertEqual(try LiveServer.rows(server, "SELECT $1::text", ["again"]), [["again"]])
    }

    func testSmallResultStoppedEarlyKeepsTheTransaction() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        try server.execute("BEGIN")
        do {
            try server.query("SELECT g::text FROM generate_series(1, 3000) AS g", columns: { _ in }, row: { (_: [String?]) throws(Diagnostic) in
                throw stopReading
            })
            XCTFail("the callback's error was lost")
        } catch {
            XCTAssertEqual(error.message, stopReading.message)
        }
        // The rest was read and dropped, not cancelled: the transaction goes on.
        XCTAssertEqual(try server.scalarText("SELECT 'still in it'"), "still in it")
        try server.execute("COMMIT")
    }

    func testStatementInsideACallbackIsRefused() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        var nested: Diagnostic?
        try server.query("SELECT '1'", columns: { _ in }, row: { _ in
            do throws(Diagnostic) {
                try server.execute("SELECT 1")
            } catch {
                nested = error
            }
        })
        XCTAssertEqual(nested?.message.contains("still reading a result"), true)
        XCTAssertEqual(try server.scalarText("SELECT 'free'"), "free")
    }

    func testExecuteTransactionsAndClose() throws {
        let server = try LiveServer.connect()
        let table = LiveServer.uniqueTable("tx")
        try server.execute("CREATE TABLE \(PostgresIdentifier.quoted(table)) (n int)")
        defer { try? server.execute("DROP TABLE IF EXISTS \(PostgresIdentifier.quoted(table))"); server.close() }
        try server.execute("BEGIN")
        try server.execute("INSERT INTO \(PostgresIdentifier.quoted(table)) SELECT generate_series(1, 5)")
        try server.execute("ROLLBACK")
        XCTAssertEqual(try server.scalarText("SELECT count(*)::text FROM \(PostgresIdentifier.quoted(table))"), "0")
        XCTAssertNil(try server.scalarText("SELECT NULL::text"))
        XCTAssertNil(try server.scalarText("SELECT 'x' WHERE false"))

        let other = try LiveServer.connect()
        other.close()
        other.close()
        XCTAssertThrowsError(try other.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the connection to \(other.address) is closed")
        }
    }

    func testLostConnectionSaysSo() throws {
        let server = try LiveServer.connect()
        let other = try LiveServer.connect()
        defer { server.close(); other.close() }
        let processID = try server.scalarText("SELECT pg_backend_pid()::text")
        try other.execute("SELECT pg_terminate_backend($1::int)", parameters: [processID])
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertThrowsError(try server.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the connection to \(server.address) was lost")
        }
    }

    func testOneStatementAtATime() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        XCTAssertThrowsError(try server.execute("SELECT 1; SELECT 2")) { error in
            XCTAssertEqual((error as? Diagnostic)?.hints, ["send one statement at a time"])
        }
    }

    func testCancelStopsALongStatement() throws {
        let server = try LiveServer.connect()
        defer { server.close() }
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { server.cancel() }
        do {
            try server.executeReportingFailure("SELECT pg_sleep(30)")
            XCTFail("pg_sleep ran to its end")
        } catch {
            XCTAssertEqual(error.sqlState, "57014")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try server.scalarText("SELECT 'after'"), "after")
    }
}
