import Foundation
@testable import SverkaEngine
import XCTest

/// The field-level readers on their own: locale numbers, dates, bools, formula guards, and the
/// evidence that tells UTF-8 from Windows-1251.
final class LoadingValueParserTests: XCTestCase {
    private func number(_ text: String, decimal: Character = ",") -> String {
        var bytes = Array(text.utf8)
        let separator = UInt8(ascii: decimal == "," ? "," : ".")
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            let field = UnsafeBufferPointer(buffer)
            switch LocaleNumberParser.parse(field, decimal: separator, thousands: ThousandsRule.allowed(decimal: separator, option: nil)) {
            case .number(let value):
                guard case .integer(let units) = value.units(scale: 2) else { return "range" }
                return "\(units)" + (value.currency.map { " \($0.text)" } ?? "")
            case .leadingZero: return "leading zero"
            case .tooLarge: return "too large"
            case .tooManyDecimals: return "too many decimals"
            case .notNumber: return "not a number"
            }
        }
    }

    func testLocaleNumbers() {
        XCTAssertEqual(number("1 234 567,89"), "123456789")
        XCTAssertEqual(number("1\u{A0}234,5"), "123450")
        XCTAssertEqual(number("1\u{202F}234,5"), "123450")
        XCTAssertEqual(number("1.234.567,89"), "123456789")
        XCTAssertEqual(number("(1 234,56)"), "-123456")
        XCTAssertEqual(number("1 234,56-"), "-123456")
        XCTAssertEqual(number(" 12,50 ₽ "), "1250 ₽")
        XCTAssertEqual(number("12,50 руб."), "1250 руб.")
        XCTAssertEqual(number("12 р."), "1200 р.")
        XCTAssertEqual(number("-$5", decimal: "."), "-500 $")
        XCTAssertEqual(number("$-5", decimal: "."), "-500 $")
        XCTAssertEqual(number("USD 1,234.50", decimal: "."), "123450 USD")
        XCTAssertEqual(number("1,234,567.89", decimal: "."), "123456789")
    }

    func testNotNumbers() {
        for text in ["(-5)", "--5", "-5-", "5,", ",5", "1 23", "12 3456", "1,23,456", "601 21 28", "+5", "5 5 ₽ $", "₽",
                     "-", "( )", "RUBLES 5", "5 руб.x", "1 234.56,7", "12.05.2026", "1\u{A0}\u{A0}234"] {
            XCTAssertEqual(number(text), "not a number", text)
        }
        XCTAssertEqual(number("007"), "leading zero")
        XCTAssertEqual(number("0 123"), "leading zero")
        XCTAssertEqual(number("99 999 999 999 999 999 999"), "too large")
        XCTAssertEqual(number("0,1234567891"), "too many decimals")
    }

    private func date(_ text: String) -> String {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            guard let date = LocaleDate.parse(UnsafeBufferPointer(buffer)) else { return "no" }
            let (year, month, day) = date.ymd(monthFirst: date.monthFirstValid && !date.dayFirstValid)
            let time = date.time.map { " \($0.hour):\($0.minute):\($0.second)" } ?? ""
            let orders = date.family == .slashed ? " \(date.dayFirstValid ? "d" : "")\(date.monthFirstValid ? "m" : "")" : ""
            return "\(year)-\(month)-\(day)\(time)\(orders)"
        }
    }

    func testDates() {
        XCTAssertEqual(date("2026-02-28"), "2026-2-28")
        XCTAssertEqual(date("2026-02-28T23:59:59"), "2026-2-28 23:59:59")
        XCTAssertEqual(date("28.02.2026"), "2026-2-28")
        XCTAssertEqual(date("1.2.26"), "2026-2-1")
        XCTAssertEqual(date("01.02.69"), "1969-2-1")
        XCTAssertEqual(date("01.02.2026 9:05"), "2026-2-1 9:5:0")
        XCTAssertEqual(date("12/31/2026"), "2026-12-31 m")
        XCTAssertEqual(date("31/12/2026"), "2026-12-31 d")
        XCTAssertEqual(date("05/06/2026"), "2026-6-5 dm")
        for text in ["29.02.2026", "2026-13-01", "31.04.2026", "01.02.026", "1/2/3", "01.02.2026 24:00", "01.02.2026 9:5",
                     "2026-01-01 1:00", "01-02-2026", "13/13/2026"] {
            XCTAssertEqual(date(text), "no", text)
        }
    }

    func testBoolWordsAndFormulaGuards() {
        func bool(_ text: String) -> Bool? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { BoolWords.value(UnsafeBufferPointer($0))?.0 }
        }
        XCTAssertEqual(["да", "Да", "ДА", "нет", "НЕТ", "Yes", "no", "TRUE", "false"].map(bool),
                       [true, true, true, false, false, true, false, true, false])
        XCTAssertNil(bool("дa"))  // Latin a
        XCTAssertNil(bool("1"))
        func guarded(_ text: String) -> Bool {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { FormulaGuardText.isGuarded(UnsafeBufferPointer($0)) }
        }
        XCTAssertEqual(["'=A1", "'+7", "''-5", "'@x", "'\t", "'\r", "'", "''", "'a", "a'=", "=A1"].map(guarded),
                       [true, true, true, true, true, true, false, false, false, false, false])
    }

    /// Whatever the export guards, the load unguards to the same text.
    func testTheLoadUndoesTheExportsFormulaGuard() {
        for text in ["=A1", "'=A1", "''@x", "-5 apples", "plain", "'quoted'", "\tTab", "+7 999", "'", "@", "a=b"] {
            var bytes = Array(FormulaInjectionGuard.guarded(text).utf8)
            let back = bytes.withUnsafeMutableBufferPointer { buffer -> String in
                let field = UnsafeBufferPointer(buffer)
                return String(decoding: field[(FormulaGuardText.isGuarded(field) ? 1 : 0)...], as: UTF8.self)
            }
            XCTAssertEqual(back, text)
        }
    }

    /// Windows-1251 text that happens to hold valid UTF-8 pairs is still Windows-1251.
    func testAccidentalUTF8InWindows1251() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Фё (D4 B8) and С» (D1 BB) are valid UTF-8 pairs; the rest of the text is not.
        let text = "Клиент;Сумма\nФёдоров;1\nООО «ТЕХНОСЕРВИС»;2\n"
        let path = directory.appendingPathComponent("a.csv").path
        try Data(TestEncodings.windows1251(text)).write(to: URL(fileURLWithPath: path))
        let workspace = try Workspace(path: nil)
        _ = try CSVLoader().load(LoadRequest(path: path, table: "t"), into: workspace)
        XCTAssertEqual(try workspace.database.query("SELECT \"Клиент\" FROM t") { $0.text(at: 0) },
                       ["Фёдоров", "ООО «ТЕХНОСЕРВИС»"])
        // The same after 64 KiB of ASCII: the reader switches at the first byte that is not UTF-8.
        var late = "Клиент;Сумма\n"
        for index in 0..<8000 { late += "plain \(index);1\n" }
        try Data(Array("client;n\n".utf8) + TestEncodings.windows1251(late.dropFirst(13) + "Фёдоров;2\n"))
            .write(to: URL(fileURLWithPath: path))
        _ = try CSVLoader().load(LoadRequest(path: path, table: "u"), into: workspace)
        XCTAssertEqual(try workspace.database.query("SELECT client FROM u WHERE n = 2") { $0.text(at: 0) }, ["Фёдоров"])
    }

    /// Row counts at and around the batch size and the ring's wrap, loaded on two threads.
    func testEveryRowArrivesWhateverTheBatchBoundaries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-batches-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = CSVRowBatch.rowCapacity
        for count in [0, 1, size - 1, size, size + 1, size * CSVSecondPass.ringSize, size * CSVSecondPass.ringSize + 1,
                      size * (CSVSecondPass.ringSize + 1)] {
            var text = "id,name\n"
            for index in 0..<count { text += "\(index),n\(index)\n" }
            let path = directory.appendingPathComponent("\(count).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            for _ in 0..<3 {
                let workspace = try Workspace(path: nil)
                let report = try CSVLoader().load(LoadRequest(path: path, table: "t"), into: workspace)
                XCTAssertEqual(report.rows, count)
                XCTAssertEqual(try workspace.database.scalar("SELECT count(*) FROM t"), .integer(Int64(count)))
            }
        }
    }
}
