import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class LoadingInferenceTests: CSVLoadingTestCase {
    private func types(_ text: String) throws -> ([LogicalType], LoadReport, Workspace) {
        let (workspace, report) = try load(text)
        return (report.columns.map(\.type), report, workspace)
    }

    func testEachTypeIsInferredFromEveryValue() throws {
        let (types, report, workspace) = try types("""
            id,amount,closed,at,vip,name
            1,10.50,2026-01-31,2026-01-31 09:15,true,Иванов
            -2,0.5,2024-02-29,2026-01-31T09:15:07,FALSE,x
            ,,,,,
            """)
        XCTAssertEqual(types, [.integer, .decimal(scale: 2), .date, .datetime, .bool, .text])
        XCTAssertEqual(try rows(workspace), [
            [.integer(1), .integer(1050), .text("2026-01-31"), .text("2026-01-31 09:15:00"), .integer(1), .text("Иванов")],
            [.integer(-2), .integer(50), .text("2024-02-29"), .text("2026-01-31 09:15:07"), .integer(0), .text("x")],
            [.null, .null, .null, .null, .null, .null],
        ])
        XCTAssertEqual(Array(report.notes.suffix(6)), [
            "id: integer; 1 empty → null", "amount: decimal(2); 1 empty → null", "closed: date; 1 empty → null",
            "at: datetime; 1 empty → null", "vip: bool; 1 empty → null", "name: text",
        ])
    }

    func testLeadingZerosKeepTaxIdsAsText() throws {
        let (types, report, workspace) = try types("inn,zero,neg\n007701234567,0,-0\n7702000001,0,-5\n")
        XCTAssertEqual(types, [.text, .integer, .integer])
        XCTAssertTrue(report.notes.contains("inn: text (leading zeros)"))
        XCTAssertEqual(try rows(workspace, "SELECT inn FROM t"), [[.text("007701234567")], [.text("7702000001")]])
    }

    func testLeadingZeroInADecimalIntegerPart() throws {
        let (types, _, _) = try types("a,b\n0.5,01.5\n12.25,2.5\n")
        XCTAssertEqual(types, [.decimal(scale: 2), .text])
    }

    func testTwentyDigitAccountsAreText() throws {
        let (types, report, workspace) = try types("account,max,min\n40702810900000012345,9223372036854775807,-9223372036854775808\n")
        XCTAssertEqual(types, [.text, .integer, .integer])
        XCTAssertTrue(report.notes.contains("account: text (numbers too large for 64 bits)"))
        XCTAssertEqual(try rows(workspace), [[.text("40702810900000012345"), .integer(Int64.max), .integer(Int64.min)]])
        XCTAssertEqual(try self.types("n\n9223372036854775808\n").0, [.text])
    }

    func testMixedIntegersAndDecimalsRescaleExactly() throws {
        let (types, report, workspace) = try types("amount\n12\n0.125\n-3.5\n1000000\n")
        XCTAssertEqual(types, [.decimal(scale: 3)])
        XCTAssertTrue(report.notes.contains("amount: decimal(3) (whole numbers and decimals)"))
        XCTAssertEqual(try rows(workspace), [[.integer(12_000)], [.integer(125)], [.integer(-3_500)], [.integer(1_000_000_000)]])
    }

    func testDecimalLimits() throws {
        XCTAssertEqual(try types("a\n0.123456789\n").0, [.decimal(scale: 9)])
        let (tooFine, report, _) = try types("a\n0.1234567891\n")
        XCTAssertEqual(tooFine, [.text])
        XCTAssertTrue(report.notes.contains("a: text (more than 9 decimal places)"))
        // 10^10 with nine places is 10^19 minor units: beyond Int64.
        let (tooWide, wideReport, _) = try types("a\n10000000000\n0.123456789\n")
        XCTAssertEqual(tooWide, [.text])
        XCTAssertTrue(wideReport.notes.contains("a: text (numbers too large for decimal(9) in 64 bits)"))
    }

    func testNotQuiteNumbersAreText() throws {
        let (types, _, _) = try types("a,b,c,d,e,f\n1.,.5,+5,1e5,\"1 00\",\"1,2,3\"\n")
        XCTAssertEqual(types, [.text, .text, .text, .text, .text, .text])
    }

    func testSpacesGroupsAndDecimalCommasAreNumbers() throws {
        let (types, _, workspace) = try types("a,b,c\n\" 1\",1 000,\"12,5\"\n")
        XCTAssertEqual(types, [.integer, .integer, .decimal(scale: 1)])
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(1000), .integer(125)]])
    }

    func testOneOddValueMakesATypedColumnTextAndTheNoteSaysWhere() throws {
        let (types, report, _) = try types("amount\n1.50\n2.00\n\"12,3x\"\n")
        XCTAssertEqual(types, [.text])
        XCTAssertTrue(report.notes.contains("amount: text (line 4 has \"12,3x\", not a number); to force: with (types: (amount: decimal(2)))"),
                      "\(report.notes)")
    }

    func testInvalidDatesAndMixedDateTimes() throws {
        XCTAssertEqual(try types("d\n2026-02-29\n").0, [.text])
        XCTAssertEqual(try types("d\n2026-13-01\n").0, [.text])
        XCTAssertEqual(try types("d\n2026-01-01 24:00\n").0, [.text])
        XCTAssertEqual(try types("d\n2026-01-01 10:00:00.5\n").0, [.text])
        let (mixed, report, workspace) = try types("d\n2026-01-02\n2026-01-03 10:30\n")
        XCTAssertEqual(mixed, [.datetime])
        XCTAssertTrue(report.notes.contains("d: datetime (dates without a time are midnight)"))
        XCTAssertEqual(try rows(workspace), [[.text("2026-01-02 00:00:00")], [.text("2026-01-03 10:30:00")]])
    }

    func testAllEmptyColumnIsText() throws {
        let (types, report, _) = try types("a,b\n1,\n2,\"\"\n")
        XCTAssertEqual(types, [.integer, .text])
        XCTAssertTrue(report.notes.contains("b: text (all values empty)"))
    }

    func testInferredTypesAreStoredInTheCatalog() throws {
        let (_, _, workspace) = try types("id,amount,inn\n1,2.5,0012\n")
        XCTAssertEqual(workspace.catalog.schema(of: "t")?.columns.map(\.type), [.integer, .decimal(scale: 1), .text])
        XCTAssertEqual(try workspace.database.query("SELECT type FROM _sverka_columns ORDER BY position") { $0.text(at: 0) },
                       ["integer", "decimal(1)", "text"])
    }

    func testTypeOverridesConvert() throws {
        let (workspace, report) = try load("id,amount,inn,flag,ratio\n007,12.5,0012,1,2.5e-1\n",
                                           types: ["id": .integer, "AMOUNT": .decimal(scale: 2), "inn": .text,
                                                   "flag": .bool, "ratio": .number])
        XCTAssertEqual(report.columns.map(\.type), [.integer, .decimal(scale: 2), .text, .bool, .number])
        XCTAssertTrue(report.notes.contains("amount: decimal(2) (as requested)"))
        XCTAssertEqual(try rows(workspace), [[.integer(7), .integer(1250), .text("0012"), .integer(1), .real(0.25)]])
    }

    func testDecimalOverrideAcceptsTrailingZerosBeyondItsScale() throws {
        let (workspace, _) = try load("amount\n12.500\n", types: ["amount": .decimal(scale: 2)])
        XCTAssertEqual(try rows(workspace), [[.integer(1250)]])
    }
}
