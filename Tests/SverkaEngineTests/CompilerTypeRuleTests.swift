import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// How values of different logical types combine: money scales aligned exactly (constants at
/// compile time), dates as dates, and every mismatch a diagnostic at the right place.
final class CompilerTypeRuleTests: CompilerTestCase {
    private let deals = CompilerFixture.dealsColumns
    /// deals joined to rates (rate decimal(4), ratio number, at datetime, active bool, qty integer).
    private let withRates = "from deals | join rates on rates.code == deals.stage"

    /// The SQL, parameters and type of `derive x = EXPRESSION` over deals joined to rates.
    private func assertDerived(_ expression: String, _ sql: String, _ parameters: [StoredValue] = [], type: LogicalType,
                               file: StaticString = #filePath, line: UInt = #line) {
        let text = "\(withRates) | select x = \(expression)"
        assertSQL(text, "SELECT \(sql) AS \"x\" FROM \"deals\" JOIN \"rates\" ON (\"rates\".\"code\" = \"deals\".\"stage\")",
                  parameters, file: file, line: line)
        XCTAssertEqual(columns(text, file: file, line: line).first?.type, type, expression, file: file, line: line)
    }

    /// The WHERE clause and parameters of `from deals | where CONDITION`.
    private func assertCondition(_ condition: String, _ sql: String, _ parameters: [StoredValue] = [],
                                 variables: [String: Value] = [:], file: StaticString = #filePath, line: UInt = #line) {
        assertSQL("from deals | where \(condition)", "SELECT \(deals) FROM \"deals\" WHERE \(sql)", parameters,
                  variables: variables, file: file, line: line)
    }

    // MARK: - decimal scales in comparisons

    func testIntegerLiteralComparedWithMoneyIsRescaledAtCompileTime() {
        assertCondition("amount > 1000", #"("deals"."amount" > ?1)"#, [.integer(100_000)])
        assertCondition("amount > 1_000_000", #"("deals"."amount" > ?1)"#, [.integer(100_000_000)])
        assertCondition("amount > 2M", #"("deals"."amount" > ?1)"#, [.integer(200_000_000)])
        assertCondition("amount > -1.5", #"("deals"."amount" > ?1)"#, [.integer(-150)])
    }

    func testDecimalLiteralsOfFewerPlacesAreRescaled() {
        assertCondition("amount > 0.5", #"("deals"."amount" > ?1)"#, [.integer(50)])
        assertCondition("amount == 12.50", #"("deals"."amount" = ?1)"#, [.integer(1250)])
        assertCondition("amount < 20%", #"("deals"."amount" < ?1)"#, [.integer(20)])
    }

    func testALiteralWithMorePlacesRescalesTheColumnInstead() {
        // Never rounds the literal: 12.345 stays 12345 thousandths and the column is multiplied.
        assertCondition("amount >= 12.345", #"(("deals"."amount" * 10) >= ?1)"#, [.integer(12345)])
        assertCondition("deal_id > 2.5", #"(("deals"."deal_id" * 10) > ?1)"#, [.integer(25)])
    }

    func testInListAndBetweenAlignEveryItem() {
        assertCondition("amount in (1, 2.5, 3)", #"("deals"."amount" IN (?1, ?2, ?3))"#,
                        [.integer(100), .integer(250), .integer(300)])
        assertCondition("amount between 10 and 20.5", #"("deals"."amount" >= ?1 AND "deals"."amount" <= ?2)"#,
                        [.integer(1000), .integer(2050)])
    }

    func testManyRescaledItemsAreRenumberedPastNine() {
        // Each integer is bound, then bound again rescaled: 24 parameters, of which 12 are used.
        let items = (1...12).map(String.init).joined(separator: ", ")
        let placeholders = (1...12).map { "?\($0)" }.joined(separator: ", ")
        assertCondition("amount in (\(items))", "(\"deals\".\"amount\" IN (\(placeholders)))", (1...12).map { .integer(Int64($0) * 100) })
    }

    func testTwoDecimalColumnsOfDifferentScalesCompareAtTheLargerScale() {
        assertDerived("amount > rate", #"(("deals"."amount" * 100) > "rates"."rate")"#, type: .bool)
        assertDerived("qty == amount", #"(("rates"."qty" * 100) = "deals"."amount")"#, type: .bool)
    }

    func testNumberComparedWithMoneyComparesAsFloatingPoint() {
        assertDerived("amount > ratio", #"((CAST("deals"."amount" AS REAL) / 100) > "rates"."ratio")"#, type: .bool)
    }

    func testVariablesAreConstantsAndRescaledLikeLiterals() {
        assertCondition("amount > $min", #"("deals"."amount" > ?1)"#, [.integer(100_000)], variables: ["min": .integer(1000)])
        assertCondition("amount >= $min", #"(("deals"."amount" * 10) >= ?1)"#, [.integer(12345)],
                        variables: ["min": .decimal(ExactDecimal(units: 12345, scale: 3))])
        assertCondition("amount > $ratio", #"((CAST("deals"."amount" AS REAL) / 100) > ?1)"#, [.real(0.5)],
                        variables: ["ratio": .number(0.5)])
        assertCondition("closed_at <= $as_of and stage == $stage", #"(("deals"."closed_at" <= ?1) AND ("deals"."stage" = ?2))"#,
                        [.text("2026-11-30"), .text("won")],
                        variables: ["as_of": .date(CalendarDate(year: 2026, month: 11, day: 30)!), "stage": .text("won")])
    }

    // MARK: - decimal arithmetic

    func testAddingAnIntegerToMoneyKeepsTheScale() {
        assertDerived("amount + 1", #"("deals"."amount" + ?1)"#, [.integer(100)], type: .decimal(scale: 2))
        assertDerived("1 - amount", #"(?1 - "deals"."amount")"#, [.integer(100)], type: .decimal(scale: 2))
        assertDerived("amount + qty", #"("deals"."amount" + ("rates"."qty" * 100))"#, type: .decimal(scale: 2))
    }

    func testAddingDecimalsOfDifferentScalesRescalesTheSmaller() {
        assertDerived("amount - rate", #"(("deals"."amount" * 100) - "rates"."rate")"#, type: .decimal(scale: 4))
        assertDerived("amount + 0.001", #"(("deals"."amount" * 10) + ?1)"#, [.integer(1)], type: .decimal(scale: 3))
    }

    func testMultiplyingDecimalsAddsTheirScales() {
        assertDerived("amount * rate", #"("deals"."amount" * "rates"."rate")"#, type: .decimal(scale: 6))
        assertDerived("amount * amount", #"("deals"."amount" * "deals"."amount")"#, type: .decimal(scale: 4))
        assertDerived("amount * 1.5", #"("deals"."amount" * ?1)"#, [.integer(15)], type: .decimal(scale: 3))
        assertDerived("amount * 20%", #"("deals"."amount" * ?1)"#, [.integer(20)], type: .decimal(scale: 4))
        assertDerived("amount * qty", #"("deals"."amount" * "rates"."qty")"#, type: .decimal(scale: 2))
        assertDerived("qty * 3", #"("rates"."qty" * ?1)"#, [.integer(3)], type: .integer)
    }

    func testAProductBeyondNinePlacesFallsBackToNumber() {
        assertDerived("rate * rate * amount",
                      #"((CAST(("rates"."rate" * "rates"."rate") AS REAL) / 100000000) * (CAST("deals"."amount" AS REAL) / 100))"#,
                      type: .number)
    }

    func testDivisionAlwaysGivesANumber() {
        assertDerived("amount / 3", #"((CAST("deals"."amount" AS REAL) / 100) / CAST(?1 AS REAL))"#, [.integer(3)], type: .number)
        assertDerived("qty / 2", #"(CAST("rates"."qty" AS REAL) / CAST(?1 AS REAL))"#, [.integer(2)], type: .number)
        assertDerived("amount / rate", #"((CAST("deals"."amount" AS REAL) / 100) / (CAST("rates"."rate" AS REAL) / 10000))"#,
                      type: .number)
    }

    func testMoneyWithANumberIsANumber() {
        assertDerived("amount + ratio", #"((CAST("deals"."amount" AS REAL) / 100) + "rates"."ratio")"#, type: .number)
    }

    func testModuloAndNegation() {
        assertDerived("qty % 3", #"("rates"."qty" % ?1)"#, [.integer(3)], type: .integer)
        assertDerived("-amount", #"(-"deals"."amount")"#, type: .decimal(scale: 2))
        assertDerived("-(-2.5)", "?1", [.integer(25)], type: .decimal(scale: 1))
    }

    func testSumKeepsTheScaleOfItsArgument() {
        let text = "\(withRates) | group (a = sum(amount), b = sum(amount * rate), c = sum(qty), d = sum(amount) + 1, e = sum(ratio))"
        assertSQL(text, #"SELECT sum("deals"."amount") AS "a", sum(("deals"."amount" * "rates"."rate")) AS "b", sum("rates"."qty") AS "c", "#
                      + #"(sum("deals"."amount") + ?1) AS "d", sum("rates"."ratio") AS "e" FROM "deals" JOIN "rates" ON ("rates"."code" = "deals"."stage")"#,
                  [.integer(100)])
        XCTAssertEqual(columns(text).map(\.type), [.decimal(scale: 2), .decimal(scale: 6), .integer, .decimal(scale: 2), .number])
    }

    func testRoundTruncationAndConversionTypes() {
        assertDerived("round(amount, 1)",
                      #"(CASE WHEN "deals"."amount" >= 0 THEN ("deals"."amount" + 5) / 10 ELSE -((-"deals"."amount" + 5) / 10) END)"#,
                      type: .decimal(scale: 1))
        assertDerived("round(amount)",
                      #"(CASE WHEN "deals"."amount" >= 0 THEN ("deals"."amount" + 50) / 100 ELSE -((-"deals"."amount" + 50) / 100) END)"#,
                      type: .decimal(scale: 0))
        assertDerived("round(amount, 4)", #""deals"."amount""#, type: .decimal(scale: 2))
        assertDerived("round(ratio)", #"CAST(round("rates"."ratio") AS INTEGER)"#, type: .integer)
        assertDerived("round(ratio, 2)", #"round("rates"."ratio", 2)"#, type: .number)
        assertDerived("number(amount)", #"(CAST("deals"."amount" AS REAL) / 100)"#, type: .number)
        assertDerived("int(amount)", #"CAST((CAST("deals"."amount" AS REAL) / 100) AS INTEGER)"#, type: .integer)
        // Text: only a plain number is read (sverka_number), never SQLite's prefix or 0.
        assertDerived("number(stage)", #"sverka_number("deals"."stage")"#, type: .number)
    }

    // MARK: - dates

    func testDatePlusOrMinusDays() {
        assertDerived("closed_at + 30", #"date("deals"."closed_at", (?1) || ' days')"#, [.integer(30)], type: .date)
        assertDerived("closed_at - 7", #"date("deals"."closed_at", ((-?1)) || ' days')"#, [.integer(7)], type: .date)
        assertDerived("30 + closed_at", #"date("deals"."closed_at", (?1) || ' days')"#, [.integer(30)], type: .date)
        assertDerived("closed_at + qty", #"date("deals"."closed_at", ("rates"."qty") || ' days')"#, type: .date)
    }

    func testDateMinusDateIsWholeDays() {
        assertDerived("closed_at - @2026-01-01", #"CAST(julianday("deals"."closed_at") - julianday(?1) AS INTEGER)"#,
                      [.text("2026-01-01")], type: .integer)
        assertDerived("@2026-12-31 - closed_at", #"CAST(julianday(?1) - julianday("deals"."closed_at") AS INTEGER)"#,
                      [.text("2026-12-31")], type: .integer)
    }

    func testDateComparedWithAnISOStringLiteralReadsItAsADate() {
        assertCondition(#"closed_at >= "2026-01-01""#, #"("deals"."closed_at" >= ?1)"#, [.text("2026-01-01")])
        assertCondition(#"closed_at between "2026-01-01" and @2026-03-31"#,
                        #"("deals"."closed_at" >= ?1 AND "deals"."closed_at" <= ?2)"#, [.text("2026-01-01"), .text("2026-03-31")])
        assertDerived(#"at >= @2026-01-01T09:30"#, #"("rates"."at" >= ?1)"#, [.text("2026-01-01 09:30:00")], type: .bool)
        assertDerived(#"at < "2026-01-01 09:30""#, #"("rates"."at" < ?1)"#, [.text("2026-01-01 09:30:00")], type: .bool)
    }

    // MARK: - text, bool, null

    func testTextPlusTextConcatenates() {
        assertDerived("stage + region", #"("deals"."stage" || "deals"."region")"#, type: .text)
        assertDerived(#"stage + ": " + code"#, #"(("deals"."stage" || ?1) || "rates"."code")"#, [.text(": ")], type: .text)
        assertDerived("stage + null", #"("deals"."stage" || NULL)"#, type: .text)
    }

    func testEqualsNullMeansIsNull() {
        assertCondition("closed_at == null", #"("deals"."closed_at" IS NULL)"#)
        assertCondition("closed_at = null", #"("deals"."closed_at" IS NULL)"#)
        assertCondition("closed_at != null", #"("deals"."closed_at" IS NOT NULL)"#)
        assertCondition("amount * 2 == null", #"(("deals"."amount" * ?1) IS NULL)"#, [.integer(2)])
    }

    func testNullOnTheLeftOfEqualsMeansIsNullToo() throws {
        // BUG: only `x == null` is rewritten; `null == x` compiles to `(NULL = x)`, which is never true.
        let sql = sqlOrError("from deals | where null == closed_at")
        try skipKnownBug(sql.hasSuffix(#"WHERE (NULL = "deals"."closed_at")"#),
                         "`where null == closed_at` compiles to `WHERE (NULL = \"deals\".\"closed_at\")` (never true); expected IS NULL")
        assertCondition("null == closed_at", #"("deals"."closed_at" IS NULL)"#)
        assertCondition("null != closed_at", #"("deals"."closed_at" IS NOT NULL)"#)
    }

    func testBoolColumnsAreConditions() {
        assertDerived("active and qty > 1", #"("rates"."active" AND ("rates"."qty" > ?1))"#, [.integer(1)], type: .bool)
        assertDerived("active == true", #"("rates"."active" = ?1)"#, [.integer(1)], type: .bool)
        assertDerived("not active", #"(NOT "rates"."active")"#, type: .bool)
    }

    func testBranchesOfIfAndCoalesceAreUnified() {
        assertDerived("if(amount > 0, amount, 0)", #"(CASE WHEN ("deals"."amount" > ?1) THEN "deals"."amount" ELSE ?2 END)"#,
                      [.integer(0), .integer(0)], type: .decimal(scale: 2))
        assertDerived("if(active, qty, amount)", #"(CASE WHEN "rates"."active" THEN ("rates"."qty" * 100) ELSE "deals"."amount" END)"#,
                      type: .decimal(scale: 2))
        assertDerived("coalesce(amount, 0.5)", #"coalesce("deals"."amount", ?1)"#, [.integer(50)], type: .decimal(scale: 2))
        assertDerived("coalesce(closed_at, \"2026-01-01\")", #"coalesce("deals"."closed_at", ?1)"#, [.text("2026-01-01")], type: .date)
        assertDerived("greatest(amount, rate)", #"max(("deals"."amount" * 100), "rates"."rate")"#, type: .decimal(scale: 4))
    }

    func testMoneyAsTextKeepsEveryDigitAndTheSign() {
        assertDerived("text(amount)",
                      #"(CASE WHEN "deals"."amount" < 0 THEN '-' ELSE '' END || CAST(abs("deals"."amount") / 100 AS TEXT) || '.' || "#
                          + #"substr('00' || CAST(abs("deals"."amount") % 100 AS TEXT), -2))"#,
                      type: .text)
    }

    // MARK: - mismatches: message and span

    func testComparingIncompatibleTypesPointsAtTheComparison() {
        assertError("from deals | where stage > 5", message: "cannot compare text with integer", at: "stage > 5",
                    hint: "convert one side, e.g. text(x), or number(x) for a number stored as text")
        assertError(#"from deals | where amount == "x""#, message: "cannot compare decimal(2) with text", at: #"amount == "x""#)
        assertError("from deals | where closed_at > 5", message: "cannot compare date with integer", at: "closed_at > 5")
        assertError(#"from deals | where closed_at >= "soon""#, message: "cannot compare date with text",
                    at: #"closed_at >= "soon""#)
        assertError("from deals | join rates on rates.code == deals.stage | where active == 1",
                    message: "cannot compare bool with integer", at: "active == 1")
    }

    func testMismatchInAListOrRangePointsAtTheOffendingItem() {
        assertError(#"from deals | where stage in ("won", 1, "lost")"#, message: "cannot compare text with integer", at: "1")
        assertError(#"from deals | where closed_at between @2026-01-01 and 5"#, message: "cannot compare date with integer", at: "5")
        assertError(#"from deals | derive x = coalesce(amount, "none")"#, message: "cannot compare decimal(2) with text",
                    at: #""none""#)
        assertError(#"from deals | derive x = if(amount > 0, amount, "none")"#, message: "cannot compare decimal(2) with text",
                    at: #""none""#)
    }

    func testMismatchAfterACompatibleNumericItemBlamesTheRealCulprit() throws {
        // BUG: unify() compares every item with the first typed one for equality, so an integer
        // next to money is reported as the mismatch, not the text that really is one.
        let text = #"from deals | where amount between 1 and "x""#
        let error = compileError(text)
        try skipKnownBug(error.message == "cannot compare decimal(2) with integer",
                         #"`where amount between 1 and "x"` reports "cannot compare decimal(2) with integer" at `1`; "#
                             + #"expected "cannot compare decimal(2) with text" at `"x"`"#)
        assertError(text, message: "cannot compare decimal(2) with text", at: #""x""#)
        assertError(#"from deals | where amount in (1, 2.5, "x")"#, message: "cannot compare decimal(2) with text", at: #""x""#)
    }

    func testSpansAreByteOffsetsEvenAfterCyrillicText() {
        let text = "from deals | derive город = region | where город > 5"
        assertError(text, message: "cannot compare text with integer", at: "город > 5")
        let error = compileError(text)
        // "город" is 5 characters but 10 bytes: the span counts bytes.
        XCTAssertEqual(error.span?.length, "город > 5".utf8.count)
    }

    func testArithmeticMismatchesPointAtTheOperation() {
        assertError("from deals | derive x = stage - 1", message: "cannot apply '-' to text and integer", at: "stage - 1",
                    hint: "convert the text first, e.g. number(x)")
        assertError("from deals | derive x = stage + 1", message: "cannot apply '+' to text and integer", at: "stage + 1",
                    hint: "to join text with other values use concat(a, b)")
        assertError("from deals | derive x = closed_at * 2", message: "cannot apply '*' to date and integer", at: "closed_at * 2",
                    hint: "dates take whole days: d + 30, d - 7, and d1 - d2 gives the days between them")
        assertError("from deals | derive x = closed_at + closed_at", message: "cannot apply '+' to date and date",
                    at: "closed_at + closed_at")
        assertError("from deals | derive x = closed_at + 1.5", message: "cannot apply '+' to date and decimal(1)",
                    at: "closed_at + 1.5")
        assertError("from deals | derive x = 5 - closed_at", message: "cannot apply '-' to integer and date", at: "5 - closed_at")
        assertError("from deals | derive x = amount % 3", message: "'%' takes whole numbers, not decimal(2) and integer",
                    at: "amount % 3")
        assertError("from deals | derive x = -stage", message: "cannot negate text", at: "-stage")
        assertError("from deals | join rates on rates.code == deals.stage | derive x = active + 1",
                    message: "cannot apply '+' to bool and integer", at: "active + 1")
    }

    func testConditionsMustBeTrueOrFalse() {
        assertError("from deals | where amount", message: "'where' needs a condition that is true or false, but this is decimal(2)",
                    at: "amount", hint: "compare it with something, e.g. amount > 0")
        assertError("from deals | join clients on deals.client_id",
                    message: "'on' needs a condition that is true or false, but this is integer", at: "deals.client_id")
        assertError("from deals | where not amount", message: "'not' needs a condition, but this is decimal(2)", at: "amount")
        assertError(#"from deals | where stage == "a" and amount"#, message: "'and' joins conditions, but this is decimal(2)",
                    at: "amount")
        assertError(#"from deals | where region or stage == "a""#, message: "'or' joins conditions, but this is text", at: "region")
        assertError("from deals | derive x = if(amount, 1, 2)", message: "if() needs a condition first, but this is decimal(2)",
                    at: "amount")
    }

    func testFunctionArgumentTypes() {
        assertError("from deals | group (s = sum(stage))", message: "sum() needs a number, but this is text", at: "stage")
        assertError("from deals | group (a = avg(closed_at))", message: "avg() needs a number, but this is date", at: "closed_at")
        assertError("from deals | derive x = year(stage)", message: "year() needs a date, but this is text", at: "stage")
        assertError("from deals | derive x = days_between(closed_at, 5)", message: "days_between() needs a date, but this is integer",
                    at: "5")
        assertError("from deals | derive x = lower(amount)", message: "lower() needs text, but this is decimal(2)", at: "amount")
        assertError("from deals | derive x = length(deal_id)", message: "length() needs text, but this is integer", at: "deal_id")
        assertError("from deals | derive x = add_months(closed_at, 1.5)",
                    message: "add_months() needs a whole number, but this is decimal(1)", at: "1.5")
        assertError("from deals | derive x = round(stage)", message: "round() needs a number, but this is text", at: "stage")
        assertError("from deals | derive x = round(amount, 10)", message: "round()'s places must be a whole number from 0 to 9",
                    at: "10")
        assertError("from deals | derive x = round(amount, deal_id)", message: "round()'s places must be a whole number from 0 to 9",
                    at: "deal_id")
        assertError(#"from deals | derive x = date("2026-02-30")"#, message: #""2026-02-30" is not a date"#, at: #""2026-02-30""#,
                    hint: "write dates as yyyy-MM-dd, or @2026-11-30")
    }

    func testTextPredicatesCheckTheirArgumentTypes() throws {
        // BUG: contains/starts_with/ends_with accept any type: on money they search the minor units as text.
        let sql = sqlOrError(#"from deals | derive x = contains(amount, "12.5")"#)
        try skipKnownBug(!sql.hasPrefix("error:"),
                         #"`derive x = contains(amount, "12.5")` compiles to instr("deals"."amount", ?1) — it searches "1250" for "12.5" "#
                             + "and is false for 12.50; expected: contains() needs text, but this is decimal(2)")
        assertError(#"from deals | derive x = contains(amount, "12.5")"#, message: "contains() needs text, but this is decimal(2)",
                    at: "amount")
        assertError("from deals | derive x = starts_with(stage, 1)", message: "starts_with() needs text, but this is integer",
                    at: "1")
    }
}
