import SverkaEngine
import SverkaSyntax
import XCTest

/// What the PostgreSQL dialect writes where the engines differ. Whether the SQL gives SQLite's
/// answers is checked on a real server by EndToEndTests/DialectGoldenTests; these pin the
/// shapes that make it so, without a server.
final class PostgresDialectTests: XCTestCase {
    let tables = FakeTables()
        .adding(table: "wh.deals", [("deal_id", .integer), ("stage", .text), ("amount", .decimal(scale: 2)),
                                    ("closed_at", .date), ("won", .bool)])

    private func sql(_ text: String) throws -> CompiledQuery {
        let source = SourceText(name: "test", text: text)
        return try QueryCompiler(dialect: PostgresDialect(), tables: tables, source: source)
            .compile(CompilerFixture.pipeline(of: source))
    }

    func testParametersAreTypedByACastSinceTheyTravelAsText() throws {
        let query = try sql(#"from wh.deals | where stage == "won" and amount > 1000 and closed_at >= @2026-01-01 and won == true"#)
        XCTAssertTrue(query.sql.contains("$1::text"), query.sql)
        XCTAssertTrue(query.sql.contains("$2::bigint"), query.sql)
        XCTAssertTrue(query.sql.contains("$3::date"), query.sql)
        XCTAssertTrue(query.sql.contains("$4::boolean"), query.sql)
        // 1000 rubles travel as 100000 kopecks, as the column holds minor units.
        XCTAssertEqual(query.parameters, [.text("won"), .integer(100_000), .text("2026-01-01"), .integer(1)])
        XCTAssertEqual(query.engine, "PostgreSQL")
    }

    func testSumsOfMinorUnitsStayBigintSoIntegerDivisionStaysExact() throws {
        let query = try sql("from wh.deals | group stage (total = sum(amount), mean = avg(amount), n = count())")
        XCTAssertTrue(query.sql.contains(#"CAST(sum("deals"."amount") AS bigint)"#), query.sql)
        XCTAssertTrue(query.sql.contains(#"CAST(round(avg("deals"."amount")) AS bigint)"#), query.sql)
    }

    func testNullsSortAsInSQLite() throws {
        let query = try sql("from wh.deals | sort closed_at, -amount")
        XCTAssertTrue(query.sql.hasSuffix(#"ORDER BY "deals"."closed_at" NULLS FIRST, "deals"."amount" DESC NULLS LAST"#), query.sql)
    }

    func testDivisionByZeroIsNullNotAnError() throws {
        let query = try sql("from wh.deals | select r = amount / 0, m = deal_id % 0")
        XCTAssertTrue(query.sql.contains("NULLIF("), query.sql)
        XCTAssertFalse(query.sql.contains("?"), "no SQLite placeholders: \(query.sql)")
    }

    func testDateFunctionsUseNativeDates() throws {
        let query = try sql("from wh.deals | select a = add_months(closed_at, 1), b = closed_at + 30, y = year(closed_at), ym = yearmonth(closed_at)")
        XCTAssertTrue(query.sql.contains("make_interval(months => "), query.sql)
        XCTAssertTrue(query.sql.contains("CAST(extract(year from "), query.sql)
        XCTAssertTrue(query.sql.contains("to_char("), query.sql)
        XCTAssertFalse(query.sql.contains("strftime"), query.sql)
    }

    func testMoneyAsTextKeepsItsPlaces() throws {
        let query = try sql("from wh.deals | select t = text(amount), b = text(won)")
        XCTAssertTrue(query.sql.contains(#"CAST(round(CAST("deals"."amount" AS numeric) / 100, 2) AS text)"#), query.sql)
        XCTAssertTrue(query.sql.contains("CASE WHEN"), query.sql)
    }

    func testAnAttachedTableIsReadThroughItsSourceSelect() throws {
        var schema = try XCTUnwrap(tables.schema(of: "wh.deals"))
        schema.sourceSQL = #"SELECT CAST("amount" * 100 AS bigint) AS "amount" FROM "public"."deals""#
        schema.columns = [ResultColumn(name: "amount", type: .decimal(scale: 2))]
        let source = SourceText(name: "test", text: "from wh.deals | group (total = sum(amount))")
        let query = try QueryCompiler(dialect: PostgresDialect(), tables: FakeTables([schema]), source: source)
            .compile(CompilerFixture.pipeline(of: source))
        XCTAssertTrue(query.sql.contains(#"FROM (SELECT CAST("amount" * 100 AS bigint) AS "amount" FROM "public"."deals") AS "deals""#),
                      query.sql)
    }

    func testSQLiteStillWritesWhatItWrote() throws {
        let source = SourceText(name: "test", text: "from wh.deals | sort closed_at | select e = ends_with(stage, \"n\"), n = number(stage)")
        let query = try QueryCompiler(tables: tables, source: source).compile(CompilerFixture.pipeline(of: source))
        XCTAssertTrue(query.sql.contains("ORDER BY \"deals\".\"closed_at\""), query.sql)
        XCTAssertFalse(query.sql.contains("NULLS"), query.sql)
        XCTAssertTrue(query.sql.contains("sverka_number("), query.sql)
        XCTAssertTrue(query.sql.contains("?1"), query.sql)
    }
}

/// `number(text)` reads plain numbers only, on both engines: SQLite's own cast would make 'abc' 0.
final class TextNumberTests: XCTestCase {
    func testPlainNumbersAreRead() {
        XCTAssertEqual(TextConversion.number("12"), 12)
        XCTAssertEqual(TextConversion.number(" -1.5 "), -1.5)
        XCTAssertEqual(TextConversion.number(".5"), 0.5)
        XCTAssertEqual(TextConversion.number("5."), 5)
        XCTAssertEqual(TextConversion.number("+2e3"), 2000)
        XCTAssertEqual(TextConversion.number("2E-2"), 0.02)
    }

    func testAnythingElseIsNull() {
        for text in ["", "abc", "12abc", "1 234", "1,5", "1.2.3", "e5", "2e", "--1", "inf", "nan", "0x1p3", "."] {
            XCTAssertNil(TextConversion.number(Substring(text)), text)
        }
    }
}
