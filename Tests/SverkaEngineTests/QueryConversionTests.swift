import SverkaEngine
import SverkaSyntax
import XCTest

/// `decimal(x)` and `date(x)`: text read exactly as amounts and dates, or null; numbers rescaled.
final class QueryConversionTests: QueryTestCase {
    private func money(_ text: String, scale: Int = 2) -> String? {
        TextConversion.decimal(Substring(text), scale: scale)?.description
    }

    func testTextAmountsAsPeopleWriteThem() {
        XCTAssertEqual(money("1234.5"), "1234.50")
        XCTAssertEqual(money(" -1 234,50 "), "-1234.50")
        XCTAssertEqual(money("1\u{00A0}234\u{00A0}567,89"), "1234567.89")
        XCTAssertEqual(money("1,234,567.89"), "1234567.89")
        XCTAssertEqual(money("1.234.567,89"), "1234567.89")
        XCTAssertEqual(money("1.234.567"), "1234567.00")
        XCTAssertEqual(money("+7"), "7.00")
        XCTAssertEqual(money("\u{2212}5,5"), "-5.50")
        XCTAssertEqual(money("0.125"), "0.13")
        XCTAssertEqual(money("-0.125"), "-0.13")
        XCTAssertEqual(money("2.5", scale: 0), "3")
        for bad in ["", "  ", "n/a", "-", "12 300 руб", "1.2.3,4,5", "1,5.5,5", "1e5", "--1", "9223372036854775807"] {
            XCTAssertNil(money(bad), bad)
        }
    }

    func testTextDatesInTwoOrders() {
        func date(_ text: String) -> String? { TextConversion.date(Substring(text))?.iso }
        XCTAssertEqual(date("2026-11-30"), "2026-11-30")
        XCTAssertEqual(date(" 2026-11-30 14:05 "), "2026-11-30")
        XCTAssertEqual(date("30.11.2026"), "2026-11-30")
        XCTAssertEqual(date("5.1.2026 0:00:00"), "2026-01-05")
        XCTAssertEqual(date("29.02.2024"), "2024-02-29")
        for bad in ["2026-02-30", "29.02.2026", "31.04.2026", "now", "2026/11/30", "30.11.26", "30.11.2026 25:00", "12345", ""] {
            XCTAssertNil(date(bad), bad)
        }
    }

    func testDecimalOfEveryType() throws {
        try makeTable("t", [("i", .integer), ("d4", .decimal(scale: 4)), ("n", .number), ("s", .text), ("d0", .decimal(scale: 0))],
                      rows: [[.integer(12), .integer(12_345), .real(2.5), .text("1 234,50"), .integer(7)],
                             [.integer(-3), .integer(-5), .real(-0.125), .text("x"), .null]])
        let result = try run("from t | select a = decimal(i), b = decimal(d4), c = decimal(n), d = decimal(s), e = decimal(d0), f = decimal(s, 3)")
        XCTAssertEqual(result.columns.map(\.type), [.decimal(scale: 2), .decimal(scale: 2), .decimal(scale: 2),
                                                    .decimal(scale: 2), .decimal(scale: 2), .decimal(scale: 3)])
        // Halves round away from zero (-0.125 is exact in binary, so this is the rule, not noise).
        XCTAssertEqual(result.rows.map { $0.map(\.description) }, [
            ["12.00", "1.23", "2.50", "1234.50", "7.00", "1234.500"],
            ["-3.00", "0.00", "-0.13", "", "", ""],
        ])
        XCTAssertEqual(try single("from t | group (total = sum(decimal(s)))"), .decimal(ExactDecimal(units: 123_450, scale: 2)))
    }

    func testDecimalErrors() {
        assertError(#"from deals | derive x = decimal("abc")"#, message: #""abc" is not a number"#, at: #""abc""#)
        assertError("from deals | derive x = decimal(closed_at)", message: "decimal() needs a number or text, but this is date",
                    at: "closed_at")
        assertError("from deals | derive x = decimal(amount, 12)", message: "decimal()'s places must be a whole number from 0 to 9",
                    at: "12")
        XCTAssertEqual(try? evaluate(#"decimal("1 234,5")"#), .decimal(ExactDecimal(units: 123_450, scale: 2)))
    }

    func testDateOfTextIsStrict() throws {
        try makeTable("t", [("s", .text)], rows: [[.text("2026-02-30")], [.text("05.11.2026")], [.text("now")], [.text("2026-11-30")]])
        XCTAssertEqual(try rows("from t | select d = date(s)").map { $0[0].description }, ["", "2026-11-05", "", "2026-11-30"])
        XCTAssertEqual(try evaluate(#"date("05.11.2026")"#), CalendarDate(year: 2026, month: 11, day: 5).map(Value.date))
    }
}
