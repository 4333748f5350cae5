import Foundation
import XCTest

/// `export … to postgres` end to end: what lands on the server is read back with psql, not
/// with sverka, and compared with the CSV the workspace table was loaded from.
final class PostgresConnectorExportTests: XCTestCase {
    /// Every sverka type, NULLs, leading zeros, Cyrillic, and text COPY must escape.
    static let sourceCSV = #"""
        id,amount,rate,inn,note,d,ts,ok
        1,12345678901.23,0.1,007701234567,"ООО ""Ромашка""",2026-03-01,2026-03-01 10:20:30,true
        2,-0.01,-2.25,0001,"tab\#there \N back\slash",1999-12-31,2000-01-01 00:00:00,false
        3,,,,,,,
        4,0.00,3.5,,"line1
        line2",2024-02-29,2024-02-29 23:59:59,true

        """#
    static let load = #"load "source.csv" as src with (types: (rate: number))"#

    func testExportCreatesTheTableWithServerTypesAndExactValues() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        try fixture.write("source.csv", Self.sourceCSV)
        let table = fixture.tableName("export")
        let result = try fixture.run("\(Self.load)\nexport src to postgres \"\(fixture.url)\" table \(table)")
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("exported 4 rows to postgres "), result.stderr)
        XCTAssertFalse(result.stderr.contains(try XCTUnwrap(ProcessInfo.processInfo.environment["PGPASSWORD"])))

        XCTAssertEqual(try fixture.psqlLines("""
            SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute
            WHERE attrelid = '\(table)'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """), ["id bigint", "amount numeric(28,2)", "rate double precision", "inn text", "note text", "d date",
                   "ts timestamp without time zone", "ok boolean"])
        // A record's text: NULL is an empty field, an empty string would be "".
        XCTAssertEqual(try fixture.psqlLines("SELECT replace(CAST(t AS text), E'\\n', '⏎') FROM \(table) t ORDER BY id"), [
            #"(1,12345678901.23,0.1,007701234567,"ООО ""Ромашка""",2026-03-01,"2026-03-01 10:20:30",t)"#,
            #"(2,-0.01,-2.25,0001,"tab\#there \\N back\\slash",1999-12-31,"2000-01-01 00:00:00",f)"#,
            "(3,,,,,,,)",
            #"(4,0.00,3.5,,"line1⏎line2",2024-02-29,"2024-02-29 23:59:59",t)"#,
        ])
        XCTAssertEqual(try fixture.psqlLines("SELECT note = E'tab\\there \\\\N back\\\\slash' FROM \(table) WHERE id = 2"), ["t"])
    }

    func testIfExistsFailReplaceAndAppend() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        try fixture.write("source.csv", Self.sourceCSV)
        let table = fixture.tableName("exists")
        let target = "to postgres \"\(fixture.url)\" table \(table)"
        XCTAssertEqual(try fixture.run("\(Self.load)\nexport from src | where id <= 2 | select id, amount \(target)").exitCode, 0)
        let original = ["(1,12345678901.23)", "(2,-0.01)"]
        let rows = "SELECT CAST(t AS text) FROM \(table) t ORDER BY id"
        XCTAssertEqual(try fixture.psqlLines(rows), original)

        let refused = try fixture.run("\(Self.load)\nexport src \(target)")
        XCTAssertEqual(refused.exitCode, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("error: the server already has a table \(table)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--> x.sv:2:"), refused.stderr)
        XCTAssertEqual(try fixture.psqlLines(rows), original)

        let replaced = try fixture.run("""
            \(Self.load)
            export from src | where id == 1 | select id, label = "замена" \(target) with (if_exists: "replace")
            """)
        XCTAssertEqual(replaced.exitCode, 0, replaced.stderr)
        XCTAssertEqual(try fixture.psqlLines(rows), ["(1,замена)"])
        XCTAssertEqual(try fixture.psqlLines("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\(table)'::regclass AND attnum > 0 ORDER BY attnum"),
                       ["bigint", "text"])

        let appended = try fixture.run("""
            \(Self.load)
            export from src | where id >= 3 | select label = "ещё", id \(target) with (if_exists: "append")
            """)
        XCTAssertEqual(appended.exitCode, 0, appended.stderr)
        XCTAssertTrue(appended.stderr.contains("exported 2 rows to postgres "), appended.stderr)
        XCTAssertEqual(try fixture.psqlLines(rows), ["(1,замена)", "(3,ещё)", "(4,ещё)"])

        let missing = try fixture.run("""
            \(Self.load)
            export from src | select id, label = "x", extra = 1 \(target) with (if_exists: "append")
            """)
        XCTAssertEqual(missing.exitCode, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("has no column 'extra'"), missing.stderr)
        XCTAssertEqual(try fixture.psqlLines(rows), ["(1,замена)", "(3,ещё)", "(4,ещё)"])
    }

    /// One row in the middle of a long COPY breaks a CHECK constraint: the server keeps none
    /// of the rows sent before it.
    func testAFailureInTheMiddleOfTheCopyLeavesTheServerTableAsItWas() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let table = try fixture.serverTable("check", "(id bigint, amount numeric(14,2) CHECK (amount < 3000), extra text DEFAULT 'kept')",
                                            rows: "(-1, 1.00, 'before'), (-2, 2.00, 'before')")
        // Row i holds i × 0.77: the first past 3000 is row 3897 (3000.69).
        var csv = "id,amount\n"
        for id in 1...5_000 { csv += "\(id),\(id * 77 / 100).\(String(format: "%02d", id * 77 % 100))\n" }
        try fixture.write("big.csv", csv)
        let target = "to postgres \"\(fixture.url)\" table \(table) with (if_exists: \"append\")"
        let before = ["2|3.00|before"]
        let summary = "SELECT count(*), sum(amount), string_agg(DISTINCT extra, ',') FROM \(table)"

        let failed = try fixture.run("load \"big.csv\" as b\nexport b \(target)")
        XCTAssertEqual(failed.exitCode, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("violates check constraint"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("3897"), failed.stderr)
        XCTAssertEqual(try fixture.psqlLines(summary), before)

        let fitting = try fixture.run("load \"big.csv\" as b\nexport from b | where amount < 3000 \(target)")
        XCTAssertEqual(fitting.exitCode, 0, fitting.stderr)
        let kopecks = (1...3_896).reduce(300) { $0 + $1 * 77 }
        XCTAssertEqual(try fixture.psqlLines(summary),
                       ["3898|\(kopecks / 100).\(String(format: "%02d", kopecks % 100))|before,kept"])
    }

    func testARoundTripThroughTheServerKeepsEveryValue() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        try fixture.write("source.csv", Self.sourceCSV)
        let table = fixture.tableName("roundtrip")
        let result = try fixture.run("""
            \(Self.load)
            export src to postgres "\(fixture.url)" table \(table)
            load postgres "\(fixture.url)" table \(table) as back
            from src | sort id
            from back | sort id
            from back | where note == "line1\\nline2" or note == "tab\\there \\\\N back\\\\slash" | select id | sort id
            """)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        // The source file again, but for quotes: sverka's CSV quotes only a comma, a quote or a line break.
        let expected = Self.sourceCSV.replacingOccurrences(of: #""tab\#there \N back\slash""#, with: #"tab\#there \N back\slash"#)
        XCTAssertNotEqual(expected, Self.sourceCSV)
        XCTAssertEqual(result.stdout, expected + expected + "id\n2\n4\n")
        XCTAssertTrue(result.stderr.contains("loaded 4 rows into back (id integer, amount decimal(2), rate number, inn text, note text, d date, ts datetime, ok bool)"),
                      result.stderr)
    }
}
