import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Numbers, dates and bools as locales write them, decided over whole columns, each decision
/// explained in a note.
final class LoadingLocaleTests: CSVLoadingTestCase {
    private func semicolons(_ text: String, options: LoadOptions = LoadOptions()) throws -> (Workspace, LoadReport) {
        let workspace = try Workspace(path: nil)
        let report = try load(Array(text.utf8), options: options, into: workspace)
        return (workspace, report)
    }

    func testRussianAmountsWithSpacesNoBreakSpacesAndNegatives() throws {
        let (workspace, report) = try semicolons("""
            amount;other
            1 234 567,89;a
            1\u{A0}234,5;b
            12345,67;c
            (1 234,56);d
            1\u{202F}234,56-;e
            -7,00;f
            """)
        XCTAssertEqual(report.columns.map(\.type), [.decimal(scale: 2), .text])
        XCTAssertEqual(try rows(workspace, "SELECT amount FROM t"),
                       [[.integer(123_456_789)], [.integer(123_450)], [.integer(1_234_567)], [.integer(-123_456)],
                        [.integer(-123_456)], [.integer(-700)]])
        XCTAssertTrue(report.notes.contains(
            "amount: decimal(2), decimal comma, space thousands, negatives in parentheses, trailing minus"), "\(report.notes)")
        XCTAssertTrue(report.highlights.contains { $0.hasPrefix("amount: decimal(2), decimal comma") })
    }

    func testEnglishGroupsAndCurrencies() throws {
        let (workspace, report) = try semicolons("""
            usd;rub;eur
            "$1,234,567.89";12 345 ₽;€5
            $0.50;1 000 руб.;100 EUR
            USD 7;500 р.;-3,50 €
            """)
        XCTAssertEqual(report.columns.map(\.type), [.decimal(scale: 2), .integer, .decimal(scale: 2)])
        XCTAssertEqual(try rows(workspace), [[.integer(123_456_789), .integer(12_345), .integer(500)],
                                             [.integer(50), .integer(1000), .integer(10_000)],
                                             [.integer(700), .integer(500), .integer(-350)]])
        XCTAssertTrue(report.notes.contains("usd: decimal(2) (whole numbers and decimals), comma thousands, currency $"),
                      "\(report.notes)")
        XCTAssertTrue(report.notes.contains("rub: integer, space thousands, currency ₽"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("eur: decimal(2) (whole numbers and decimals), decimal comma, currency €"),
                      "\(report.notes)")
    }

    func testTwoCurrenciesInOneColumnMakeItText() throws {
        let (_, report) = try semicolons("a\n5 ₽\n7 $\n")
        XCTAssertEqual(report.columns.map(\.type), [.text])
        XCTAssertTrue(report.notes.contains("a: text (mixes currencies: ₽ on line 2, $ on line 3)"), "\(report.notes)")
    }

    func testAmbiguousCommaIsDecidedByTheColumnsOtherValues() throws {
        // 1,234 next to 12,5: the comma is a decimal comma.
        let (decimal, decimalReport) = try semicolons("a;x\n1,234;1\n12,5;2\n")
        XCTAssertEqual(decimalReport.columns.map(\.type), [.decimal(scale: 3), .integer])
        XCTAssertEqual(try rows(decimal, "SELECT a FROM t"), [[.integer(1234)], [.integer(12_500)]])
        // 1,234 next to 1,234,567 or 12.50: the comma groups thousands.
        let (grouped, groupedReport) = try semicolons("a;b\n1,234;1,234\n1,234,567;12.50\n")
        XCTAssertEqual(groupedReport.columns.map(\.type), [.integer, .decimal(scale: 2)])
        XCTAssertEqual(try rows(grouped), [[.integer(1234), .integer(123_400)], [.integer(1_234_567), .integer(1250)]])
    }

    func testTrulyAmbiguousColumnFollowsTheFileAndSaysSo() throws {
        // Column b has only 1,234-like values; column a shows the file writes decimal commas.
        let (workspace, report) = try semicolons("a;b\n12,5;1,234\n3,25;5,678\n")
        XCTAssertEqual(report.columns.map(\.type), [.decimal(scale: 2), .decimal(scale: 3)])
        XCTAssertEqual(try rows(workspace, "SELECT b FROM t"), [[.integer(1234)], [.integer(5678)]])
        XCTAssertTrue(report.notes.contains("b: decimal(3), decimal comma; values like \"1,234\" read with a decimal comma, "
                                            + "as the file's other numbers use a decimal comma; to read them otherwise: "
                                            + "with (decimal: \".\")"), "\(report.notes)")
        // In a comma-separated file with nothing else to go by, the comma groups thousands.
        let (english, englishReport) = try semicolons("a,b\n\"1,234\",x\n\"5,678\",y\n")
        XCTAssertEqual(englishReport.columns.map(\.type), [.integer, .text])
        XCTAssertEqual(try rows(english, "SELECT a FROM t"), [[.integer(1234)], [.integer(5678)]])
        // A lone 1.500 is 1.5 (1500 thousandths), unless the file says its decimal is a comma.
        let (dot, dotReport) = try semicolons("a\n1.500\n")
        XCTAssertEqual(dotReport.columns.map(\.type), [.decimal(scale: 3)])
        XCTAssertEqual(try rows(dot), [[.integer(1500)]])
        let (german, germanReport) = try semicolons("a;b\n1.500;2,5\n1.234.567;1,25\n")
        XCTAssertEqual(germanReport.columns.map(\.type), [.integer, .decimal(scale: 2)])
        XCTAssertEqual(try rows(german, "SELECT a FROM t"), [[.integer(1500)], [.integer(1_234_567)]])
    }

    func testDecimalAndThousandsOptionsDecide() throws {
        var options = LoadOptions()
        options.decimal = UInt8(ascii: ".")
        let (workspace, report) = try semicolons("a;x\n1,234;1\n5,678;2\n", options: options)
        XCTAssertEqual(report.columns.map(\.type), [.integer, .integer])
        XCTAssertEqual(try rows(workspace, "SELECT a FROM t"), [[.integer(1234)], [.integer(5678)]])
        options = LoadOptions()
        options.thousands = ""
        XCTAssertEqual(try semicolons("a\n1 234\n", options: options).1.columns.map(\.type), [.text])
    }

    func testIdentifiersStayText() throws {
        let (_, report) = try semicolons("inn;phone;code;account\n0123456789;+7 (495) 123-45-67;007;40702810900000012345\n"
                                         + "7701234567;8 495 123 45 67;008;40702810900000012346\n")
        XCTAssertEqual(report.columns.map(\.type), [.text, .text, .text, .text])
    }

    func testDateFormats() throws {
        let (workspace, report) = try semicolons("""
            dotted;short;us;eu;stamp;iso
            31.12.2026;31.12.26;12/31/2026;31/12/2026;31.12.2026 9:05;2026-12-31T23:59:59
            01.02.2026;01.02.99;02/01/2026;01/02/2026;01.02.2026 10:00:30;2026-02-01 00:00
            """)
        XCTAssertEqual(report.columns.map(\.type), [.date, .date, .date, .date, .datetime, .datetime])
        XCTAssertEqual(try rows(workspace), [
            [.text("2026-12-31"), .text("2026-12-31"), .text("2026-12-31"), .text("2026-12-31"), .text("2026-12-31 09:05:00"),
             .text("2026-12-31 23:59:59")],
            [.text("2026-02-01"), .text("1999-02-01"), .text("2026-02-01"), .text("2026-02-01"), .text("2026-02-01 10:00:30"),
             .text("2026-02-01 00:00:00")],
        ])
        XCTAssertTrue(report.notes.contains("dotted: date, dd.MM.yyyy"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("short: date, dd.MM.yy; two-digit years 69–99 are 19xx, 00–68 are 20xx"))
        XCTAssertTrue(report.notes.contains("us: date, MM/dd/yyyy (line 2 has \"12/31/2026\")"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("eu: date, dd/MM/yyyy (line 2 has \"31/12/2026\")"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("iso: datetime"))
    }

    func testSlashedDatesThatCouldBeEitherNeedTheOption() throws {
        let text = "d\n05/06/2026\n07/08/2026\n"
        let (_, report) = try semicolons(text)
        XCTAssertEqual(report.columns.map(\.type), [.text])
        XCTAssertTrue(report.notes.contains("d: text (dates like \"05/06/2026\" could be MM/dd/yyyy or dd/MM/yyyy); "
                                            + "to choose: with (date: \"dd/MM/yyyy\")"), "\(report.notes)")
        var options = LoadOptions()
        options.dateFormat = .dayFirstSlashed
        let (workspace, chosen) = try semicolons(text, options: options)
        XCTAssertEqual(chosen.columns.map(\.type), [.date])
        XCTAssertEqual(try rows(workspace), [[.text("2026-06-05")], [.text("2026-08-07")]])
    }

    func testBools() throws {
        let (workspace, report) = try semicolons("a;b;c;d\nда;Yes;TRUE;1\nНЕТ;no;false;0\n")
        XCTAssertEqual(report.columns.map(\.type), [.bool, .bool, .bool, .integer])
        XCTAssertEqual(try rows(workspace), [[.integer(1), .integer(1), .integer(1), .integer(1)],
                                             [.integer(0), .integer(0), .integer(0), .integer(0)]])
        XCTAssertTrue(report.notes.contains("a: bool (да/нет)"))
        var options = LoadOptions(columnTypes: ["d": .bool])
        options.delimiter = UInt8(ascii: ";")
        XCTAssertEqual(try semicolons("d\n1\n0\n", options: options).1.columns.map(\.type), [.bool])
    }

    func testTypeOverridesReadLocaleForms() throws {
        let (workspace, report) = try semicolons("amount;d\n1 234,5;31.12.2026\n7;01.01.2027\n",
                                                 options: LoadOptions(columnTypes: ["amount": .decimal(scale: 2), "d": .datetime]))
        XCTAssertEqual(try rows(workspace), [[.integer(123_450), .text("2026-12-31 00:00:00")],
                                             [.integer(700), .text("2027-01-01 00:00:00")]])
        XCTAssertTrue(report.notes.contains("amount: decimal(2) (as requested), decimal comma, space thousands"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("d: datetime (as requested), dd.MM.yyyy"), "\(report.notes)")
    }

    func testFormulaGuardsAreDroppedFromTextOnly() throws {
        let (workspace, report) = try semicolons("""
            note;n
            '=SUM(A1);1
            ''-5;2
            '@user;3
            'quoted';4
            '123;5
            rock 'n' roll;6
            """)
        XCTAssertEqual(report.columns.map(\.type), [.text, .integer])
        XCTAssertEqual(try rows(workspace, "SELECT note FROM t"),
                       [[.text("=SUM(A1)")], [.text("'-5")], [.text("@user")], [.text("'quoted'")], [.text("'123")],
                        [.text("rock 'n' roll")]])
        // A guarded value keeps a column of numbers text, so an exported text column reads back as text.
        let (numbers, numbersReport) = try semicolons("code\n'-5\n10\n")
        XCTAssertEqual(numbersReport.columns.map(\.type), [.text])
        XCTAssertEqual(try rows(numbers), [[.text("-5")], [.text("10")]])
    }
}
