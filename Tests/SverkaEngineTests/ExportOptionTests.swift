import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class ExportOptionTests: ExportTestCase {
    func testOptionsAreRead() throws {
        let read = try options(#"encoding: "cp1251", delimiter: "\t", decimal: ",", date: "dd.MM.yyyy", header: false, raw: true, bom: false, format: "tsv""#)
        XCTAssertEqual(read.encoding, .windows1251)
        XCTAssertEqual(read.delimiter, UInt8(ascii: "\t"))
        XCTAssertTrue(read.decimalComma)
        XCTAssertEqual(read.dateStyle, .dayMonthYear)
        XCTAssertFalse(read.header)
        XCTAssertTrue(read.raw)
        XCTAssertEqual(read.format, .tsv)
        XCTAssertEqual(try options(#"delimiter: "tab""#).delimiter, UInt8(ascii: "\t"))
    }

    func testBadOptionsAreErrorsAtTheirPlace() throws {
        XCTAssertThrowsError(try options(#"encodng: "utf-8""#)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unknown export option 'encodng'")
            XCTAssertEqual((error as? Diagnostic)?.hints.first, "did you mean 'encoding'?")
            XCTAssertNotNil((error as? Diagnostic)?.span)
        }
        XCTAssertThrowsError(try options(#"encoding: "koi8-r""#)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, #"'encoding' cannot be "koi8-r""#)
        }
        XCTAssertThrowsError(try options(#"delimiter: ";;""#))
        XCTAssertThrowsError(try options(#"delimiter: "\"""#))
        XCTAssertThrowsError(try options(#"decimal: ";""#))
        XCTAssertThrowsError(try options(#"date: "yyyy/MM/dd""#))
        XCTAssertThrowsError(try options(#"header: "no""#))
    }

    func testOptionsThatDoNotApplyToTheFormatAreRefused() throws {
        XCTAssertThrowsError(try export(to: "t.json", try options(#"encoding: "cp1251""#))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the option 'encoding' does not apply to json files")
            XCTAssertEqual((error as? Diagnostic)?.hints, ["'encoding' applies to csv, tsv, md", "JSON is always UTF-8"])
        }
        XCTAssertThrowsError(try export(to: "t.xlsx", try options(#"delimiter: ";""#)))
        XCTAssertThrowsError(try export(to: "t.json", try options(#"decimal: ",""#)))
        XCTAssertThrowsError(try export(to: "t.csv", try options(#"bom: true, encoding: "cp1251""#))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "a byte order mark is for UTF-8 files; windows-1251 has none")
        }
        XCTAssertEqual(try folderContents(), [])
    }

    func testTheFormatComesFromTheExtensionOrTheOption() throws {
        XCTAssertThrowsError(try export(to: "t.txt")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "export cannot write .txt files")
        }
        XCTAssertThrowsError(try export(to: "noextension")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'noextension' has no extension to tell the format by")
        }
        let data = try export(to: "t.txt", try options(#"format: "tsv", header: false"#), query: query(where: "id = 4"))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "4\t\t\t\t\t\t\t\t\n")
        XCTAssertEqual(ExportFormat(fileExtension: "JSONL"), .ndjson)
        XCTAssertEqual(ExportFormat(fileExtension: "MD"), .markdown)
    }

    func testReportSummary() throws {
        let request = ExportRequest(path: "out/t.csv", filePath: path("t.csv"))
        let report = try Exporter().export(query(where: "id = 1"), request, from: workspace().database)
        XCTAssertTrue(report.summary.hasPrefix("exported 1 row to out/t.csv (csv, utf-8) in "), report.summary)
        XCTAssertTrue(report.summary.hasSuffix(" s"))
        let xlsx = try Exporter().export(query(), ExportRequest(path: "t.xlsx", filePath: path("t.xlsx")), from: workspace().database)
        XCTAssertTrue(xlsx.summary.hasPrefix("exported 6 rows to t.xlsx (xlsx) in "), xlsx.summary)
    }
}
