import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Date and text functions run on SQLite, checked against Foundation's calendar and Swift strings.
final class QueryFunctionTests: QueryTestCase {
    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    private func foundationDate(_ iso: String) -> Date {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    private func isoValue(_ date: Date) -> Value {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return .date(CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!)
    }

    /// Leap days, month and year ends, every weekday, and the century rules (2000 leap, 2100 not).
    private let days = ["2024-02-10", "2024-02-29", "2024-12-31", "2026-01-01", "2026-03-29", "2026-11-30",
                        "2026-06-15", "2000-02-15", "2100-02-01", "2026-02-28", "2027-01-04"]

    private func loadDays() throws {
        try load("id,d\n" + days.enumerated().map { "\($0.offset + 1),\($0.element)" }.joined(separator: "\n") + "\n", as: "days",
                 types: ["id": .integer, "d": .date])
        XCTAssertEqual(workspace.catalog.schema(of: "days")?.columns.last?.type, .date)
    }

    // MARK: - dates

    func testDatePartsMatchTheGregorianCalendar() throws {
        try loadDays()
        let result = try run("from days | sort id | select y = year(d), m = month(d), dd = day(d), q = quarter(d), w = weekday(d), ym = yearmonth(d)")
        XCTAssertEqual(result.columns.map(\.type), [.integer, .integer, .integer, .integer, .integer, .text])
        XCTAssertEqual(result.rows, days.map { iso -> [Value] in
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: foundationDate(iso))
            // Foundation counts Sunday 1 … Saturday 7; ISO counts Monday 1 … Sunday 7.
            let isoWeekday = (parts.weekday! + 5) % 7 + 1
            let month = parts.month!
            return [.integer(Int64(parts.year!)), .integer(Int64(month)), .integer(Int64(parts.day!)),
                    .integer(Int64((month - 1) / 3 + 1)), .integer(Int64(isoWeekday)),
                    .text(String(iso.prefix(7)))]
        })
    }

    func testWeekdayIsMondayOneToSundaySeven() throws {
        // 2024-01-01 was a Monday.
        for offset in 0..<14 {
            XCTAssertEqual(try evaluate("weekday(@2024-01-01 + \(offset))"), .integer(Int64(offset % 7 + 1)),
                           "2024-01-01 + \(offset)")
        }
        XCTAssertEqual(try evaluate("weekday(@2024-01-01)"), .integer(1))
        XCTAssertEqual(try evaluate("weekday(@2024-01-07)"), .integer(7))
        XCTAssertEqual(try evaluate("weekday(@2026-11-30)"), .integer(1))
    }

    func testQuarterBoundaries() throws {
        for (month, quarter) in [(1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4)] {
            let date = "@2026-\(month < 10 ? "0" : "")\(month)-15"
            XCTAssertEqual(try evaluate("quarter(\(date))"), .integer(Int64(quarter)), date)
        }
    }

    func testStartAndEndOfMonthAndYear() throws {
        try loadDays()
        let result = try run("from days | sort id | select s = start_of_month(d), e = end_of_month(d), y = start_of_year(d)")
        XCTAssertEqual(result.columns.map(\.type), [.date, .date, .date])
        XCTAssertEqual(result.rows, days.map { iso -> [Value] in
            let date = foundationDate(iso)
            let start = calendar.date(from: calendar.dateComponents([.year, .month], from: date))!
            let length = calendar.range(of: .day, in: .month, for: date)!.count
            let end = calendar.date(byAdding: .day, value: length - 1, to: start)!
            let year = calendar.date(from: calendar.dateComponents([.year], from: date))!
            return [isoValue(start), isoValue(end), isoValue(year)]
        })
    }

    func testEndOfFebruaryInLeapAndCommonYears() throws {
        XCTAssertEqual(try evaluate("end_of_month(@2024-02-10)"), day("2024-02-29"))
        XCTAssertEqual(try evaluate("end_of_month(@2024-02-29)"), day("2024-02-29"))
        XCTAssertEqual(try evaluate("end_of_month(@2026-02-01)"), day("2026-02-28"))
        XCTAssertEqual(try evaluate("end_of_month(@2000-02-15)"), day("2000-02-29"))
        XCTAssertEqual(try evaluate("end_of_month(@2100-02-15)"), day("2100-02-28"))
        XCTAssertEqual(try evaluate("end_of_month(@2026-12-31)"), day("2026-12-31"))
    }

    func testDatePlusAndMinusDaysAndDaysBetween() throws {
        try loadDays()
        let result = try run("from days | sort id | select later = d + 30, earlier = d - 7, also = add_days(d, -400), "
                                 + "since = d - @2024-01-01, until = days_between(d, @2024-01-01)")
        XCTAssertEqual(result.columns.map(\.type), [.date, .date, .date, .integer, .integer])
        let origin = foundationDate("2024-01-01")
        XCTAssertEqual(result.rows, days.map { iso -> [Value] in
            let date = foundationDate(iso)
            let since = calendar.dateComponents([.day], from: origin, to: date).day!
            return [isoValue(calendar.date(byAdding: .day, value: 30, to: date)!),
                    isoValue(calendar.date(byAdding: .day, value: -7, to: date)!),
                    isoValue(calendar.date(byAdding: .day, value: -400, to: date)!),
                    .integer(Int64(since)), .integer(Int64(-since))]
        })
    }

    func testDayArithmeticAcrossLeapDaysAndYearEnds() throws {
        XCTAssertEqual(try evaluate("@2024-02-28 + 1"), day("2024-02-29"))
        XCTAssertEqual(try evaluate("@2024-03-01 - 1"), day("2024-02-29"))
        XCTAssertEqual(try evaluate("@2023-03-01 - 1"), day("2023-02-28"))
        XCTAssertEqual(try evaluate("@2024-12-31 + 1"), day("2025-01-01"))
        XCTAssertEqual(try evaluate("1 + @2024-12-31"), day("2025-01-01"))
        XCTAssertEqual(try evaluate("@2025-01-01 - @2024-01-01"), .integer(366))
        XCTAssertEqual(try evaluate("@2026-01-01 - @2025-01-01"), .integer(365))
        XCTAssertEqual(try evaluate("days_between(@2026-11-30, @2026-11-01)"), .integer(-29))
    }

    func testAddMonthsWithinTheMonth() throws {
        XCTAssertEqual(try evaluate("add_months(@2024-01-15, 1)"), day("2024-02-15"))
        XCTAssertEqual(try evaluate("add_months(@2024-11-15, 3)"), day("2025-02-15"))
        XCTAssertEqual(try evaluate("add_months(@2024-03-15, -2)"), day("2024-01-15"))
        XCTAssertEqual(try evaluate("add_months(@2024-02-28, 12)"), day("2025-02-28"))
    }

    func testAddMonthsClampsToTheEndOfAShorterMonth() throws {
        // BUG: SQLite's '+N months' overflows into the next month: 2024-01-31 + 1 month = 2024-03-02.
        // Foundation (like PostgreSQL and spreadsheets' EDATE) gives the last day of February.
        let actual = try evaluate("add_months(@2024-01-31, 1)")
        try skipKnownBug(actual == day("2024-03-02"),
                         "add_months(@2024-01-31, 1) gives 2024-03-02; expected 2024-02-29 (end of the shorter month)")
        for (start, months) in [("2024-01-31", 1), ("2025-01-31", 1), ("2024-03-31", -1), ("2024-08-31", 1), ("2024-02-29", 12)] {
            let expected = isoValue(calendar.date(byAdding: .month, value: months, to: foundationDate(start))!)
            XCTAssertEqual(try evaluate("add_months(@\(start), \(months))"), expected, "add_months(\(start), \(months))")
        }
    }

    func testDateArithmeticWithANullNumberOfDaysIsNull() throws {
        // BUG: printf('%+d days', NULL) is '+0 days', so a date plus a null number of days is the date itself.
        try makeTable("t", [("d", .date), ("n", .integer)], rows: [[.text("2026-01-15"), .null]])
        let actual = try rows("from t | select a = d + n, b = add_days(d, n), c = add_months(d, n)")
        try skipKnownBug(actual.first?.first == day("2026-01-15"),
                         "`d + n` with n null gives d (\(actual)); expected null, as for any arithmetic with null")
        XCTAssertEqual(actual, [[.null, .null, .null]])
    }

    func testDateFunctionsOfNullAreNull() throws {
        try makeTable("t", [("d", .date)], rows: [[.null]])
        XCTAssertEqual(try rows("from t | select y = year(d), w = weekday(d), e = end_of_month(d), p = d + 1, b = days_between(d, @2026-01-01)"),
                       [[.null, .null, .null, .null, .null]])
    }

    func testGroupByYearMonthAndQuarter() throws {
        try loadSampleTables()
        var byMonth: [String: Int64] = [:]
        for deal in Self.sampleDeals { byMonth[deal.closed.map { String($0.prefix(7)) } ?? "", default: 0] += deal.cents }
        let result = try rows("from deals | where closed_at != null | group month = yearmonth(closed_at) (total = sum(amount)) | sort month")
        XCTAssertEqual(result, byMonth.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }.map {
            [.text($0.key), .decimal(ExactDecimal(units: $0.value, scale: 2))]
        })
        XCTAssertEqual(try rows("from deals | where closed_at != null | group q = quarter(closed_at) (n = count())"),
                       [[.integer(1), .integer(6)]])
    }

    func testFilteringDatesWithLiteralsStringsAndVariables() throws {
        try loadSampleTables()
        func ids(_ condition: String, _ variables: [String: Value] = [:]) throws -> [Value] {
            try rows("from deals | where \(condition) | sort deal_id | select deal_id", variables: variables).map { $0[0] }
        }
        func expected(_ predicate: (String) -> Bool) -> [Value] {
            Self.sampleDeals.filter { $0.closed.map(predicate) ?? false }.map { .integer($0.id) }
        }
        XCTAssertEqual(try ids("closed_at >= @2026-02-20"), expected { $0 >= "2026-02-20" })
        XCTAssertEqual(try ids(#"closed_at < "2026-02-01""#), expected { $0 < "2026-02-01" })
        XCTAssertEqual(try ids(#"closed_at between "2026-02-01" and @2026-02-28"#), expected { $0 >= "2026-02-01" && $0 <= "2026-02-28" })
        XCTAssertEqual(try ids("closed_at <= $as_of", ["as_of": day("2026-01-15")]), expected { $0 <= "2026-01-15" })
        XCTAssertEqual(try ids("month(closed_at) == 3"), expected { $0.dropFirst(5).hasPrefix("03") })
        XCTAssertEqual(try ids("closed_at == null"), [.integer(5)])
        XCTAssertEqual(try ids("closed_at + 30 > @2026-03-25"), expected {
            calendar.date(byAdding: .day, value: 30, to: foundationDate($0))! > foundationDate("2026-03-25")
        })
    }

    func testDatetimeComparedWithADateTreatsTheDateAsMidnight() throws {
        // BUG: both are compared as text, so '2026-01-01 00:00:00' is neither equal to nor <= @2026-01-01
        // (PostgreSQL, the other dialect, casts the date to midnight and finds it equal).
        try makeTable("events", [("id", .integer), ("at", .datetime)],
                      rows: [[.integer(1), .text("2026-01-01 00:00:00")], [.integer(2), .text("2026-01-01 10:30:00")],
                             [.integer(3), .text("2025-12-31 23:59:59")]])
        let equal = try rows("from events | where at == @2026-01-01 | select id")
        try skipKnownBug(equal.isEmpty,
                         "`where at == @2026-01-01` finds no row although one is at '2026-01-01 00:00:00'; "
                             + "`at <= @2026-01-01` likewise leaves it out (text comparison of a datetime with a date)")
        XCTAssertEqual(equal, [[.integer(1)]])
        XCTAssertEqual(try rows("from events | where at <= @2026-01-01 | sort id | select id"), [[.integer(1)], [.integer(3)]])
    }

    func testDatetimeParts() throws {
        try makeTable("events", [("at", .datetime)], rows: [[.text("2026-11-30 23:59:59")]])
        XCTAssertEqual(try rows("from events | select y = year(at), ym = yearmonth(at), w = weekday(at), d = days_between(@2026-11-01, at)"),
                       [[.integer(2026), .text("2026-11"), .integer(1), .integer(29)]])
        XCTAssertEqual(try rows("from events | where at > @2026-11-30 and at < @2026-11-30T23:59:59 | select at"), [])
        XCTAssertEqual(try rows("from events | where at > @2026-11-30T23:59 | select at"),
                       [[.datetime(CalendarDateTime(date: CalendarDate(year: 2026, month: 11, day: 30)!, hour: 23, minute: 59, second: 59)!)]])
    }

    func testTodayIsTheMachinesDate() throws {
        XCTAssertEqual(try evaluate("today()"), .date(CalendarDate.today()))
        XCTAssertEqual(try evaluate(#"date("2026-11-30")"#), day("2026-11-30"))
    }

    // MARK: - text

    func testLengthAndSubstrCountCharactersNotBytes() throws {
        XCTAssertEqual(try evaluate(#"length("Москва")"#), .integer(6))
        XCTAssertEqual(try evaluate(#"length("Ёлки-палки")"#), .integer(Int64("Ёлки-палки".count)))
        XCTAssertEqual(try evaluate(#"substr("Москва", 2, 3)"#), .text("оск"))
        XCTAssertEqual(try evaluate(#"substr("Москва", 4)"#), .text("ква"))
    }

    func testTrimReplaceAndConcatenationOnCyrillic() throws {
        XCTAssertEqual(try evaluate(#"trim("  Санкт-Петербург ")"#), .text("Санкт-Петербург"))
        XCTAssertEqual(try evaluate(#"replace("Москва-Москва", "ск", "СК")"#), .text("МоСКва-МоСКва"))
        XCTAssertEqual(try evaluate(#""Санкт" + "-" + "Петербург""#), .text("Санкт-Петербург"))
        XCTAssertEqual(try evaluate(#"concat("Москва", ", ", 12.50, ", ", 7)"#), .text("Москва, 12.50, 7"))
        XCTAssertEqual(try evaluate(#"concat("Москва", null)"#), .text("Москва"))
        XCTAssertEqual(try evaluate(#""Москва" + null"#), .null)
    }

    func testContainsStartsWithEndsWithOnCyrillic() throws {
        XCTAssertEqual(try evaluate(#"contains("Москва", "ск")"#), .bool(true))
        XCTAssertEqual(try evaluate(#"contains("Москва", "СК")"#), .bool(false))
        XCTAssertEqual(try evaluate(#"starts_with("Москва", "Мос")"#), .bool(true))
        XCTAssertEqual(try evaluate(#"starts_with("Москва", "ква")"#), .bool(false))
        XCTAssertEqual(try evaluate(#"ends_with("Москва", "ква")"#), .bool(true))
        XCTAssertEqual(try evaluate(#"ends_with("Москва", "")"#), .bool(true))
        XCTAssertEqual(try evaluate(#"ends_with("ва", "Москва")"#), .bool(false))
    }

    func testUpperAndLowerOfASCII() throws {
        XCTAssertEqual(try evaluate(#"lower("MOSCOW")"#), .text("moscow"))
        XCTAssertEqual(try evaluate(#"upper("moscow")"#), .text("MOSCOW"))
    }

    func testLowerAndUpperFoldCyrillic() throws {
        // BUG: SQLite's built-in lower()/upper() fold ASCII only.
        let lowered = try evaluate(#"lower("МОСКВА")"#)
        try skipKnownBug(lowered == .text("МОСКВА"),
                         #"lower("МОСКВА") gives "МОСКВА" (SQLite's lower() folds ASCII only); expected "москва""#)
        XCTAssertEqual(lowered, .text("москва"))
        XCTAssertEqual(try evaluate(#"upper("москва")"#), .text("МОСКВА"))
        XCTAssertEqual(try evaluate(#"lower("Ёлки")"#), .text("ёлки"))
    }

    func testCyrillicTableColumnAndValues() throws {
        try load("Город,Сумма с НДС\nМосква,100.50\nКазань,20.00\nМосква,0.01\n", as: "Продажи",
                 types: ["Город": .text, "Сумма с НДС": .decimal(scale: 2)])
        let result = try run("from Продажи | group Город (итого = sum(`Сумма с НДС`), букв = max(length(Город))) | sort -итого")
        XCTAssertEqual(result.columns.map(\.name), ["Город", "итого", "букв"])
        XCTAssertEqual(result.rows, [[.text("Москва"), money("100.51"), .integer(6)], [.text("Казань"), money("20.00"), .integer(6)]])
        XCTAssertEqual(try rows(#"from продажи | where Город == "Казань" | select Город"#), [[.text("Казань")]])
        // Names resolve ignoring case, Cyrillic included.
        XCTAssertEqual(try rows(#"from ПРОДАЖИ | where город == "Казань" | select ГОРОД"#), [[.text("Казань")]])
    }

    func testTextOfOtherTypes() throws {
        XCTAssertEqual(try evaluate("text(-0.05)"), .text("-0.05"))
        XCTAssertEqual(try evaluate("text(12.5)"), .text("12.5"))
        XCTAssertEqual(try evaluate("text(42)"), .text("42"))
        XCTAssertEqual(try evaluate("text(1 > 0)"), .text("true"))
        XCTAssertEqual(try evaluate("text(@2026-11-30)"), .text("2026-11-30"))
        XCTAssertEqual(try evaluate(#"number("2.5") * 2"#), .number(5))
        XCTAssertEqual(try evaluate("int(-2.75)"), .integer(-2))
    }

    func testConcatWritesBoolsLikeText() throws {
        // BUG: concat() casts a bool's stored 1/0, while text() of the same bool gives "true"/"false".
        let concatenated = try evaluate(#"concat("paid: ", 1 > 0)"#)
        try skipKnownBug(concatenated == .text("paid: 1"),
                         #"concat("paid: ", 1 > 0) gives "paid: 1" while text(1 > 0) gives "true"; expected "paid: true""#)
        XCTAssertEqual(concatenated, .text("paid: true"))
        XCTAssertEqual(try evaluate(#"concat("paid: ", 1 < 0)"#), .text("paid: false"))
    }

    func testConditionalsAndNulls() throws {
        XCTAssertEqual(try evaluate("if(1 > 2, 1.5, 2)"), money("2.0", scale: 1))
        XCTAssertEqual(try evaluate("coalesce(null, null, 3)"), .integer(3))
        XCTAssertEqual(try evaluate("nullif(3, 3)"), .null)
        XCTAssertEqual(try evaluate("least(3, 1.5, 2)"), money("1.5", scale: 1))
        XCTAssertEqual(try evaluate("greatest(@2026-01-01, @2025-12-31)"), day("2026-01-01"))
        XCTAssertEqual(try evaluate("abs(-2.50)"), money("2.50"))
        XCTAssertEqual(try evaluate("7 % 3"), .integer(1))
        XCTAssertEqual(try evaluate("7 / 2"), .number(3.5))
    }
}
