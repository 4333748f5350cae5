import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

final class ExportEncodingTests: ExportTestCase {
    func testWindows1251Bytes() throws {
        let data = try export(to: "t.csv", try options(#"encoding: "windows-1251", header: false"#), query: query(where: "id = 1"))
        let expected = "1,\"ООО \"\"Ромашка\"\"\",1250000.50,7,1.500,0.25,2026-02-20,2026-02-20 14:05:00,true\n"
        XCTAssertEqual(data, expected.data(using: .windowsCP1251))
        // "Ромашка" byte by byte: Р о м а ш к а.
        XCTAssertNotNil(data.range(of: Data([0xD0, 0xEE, 0xEC, 0xE0, 0xF8, 0xEA, 0xE0])))
    }

    func testWindows1251HeaderAndNamesOfTheEncoding() throws {
        let query = CompiledQuery(sql: "SELECT 'Ёлка №5 — «ёж»' AS x", parameters: [],
                                  columns: [ResultColumn(name: "Сумма с НДС", type: .text)], engine: "SQLite")
        for name in ["cp1251", "Windows-1251", "win1251", "CP-1251"] {
            let data = try export(to: "\(name).csv", try options("encoding: \"\(name)\""), query: query)
            XCTAssertEqual(data, "Сумма с НДС\nЁлка №5 — «ёж»\n".data(using: .windowsCP1251), name)
        }
    }

    /// The table against Foundation's own Windows-1251 decoder, byte by byte.
    func testTheTableAgreesWithFoundation() throws {
        for byte in 0x80...0xFF {
            let decoded = String(data: Data([UInt8(byte)]), encoding: .windowsCP1251)
            let scalar = decoded?.unicodeScalars.first
            let code = Windows1251Encoder.upperHalf[byte - 0x80]
            if code == 0 {
                XCTAssertTrue(scalar == nil || Windows1251Encoder.byte(for: scalar ?? "?") == nil, "0x\(String(byte, radix: 16))")
                continue
            }
            XCTAssertEqual(scalar?.value, UInt32(code), "0x\(String(byte, radix: 16))")
            let mapped = try XCTUnwrap(Unicode.Scalar(UInt32(code)))
            XCTAssertEqual(Windows1251Encoder.byte(for: mapped), UInt8(byte))
        }
        for ascii in 0..<0x80 {
            XCTAssertEqual(Windows1251Encoder.byte(for: try XCTUnwrap(Unicode.Scalar(UInt32(ascii)))), UInt8(ascii))
        }
    }

    func testAnUnencodableCharacterNamesRowAndColumn() throws {
        try workspace().database.execute("UPDATE t SET name = 'готово ✓' WHERE id = 3")
        XCTAssertThrowsError(try export(to: "t.csv", try options(#"encoding: "cp1251""#))) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message,
                           "row 3, column 'name': the character '✓' (U+2713) cannot be written in windows-1251")
            XCTAssertEqual(diagnostic?.hints.first, #"write the file in UTF-8: with (encoding: "utf-8")"#)
            XCTAssertEqual(diagnostic?.hints.last, "nothing was written: 't.csv' is as it was")
        }
        XCTAssertEqual(try folderContents(), [])
    }

    func testAnUnencodableColumnNameIsReportedAsTheHeader() throws {
        let query = CompiledQuery(sql: "SELECT 1", parameters: [], columns: [ResultColumn(name: "Σ", type: .integer)],
                                  engine: "SQLite")
        XCTAssertThrowsError(try export(to: "t.md", try options(#"encoding: "cp1251""#), query: query)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "the header, column 'Σ': the character 'Σ' (U+03A3) cannot be written in windows-1251")
        }
    }

    func testFormulaGuardRule() {
        for text in ["=1+1", "+7 495 123-45-67", "-5", "@user", "\tx", "\rx", "'=x", "''-x"] {
            XCTAssertEqual(FormulaInjectionGuard.guarded(text), "'" + text, text)
        }
        for text in ["", "'", "''", "abc", "'abc", "1-2", " =x", "ООО"] {
            XCTAssertEqual(FormulaInjectionGuard.guarded(text), text, text)
        }
        // The loader's inverse gives back every text exactly.
        for text in ["=1+1", "-5", "'=x", "''-x", "", "'", "'abc", "abc", "@", "'@"] {
            XCTAssertEqual(FormulaInjectionGuard.unguarded(FormulaInjectionGuard.guarded(text)), text, text)
        }
    }
}
