import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Broken 1C statements: the message names the file, line and column, and the table loaded
/// before stays as it was.
final class LoadingBankStatementErrorTests: StructuredLoadingTestCase {
    private static func statement(_ documents: String) -> String {
        "1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=Windows\r\n" + documents + "КонецФайла\r\n"
    }

    private static let good = "СекцияДокумент=Платежное поручение\r\nНомер=1\r\nДата=05.11.2026\r\nСумма=100.00\r\nКонецДокумента\r\n"

    /// The error and the `line:column` of its location.
    private func statementError(_ text: String, into workspace: Workspace? = nil,
                                file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String?) {
        try statementError(LoadingBankStatementTests.windows1251(text), into: workspace, file: file, line: line)
    }

    private func statementError(_ bytes: [UInt8], into workspace: Workspace? = nil,
                                file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String?) {
        let path = try write(bytes, to: "bad.txt")
        let target = try workspace ?? Workspace(path: nil)
        let error = failure(file: file, line: line) { () throws(Diagnostic) in
            _ = try BankStatementLoader().load(LoadRequest(path: path, table: "t"), into: target)
        }
        return (error, error.location.map { $0.hasPrefix(path + ":") ? String($0.dropFirst(path.count + 1)) : $0 })
    }

    func testUnterminatedSectionsNameWhereTheyOpened() throws {
        let (next, nextAt) = try statementError(Self.statement(
            "СекцияДокумент=Платежное поручение\r\nНомер=1\r\n" + Self.good))
        XCTAssertEqual(next.message, "the document section opened here (СекцияДокумент=Платежное поручение) has no КонецДокумента before line 6")
        XCTAssertEqual(nextAt, "4:1")
        XCTAssertEqual(next.hints, ["each СекцияДокумент=… ends with a line КонецДокумента; the file may be cut short"])

        let cut = "1CClientBankExchange\r\n" + Self.good + "СекцияДокумент=Банковский ордер\r\nНомер=2\r\nСумма=1"
        let (end, endAt) = try statementError(cut)
        XCTAssertEqual(end.message, "the document section opened here (СекцияДокумент=Банковский ордер) has no КонецДокумента before the end of the file")
        XCTAssertEqual(endAt, "7:1")

        let (stray, strayAt) = try statementError(Self.statement("КонецДокумента\r\n"))
        XCTAssertEqual(stray.message, "КонецДокумента without a СекцияДокумент before it")
        XCTAssertEqual(strayAt, "4:1")

        let (text, textAt) = try statementError(Self.statement("СекцияДокумент=Платежное поручение\r\nпросто текст\r\nКонецДокумента\r\n"))
        XCTAssertEqual(text.message, "expected Key=Value inside a document, found \"просто текст\"")
        XCTAssertEqual(textAt, "5:1")
    }

    func testBadAmountsAndDatesPointAtTheValue() throws {
        let (amount, amountAt) = try statementError(Self.statement(Self.good + Self.good.replacingOccurrences(of: "Сумма=100.00", with: "Сумма=1OO.00")))
        XCTAssertEqual(amount.message, "Сумма=1OO.00 is not an amount")
        XCTAssertEqual(amountAt, "12:7")
        XCTAssertEqual(amount.hints, ["1C writes amounts in roubles with a point and two places, e.g. 15000.00"])

        let (places, _) = try statementError(Self.statement(Self.good.replacingOccurrences(of: "Сумма=100.00", with: "Сумма=100.005")))
        XCTAssertEqual(places.hints.first, "it has 3 decimal places and money keeps 2; loads never round")

        let (date, dateAt) = try statementError(Self.statement(Self.good.replacingOccurrences(of: "Дата=05.11.2026", with: "Дата = 31.02.2026")))
        XCTAssertEqual(date.message, "Дата=31.02.2026 is not a date")
        XCTAssertEqual(dateAt, "6:8")
        XCTAssertEqual(date.hints, ["1C writes dates as dd.MM.yyyy, e.g. 05.11.2026"])
    }

    func testAmountsWithACommaOrSpacesAreStillExact() throws {
        let text = Self.statement(Self.good.replacingOccurrences(of: "Сумма=100.00", with: "Сумма=1 500,5")
                                  + Self.good.replacingOccurrences(of: "Сумма=100.00", with: "Сумма=-7"))
        let path = try write(LoadingBankStatementTests.windows1251(text), to: "ok.txt")
        let workspace = try Workspace(path: nil)
        _ = try BankStatementLoader().load(LoadRequest(path: path, table: "t"), into: workspace)
        XCTAssertEqual(try rows(workspace, "SELECT amount FROM t"), [[.integer(150_050)], [.integer(-700)]])
    }

    func testFilesThatAreNotStatements() throws {
        let (other, otherAt) = try statementError("Номер;Дата;Сумма\r\n1;05.11.2026;100,00\r\n")
        XCTAssertEqual(other.message, "not a 1C bank statement: the first line is \"Номер;Дата;Сумма\", not 1CClientBankExchange")
        XCTAssertEqual(otherAt, "1:1")

        // 0x98 is the one byte Windows-1251 leaves unused.
        let (byte, byteAt) = try statementError(Array("1CClientBankExchange\r\n".utf8) + [0xC8, 0xE2, 0x98])
        XCTAssertEqual(byte.message, "the file is neither UTF-8 nor Windows-1251: byte 0x98 here")
        XCTAssertEqual(byteAt, "2:3")

        let (empty, _) = try statementError([UInt8]())
        XCTAssertTrue(empty.message.hasSuffix("the file is empty"))
        XCTAssertEqual(empty.hints, ["a 1C bank statement starts with the line 1CClientBankExchange"])
    }

    func testAFailedLoadLeavesTheOldTableAndATruncatedFileIsNoted() throws {
        let workspace = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        let path = try write(LoadingBankStatementTests.windows1251(Self.statement(Self.good)), to: "good.txt")
        _ = try BankStatementLoader().load(LoadRequest(path: path, table: "t"), into: workspace)
        let before = try rows(workspace)
        let source = workspace.catalog.source(of: "t")
        _ = try statementError(Self.statement(Self.good + "СекцияДокумент=x\r\n"), into: workspace)
        _ = try statementError(Self.statement(Self.good.replacingOccurrences(of: "Сумма=100.00", with: "Сумма=abc")), into: workspace)
        let typed = failure { () throws(Diagnostic) in
            _ = try BankStatementLoader().load(LoadRequest(path: path, table: "t", options: LoadOptions(columnTypes: ["number": .date])),
                                               into: workspace)
        }
        XCTAssertEqual(typed.message, "column 'number' (date) cannot hold \"1\"")
        XCTAssertEqual(typed.location, "\(path):5:7")
        XCTAssertEqual(try rows(workspace), before)
        XCTAssertEqual(workspace.catalog.source(of: "t"), source)

        let noEnd = "1CClientBankExchange\r\n" + Self.good
        let report = try BankStatementLoader().load(LoadRequest(path: try write(Array(noEnd.utf8), to: "cut.txt"), table: "u"),
                                                    into: workspace)
        XCTAssertTrue(report.notes.contains("warning: the file has no КонецФайла line at its end; it may be incomplete"))
    }
}
