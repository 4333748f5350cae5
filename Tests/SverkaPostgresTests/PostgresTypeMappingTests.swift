import SverkaEngine
import XCTest
@testable import SverkaPostgres

final class PostgresTypeMappingTests: XCTestCase {
    private func mapped(_ oid: UInt32, _ modifier: Int32 = -1) -> PostgresMappedType {
        PostgresTypeMapping.logicalType(typeOID: oid, typeModifier: modifier)
    }

    /// `numeric(p, s)`'s modifier as PostgreSQL stores it.
    private func numeric(_ precision: Int32, _ scale: Int32) -> Int32 {
        ((precision << 16) | (scale & 0x7ff)) + 4
    }

    func testIntegers() {
        for oid: UInt32 in [20, 21, 23, 26] { XCTAssertEqual(mapped(oid), .type(.integer)) }
    }

    func testNumerics() {
        XCTAssertEqual(mapped(1700, numeric(12, 2)), .type(.decimal(scale: 2)))
        XCTAssertEqual(mapped(1700, numeric(28, 0)), .type(.decimal(scale: 0)))
        XCTAssertEqual(mapped(1700, numeric(20, 9)), .type(.decimal(scale: 9)))
        XCTAssertEqual(mapped(1700, numeric(20, 10)), .type(.number))
        XCTAssertEqual(mapped(1700, numeric(5, -2)), .type(.decimal(scale: 0)))
        XCTAssertEqual(mapped(1700), .decimalOfUnknownScale)
        XCTAssertEqual(mapped(790), .type(.decimal(scale: 2)))
        XCTAssertEqual(mapped(700), .type(.number))
        XCTAssertEqual(mapped(701), .type(.number))
    }

    func testTemporalBoolAndText() {
        XCTAssertEqual(mapped(1082), .type(.date))
        XCTAssertEqual(mapped(1114), .type(.datetime))
        XCTAssertEqual(mapped(1184), .type(.datetime))
        XCTAssertEqual(mapped(16), .type(.bool))
        // text, varchar, bpchar, name, uuid, json, jsonb, interval, an array: text.
        for oid: UInt32 in [25, 1043, 1042, 19, 2950, 114, 3802, 1186, 1007] { XCTAssertEqual(mapped(oid), .type(.text)) }
    }

    func testColumnTypesForServerTables() {
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .integer), "bigint")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .decimal(scale: 2)), "numeric(28, 2)")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .number), "double precision")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .text), "text")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .date), "date")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .datetime), "timestamp")
        XCTAssertEqual(PostgresTypeMapping.columnType(for: .bool), "boolean")
    }

    func testTextCast() {
        XCTAssertEqual(PostgresTypeMapping.textCast(typeOID: 790), "::numeric::text")
        XCTAssertEqual(PostgresTypeMapping.textCast(typeOID: 1700), "::text")
    }
}
