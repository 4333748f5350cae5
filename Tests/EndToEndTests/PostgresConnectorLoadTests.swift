import Foundation
import XCTest

/// `load postgres` end to end: the built binary against the test server, with the server's
/// tables made by psql (not by sverka) and every value checked against what was put there.
/// Needs SVERKA_TEST_POSTGRES (see PostgresTestServer): skipped without it, failing under CI.
final class PostgresConnectorLoadTests: XCTestCase {
    /// A server table of every type sverka maps, with a NULL row, and its rows as sverka's CSV
    /// must show them, written from the values inserted.
    static func typesTable(_ fixture: PostgresConnectorFixture) throws -> (name: String, csv: [String]) {
        let table = try fixture.serverTable("types", """
            (id integer, big bigint, amount numeric(14,2), bare numeric, f double precision, r real, inn text,
             name varchar(40), d date, ts timestamp, tz timestamptz, ok boolean)
            """, rows: """
            (1, 9223372036854775807, 12345678901.23, 1.5, 0.1, 0.1, '007701234567', 'ООО Ромашка', '2026-03-01', '2026-03-01 10:20:30', '2026-03-01 10:20:30+03', true),
            (2, -9223372036854775808, -0.01, 2.125, -2.25, -2.5, '0001', 'ИП Иванов', '1999-12-31', '2000-01-01 00:00:00', '2026-07-15 23:59:59+00', false),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (4, 0, 999999999999.99, 7, 3.5, 3.25, '', 'ООО Ромашка', '2024-02-29', '2024-02-29 12:00:00', '2024-02-29 12:00:00+05', true)
            """)
        // A timestamptz is read as the wall clock of the server's time zone: asked of the server.
        let zoned = try fixture.psqlLines("SELECT to_char(tz, 'YYYY-MM-DD HH24:MI:SS') FROM \(table) WHERE tz IS NOT NULL ORDER BY id")
        XCTAssertEqual(zoned.count, 3)
        guard zoned.count == 3 else { throw XCTSkip("the server did not give the time stamps back") }
        return (table, [
            "id,big,amount,bare,f,r,inn,name,d,ts,tz,ok",
            "1,9223372036854775807,12345678901.23,1.500,0.1,0.1,007701234567,ООО Ромашка,2026-03-01,2026-03-01 10:20:30,\(zoned[0]),true",
            "2,-9223372036854775808,-0.01,2.125,-2.25,-2.5,0001,ИП Иванов,1999-12-31,2000-01-01 00:00:00,\(zoned[1]),false",
            "3,,,,,,,,,,,",
            "4,0,999999999999.99,7.000,3.5,3.25,\"\",ООО Ромашка,2024-02-29,2024-02-29 12:00:00,\(zoned[2]),true",
        ])
    }

    func testServerTypesBecomeSverkaTypesAndValuesStayExact() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let (table, rows) = try Self.typesTable(fixture)
        let result = try fixture.run("""
            load postgres "\(fixture.url)" table \(table) as t
            describe t
            from t | sort id
            load postgres "\(fixture.url)" query "select name, sum(amount) as total from \(table) where name = 'ООО Ромашка' or name is null group by name -- by client" as s
            describe s
            from s | sort total
            """)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let types = [("id", "integer"), ("big", "integer"), ("amount", "decimal(2)"), ("bare", "decimal(3)"), ("f", "number"),
                     ("r", "number"), ("inn", "text"), ("name", "text"), ("d", "date"), ("ts", "datetime"), ("tz", "datetime"),
                     ("ok", "bool")]
        for (column, type) in types where column != "id" {
            // One NULL row: one null in every column but id.
            XCTAssertTrue(result.lines.contains { $0.hasPrefix("\(column),\(type),1,") }, "\(column) \(type)\n\(result.stdout)")
        }
        XCTAssertTrue(result.lines.contains { $0.hasPrefix("id,integer,0,") }, result.stdout)
        assertConsecutiveLines(result.lines, rows)
        // sum() is a numeric without a scale: it gets the two places of its values.
        XCTAssertTrue(result.lines.contains { $0.hasPrefix("total,decimal(2),1,") }, result.stdout)
        assertConsecutiveLines(result.lines, ["name,total", ",", "ООО Ромашка,1012345678901.22"])
        XCTAssertTrue(result.stderr.contains("loaded 4 rows into t (id integer, big integer, amount decimal(2), bare decimal(3), "),
                      result.stderr)
    }

    func testAFailedLoadLeavesTheOldTable() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let table = try fixture.serverTable("atomic", "(id integer, amount numeric(14,2))",
                                            rows: "(1, 10.50), (2, 20.25), (3, 30.00)")
        let first = try fixture.runInWorkspace("load postgres \"\(fixture.url)\" table \(table) as t")
        XCTAssertEqual(first.exitCode, 0, first.stderr)

        // The server fails after sending 49,999 rows: the rows already inserted go too.
        let failing = try fixture.runInWorkspace("""
            load postgres "\(fixture.url)" query "select g as id, 1 / (g - 50000) as amount from generate_series(1, 100000) g" as t
            """)
        XCTAssertEqual(failing.exitCode, 1, failing.stderr)
        XCTAssertTrue(failing.stderr.contains("error: postgres: division by zero (SQLSTATE 22012)"), failing.stderr)
        XCTAssertTrue(failing.stderr.contains("--> "), failing.stderr)

        // A value sverka cannot hold (past 64-bit integers) at row 500 fails the load the same way.
        let unreadable = try fixture.runInWorkspace("""
            load postgres "\(fixture.url)" query "select g::numeric * (case when g = 500 then 1e25 else 1 end) as id from generate_series(1, 1000) g" as t
            """)
        XCTAssertEqual(unreadable.exitCode, 1, unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.contains("row 500, column id"), unreadable.stderr)

        let after = try fixture.runInWorkspace("from t | group (n = count(), total = sum(amount))\nfrom t | sort id")
        XCTAssertEqual(after.exitCode, 0, after.stderr)
        XCTAssertEqual(after.stdout, "n,total\n3,60.75\nid,amount\n1,10.50\n2,20.25\n3,30.00\n")
    }

    func testALoadNeverWritesToTheServer() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let table = try fixture.serverTable("readonly", "(id integer)", rows: "(1), (2), (3)")
        let wipe = fixture.uniqueName("wipe")
        try fixture.psql("CREATE FUNCTION \(wipe)() RETURNS bigint LANGUAGE sql AS 'DELETE FROM \(table); SELECT count(*) FROM \(table)'")
        defer { _ = try? fixture.psql("DROP FUNCTION IF EXISTS \(wipe)()") }

        let queries = [
            "delete from \(table)",
            "insert into \(table) (id) values (4)",
            "with gone as (delete from \(table) returning id) select id from gone",
            "select 1) as a; delete from \(table); select * from (select 1",
            "select * from \(table) for update",
            // A function that writes is stopped by the read-only transaction itself.
            "select \(wipe)()",
        ]
        for query in queries {
            let result = try fixture.run("load postgres \"\(fixture.url)\" query \"\(query)\" as t")
            XCTAssertEqual(result.exitCode, 1, "\(query)\n\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("error: postgres: "), "\(query)\n\(result.stderr)")
            XCTAssertFalse(result.stderr.contains("loaded "), "\(query)\n\(result.stderr)")
            XCTAssertEqual(try fixture.psqlLines("SELECT count(*) FROM \(table)"), ["3"], query)
        }
        let function = try fixture.run("load postgres \"\(fixture.url)\" query \"select \(wipe)()\" as t")
        XCTAssertTrue(function.stderr.contains("cannot execute DELETE in a read-only transaction"), function.stderr)
    }
}

/// What the PostgresConnector*Tests share: the server (or a skip), a scratch folder, server
/// tables with unique names that are dropped at the end, and scripts run with CSV results.
final class PostgresConnectorFixture {
    let url: String
    let folder: URL
    private var made: [String] = []

    init() throws {
        url = try PostgresTestServer.url()
        folder = try SverkaProcess.temporaryFolder()
    }

    /// `stem_1234567890`: tests may run at once, and a failed run may leave its tables behind.
    func uniqueName(_ stem: String) -> String { "\(stem)_\(UInt32.random(in: 0...UInt32.max))" }

    /// A unique name for a table sverka will make on the server, dropped at clean-up.
    func tableName(_ stem: String) -> String {
        let name = uniqueName("connector_\(stem)")
        made.append(name)
        return name
    }

    /// A server table made and filled by psql: `columns` is the parenthesised list.
    func serverTable(_ stem: String, _ columns: String, rows: String? = nil) throws -> String {
        let name = tableName(stem)
        try psql("CREATE TABLE \(name) \(columns)")
        if let rows { try psql("INSERT INTO \(name) VALUES \(rows)") }
        return name
    }

    @discardableResult
    func psql(_ sql: String) throws -> String { try PostgresAcceptanceTests.psql(url, sql) }

    /// psql's unaligned rows, one a line.
    func psqlLines(_ sql: String) throws -> [String] {
        try psql(sql).components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Runs `script` as a script file (`run x.sv`), results as CSV.
    func run(_ script: String, environment: [String: String] = [:]) throws -> SverkaProcess.Result {
        try write("x.sv", script + "\n")
        return try SverkaProcess.run(["run", "x.sv", "--format", "csv"], in: folder, environment: environment)
    }

    /// Runs statements on the fixture's workspace file, which keeps its tables between runs.
    func runInWorkspace(_ statements: String) throws -> SverkaProcess.Result {
        try SverkaProcess.run(["-w", "ws.sverka", "--format", "csv", "-c", statements], in: folder)
    }

    func cleanUp() {
        for name in made { _ = try? psql("DROP TABLE IF EXISTS \(name)") }
        try? FileManager.default.removeItem(at: folder)
    }
}

extension SverkaProcess.Result {
    var lines: [String] { stdout.components(separatedBy: "\n") }
}

/// `expected` appears in `lines` as consecutive lines.
func assertConsecutiveLines(_ lines: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    let found = expected.isEmpty || lines.indices.contains { start in
        start + expected.count <= lines.count && Array(lines[start..<start + expected.count]) == expected
    }
    XCTAssertTrue(found, "expected, in a row:\n\(expected.joined(separator: "\n"))\nin:\n\(lines.joined(separator: "\n"))",
                  file: file, line: line)
}
