import SverkaEngine
import XCTest
@testable import SverkaPostgres

final class PostgresTextValueTests: XCTestCase {
    private func value(_ text: String, _ type: LogicalType) -> StoredValue? {
        PostgresTypeMapping.textToValue(text, as: type)
    }

    func testDecimalsAreExactMinorUnits() {
        XCTAssertEqual(value("-12.50", .decimal(scale: 2)), .integer(-1250))
        XCTAssertEqual(value("12.5", .decimal(scale: 2)), .integer(1250))
        XCTAssertEqual(value("7", .decimal(scale: 2)), .integer(700))
        XCTAssertEqual(value("0.001", .decimal(scale: 3)), .integer(1))
        XCTAssertEqual(value("-0.01", .decimal(scale: 2)), .integer(-1))
        XCTAssertEqual(value("1.500", .decimal(scale: 2)), .integer(150))
        XCTAssertEqual(value("42", .decimal(scale: 0)), .integer(42))
        // 9.2e16 roubles in kopecks: beyond a double's 53 bits, still exact.
        XCTAssertEqual(value("92233720368547758.07", .decimal(scale: 2)), .integer(Int64.max))
        XCTAssertEqual(value("-92233720368547758.08", .decimal(scale: 2)), .integer(Int64.min))
        XCTAssertEqual(value("12345678901234567.89", .decimal(scale: 2)), .integer(1_234_567_890_123_456_789))
    }

    func testDecimalsThatAreNoValue() {
        XCTAssertNil(value("92233720368547758.08", .decimal(scale: 2)))   // does not fit 64 bits
        XCTAssertNil(value("1.005", .decimal(scale: 2)))                   // would lose a place
        XCTAssertNil(value("NaN", .decimal(scale: 2)))
        XCTAssertNil(value("Infinity", .decimal(scale: 2)))
        XCTAssertNil(value("", .decimal(scale: 2)))
        XCTAssertNil(value("1e5", .decimal(scale: 2)))
        XCTAssertNil(value("-", .decimal(scale: 2)))
    }

    func testScaleOfNumericText() {
        XCTAssertEqual(PostgresTypeMapping.scale(ofNumericText: "-12.50"), 2)
        XCTAssertEqual(PostgresTypeMapping.scale(ofNumericText: "7"), 0)
        XCTAssertEqual(PostgresTypeMapping.scale(ofNumericText: "0.000001"), 6)
        XCTAssertNil(PostgresTypeMapping.scale(ofNumericText: "NaN"))
    }

    func testIntegersAndNumbers() {
        XCTAssertEqual(value("-9223372036854775808", .integer), .integer(Int64.min))
        XCTAssertNil(value("9223372036854775808", .integer))
        XCTAssertNil(value("1.5", .integer))
        XCTAssertEqual(value("0.1", .number), .real(0.1))
        XCTAssertEqual(value("1e+20", .number), .real(1e20))
        XCTAssertEqual(value("-Infinity", .number), .real(-.infinity))
        if case .real(let nan) = value("NaN", .number) { XCTAssertTrue(nan.isNaN) } else { XCTFail("NaN is a number") }
    }

    func testDates() {
        XCTAssertEqual(value("2026-11-30", .date), .text("2026-11-30"))
        XCTAssertEqual(value("2024-02-29", .date), .text("2024-02-29"))
        XCTAssertNil(value("2026-02-30", .date))
        XCTAssertNil(value("infinity", .date))
        XCTAssertNil(value("0044-03-15 BC", .date))
        XCTAssertNil(value("10000-01-01", .date))
    }

    func testTimestamps() {
        XCTAssertEqual(value("2026-11-30 14:05:09", .datetime), .text("2026-11-30 14:05:09"))
        XCTAssertEqual(value("2026-11-30 14:05:09.999999", .datetime), .text("2026-11-30 14:05:09"))
        XCTAssertEqual(value("2026-11-30 14:05:09+03", .datetime), .text("2026-11-30 14:05:09"))
        XCTAssertEqual(value("2026-11-30 14:05:09.5-05:30", .datetime), .text("2026-11-30 14:05:09"))
        XCTAssertEqual(value("1900-01-01 00:00:00+02:30:17", .datetime), .text("1900-01-01 00:00:00"))
        XCTAssertEqual(value("2026-11-30", .datetime), .text("2026-11-30 00:00:00"))
        XCTAssertNil(value("2026-11-30 14:05:09.", .datetime))
        XCTAssertNil(value("2026-11-30 14:05:09+3", .datetime))
        XCTAssertNil(value("2026-11-30 25:00:00", .datetime))
        XCTAssertNil(value("infinity", .datetime))
        XCTAssertNil(value("2026-11-30 14:05:09 BC", .datetime))
    }

    func testBoolsAndText() {
        XCTAssertEqual(value("t", .bool), .integer(1))
        XCTAssertEqual(value("f", .bool), .integer(0))
        XCTAssertEqual(value("true", .bool), .integer(1))
        XCTAssertEqual(value("false", .bool), .integer(0))
        XCTAssertNil(value("yes", .bool))
        XCTAssertEqual(value("Сверка\t\\", .text), .text("Сверка\t\\"))
    }
}
