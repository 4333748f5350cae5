import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Files that are not workbooks, sheets that are not there, damaged parts: each message says
/// what is wrong and what to do, and the table loaded before stays as it was.
final class LoadingXLSXErrorTests: StructuredLoadingTestCase {
    private func xlsxError(at path: String, sheet: String? = nil, into workspace: Workspace? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        let target = try workspace ?? Workspace(path: nil)
        return failure(file: file, line: line) { () throws(Diagnostic) in
            _ = try XLSXLoader().load(LoadRequest(path: path, table: "t"), structured: StructuredLoadOptions(sheet: sheet),
                                      into: target)
        }
    }

    func testFilesThatAreNotWorkbooks() throws {
        let text = try write("id,amount\n1,2\n", to: "export.xlsx")
        let notZip = try xlsxError(at: text)
        XCTAssertEqual(notZip.message, "'\(text)' is not an Excel workbook: an .xlsx file is a ZIP archive, and this one is not")
        XCTAssertEqual(notZip.location, text)
        XCTAssertEqual(notZip.hints, ["if it is a CSV or text export, give it a .csv name; otherwise save it from Excel as .xlsx"])

        let old = try write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), to: "old.xls")
        let legacy = try xlsxError(at: old)
        XCTAssertEqual(legacy.message, "'\(old)' is an Excel 97–2003 workbook (.xls) or a password-protected one; sverka reads .xlsx")
        XCTAssertEqual(legacy.hints, ["open it in Excel and save it as an Excel Workbook (.xlsx), without a password"])

        let cut = try write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], to: "cut.xlsx")
        XCTAssertTrue(try xlsxError(at: cut).message.hasPrefix("'\(cut)' is not a readable ZIP archive, so not an Excel workbook"))

        let document = directory.appendingPathComponent("letter.xlsx").path
        try XLSXFixture.writeZip([("word/document.xml", "<w/>")], to: document)
        let word = try xlsxError(at: document)
        XCTAssertEqual(word.message, "'\(document)' is a ZIP archive but not an Excel workbook: it has no workbook part")
        XCTAssertEqual(word.hints, ["it looks like a Word document"])
    }

    func testSheetsThatAreNotThereListTheSheets() throws {
        let path = directory.appendingPathComponent("book.xlsx").path
        try LoadingXLSXTests.deals.write(to: path)
        let missing = try xlsxError(at: path, sheet: "Сделка")
        XCTAssertEqual(missing.message, "no sheet 'Сделка' in '\(path)'")
        XCTAssertEqual(missing.hints, ["did you mean 'Сделки'?", "its sheets: 1 'Сделки', 2 'Итоги'"])
        let number = try xlsxError(at: path, sheet: "3")
        XCTAssertEqual(number.message, "'\(path)' has 2 sheets; there is no sheet 3")
        XCTAssertEqual(number.hints, ["its sheets: 1 'Сделки', 2 'Итоги'", "sheets are numbered from 1"])

        let empty = directory.appendingPathComponent("empty.xlsx").path
        try XLSXFixture(sheets: [XLSXFixture.Sheet(name: "Пусто", rows: #"<row r="3"><c r="A3" s="0"/></row>"#)]).write(to: empty)
        let noHeader = try xlsxError(at: empty)
        XCTAssertEqual(noHeader.message, "sheet 'Пусто' in '\(empty)' is empty: there is no header row")
    }

    func testDamagedPartsAreNamed() throws {
        let broken = directory.appendingPathComponent("broken.xlsx").path
        try XLSXFixture(sheets: [XLSXFixture.Sheet(name: "S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")]).write(to: broken)
        let xml = try xlsxError(at: broken)
        XCTAssertEqual(xml.message, "'\(broken)' is damaged: its part xl/worksheets/sheet1.xml is not well-formed XML "
                       + "(a closing tag that does not match the opening one)")
        XCTAssertTrue(xml.location?.hasPrefix("\(broken):xl/worksheets/sheet1.xml:2:") ?? false, "\(xml.location ?? "")")

        // A part cut short inside its elements: libxml2 reports nothing, the reader notices.
        let cut = directory.appendingPathComponent("cut.xlsx").path
        var fixture = XLSXFixture(sheets: [XLSXFixture.Sheet(name: "S", rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)])
        fixture.sheets[0].rows += "<row>"
        try fixture.write(to: cut)
        let short = try xlsxError(at: cut)
        XCTAssertTrue(short.message.hasPrefix("'\(cut)' is damaged: its part xl/worksheets/sheet1.xml is not well-formed XML"),
                      short.message)

        let strings = directory.appendingPathComponent("strings.xlsx").path
        try XLSXFixture(sheets: [XLSXFixture.Sheet(name: "Лист 1", rows: """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>7</v></c></row>
            """)], sharedStrings: ["<t>a</t>"]).write(to: strings)
        let index = try xlsxError(at: strings)
        XCTAssertEqual(index.message, "the cell refers to shared string 7, but the workbook has 1")
        XCTAssertEqual(index.location, "\(strings):'Лист 1'!A2")
    }

    func testAFailedLoadLeavesTheOldTable() throws {
        let workspace = try Workspace(path: directory.appendingPathComponent("w.sverka").path)
        let good = directory.appendingPathComponent("good.xlsx").path
        try LoadingXLSXTests.deals.write(to: good)
        _ = try XLSXLoader().load(LoadRequest(path: good, table: "t"), into: workspace)
        let before = try rows(workspace)
        let source = workspace.catalog.source(of: "t")
        _ = try xlsxError(at: good, sheet: "нет такого", into: workspace)
        _ = try xlsxError(at: try write("not a zip", to: "bad.xlsx"), into: workspace)
        let typed = failure { () throws(Diagnostic) in
            _ = try XLSXLoader().load(LoadRequest(path: good, table: "t", options: LoadOptions(columnTypes: ["note": .integer])),
                                      into: workspace)
        }
        XCTAssertEqual(typed.location, "\(good):Сделки!H2")
        XCTAssertEqual(try rows(workspace), before)
        XCTAssertEqual(workspace.catalog.source(of: "t"), source)
        XCTAssertFalse(workspace.database.isInTransaction)
    }
}
