import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SverkaEngine
import SverkaSyntax
import XCTest
import ZIPFoundation

final class ExportXLSXTests: ExportTestCase {
    func testTheWorkbookReadsBackCellByCell() throws {
        try export(to: "t.xlsx", sheet: "deals")
        let book = try ExportedWorkbook(path: path("t.xlsx"))
        XCTAssertEqual(book.entryNames, ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                         "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"<sheet name="deals" sheetId="1" r:id="rId1"/>"#))
        let styles = book.text("xl/styles.xml")
        XCTAssertTrue(styles.contains(#"<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#))
        XCTAssertTrue(styles.contains(#"<cellXfs count="14">"#))

        let cells = try book.cells()
        XCTAssertEqual(cells["A1"], ExportedCell(type: "inlineStr", style: "1", text: "id"))
        XCTAssertEqual(cells["A2"], ExportedCell(type: nil, style: nil, text: "1"))
        XCTAssertEqual(cells["B2"], ExportedCell(type: "inlineStr", style: nil, text: "ООО \"Ромашка\""))
        // Money: the exact digits, with the style of its scale (4 + scale).
        XCTAssertEqual(cells["C2"], ExportedCell(type: nil, style: "6", text: "1250000.50"))
        XCTAssertEqual(cells["C3"], ExportedCell(type: nil, style: "6", text: "-1234.56"))
        XCTAssertEqual(cells["D3"], ExportedCell(type: nil, style: "4", text: "-3"))
        XCTAssertEqual(cells["E3"], ExportedCell(type: nil, style: "7", text: "-0.005"))
        XCTAssertEqual(cells["F2"], ExportedCell(type: nil, style: nil, text: "0.25"))
        // Dates are serial numbers: 2026-02-20 is day 46073, 14:05 is 0.5868055556 of a day.
        XCTAssertEqual(cells["G2"], ExportedCell(type: nil, style: "2", text: "46073"))
        XCTAssertEqual(cells["H2"], ExportedCell(type: nil, style: "3", text: "46073.5868055556"))
        XCTAssertEqual(cells["H7"], ExportedCell(type: nil, style: "3", text: "36585.9999884259"))
        // Before March 1900 Excel's serials are off by a day: such a date is written as text.
        XCTAssertEqual(cells["G7"], ExportedCell(type: "inlineStr", style: nil, text: "1900-01-15"))
        XCTAssertEqual(cells["I2"], ExportedCell(type: "b", style: nil, text: "1"))
        XCTAssertEqual(cells["I3"], ExportedCell(type: "b", style: nil, text: "0"))
        // Text that would run as a formula is guarded; numbers never are.
        XCTAssertEqual(cells["B3"], ExportedCell(type: "inlineStr", style: nil, text: "'=SUM(A1)"))
        XCTAssertEqual(cells["B4"], ExportedCell(type: "inlineStr", style: nil, text: "'-минус\nвторая, строка"))
        XCTAssertEqual(cells["B7"], ExportedCell(type: "inlineStr", style: nil, text: "''=x"))
        // Nulls are no cell; empty text is an empty string cell.
        XCTAssertNil(cells["B5"])
        XCTAssertEqual(cells.keys.filter { $0.hasSuffix("5") && $0.count == 2 }, ["A5"])
        XCTAssertEqual(cells["B6"], ExportedCell(type: "inlineStr", style: nil, text: ""))
        XCTAssertEqual(cells.count, 9 + 9 + 7 + 6 + 1 + 9 + 9)
    }

    func testRawHeaderlessAndTheDateStyle() throws {
        try export(to: "t.xlsx", try options(#"header: false, raw: true, date: "dd.MM.yyyy""#), query: query(where: "id = 2"))
        let book = try ExportedWorkbook(path: path("t.xlsx"))
        let cells = try book.cells()
        XCTAssertEqual(cells["B1"], ExportedCell(type: "inlineStr", style: nil, text: "=SUM(A1)"))
        XCTAssertEqual(cells["G1"], ExportedCell(type: nil, style: "2", text: "36525"))
        XCTAssertTrue(book.text("xl/styles.xml").contains(#"formatCode="dd\.mm\.yyyy""#))
        XCTAssertFalse(book.text("xl/worksheets/sheet1.xml").contains("<pane"))
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"<sheet name="t""#))
    }

    func testSheetNamesAreMadeAcceptable() throws {
        try export(to: "t.xlsx", query: query(where: "0"), sheet: "a/b:c*d?e[f]g' and a long tail beyond 31")
        let workbook = try ExportedWorkbook(path: path("t.xlsx")).text("xl/workbook.xml")
        XCTAssertTrue(workbook.contains(#"<sheet name="a_b_c_d_e_f_g' and a long tail" "#), workbook)
    }

    /// LibreOffice, when installed, must open the workbook and read the values back.
    func testLibreOfficeOpensIt() throws {
        let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let office else { throw XCTSkip("LibreOffice is not installed") }
        try export(to: "t.xlsx")
        let converted = directory.appendingPathComponent("lo")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                             "--outdir", converted.path, path("t.xlsx")]
        process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let lines = try String(contentsOf: converted.appendingPathComponent("t.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "id,name,amount,whole,precise,ratio,closed_at,stamp,won")
        let first = String(lines[1])
        XCTAssertTrue(first.hasPrefix(#"1,"ООО ""Ромашка""","#), first)
        XCTAssertTrue(first.contains("2026-02-20,2026-02-20 14:05:00"), first)
        // The money cell shows its kopecks under the 2-decimal format, whatever the grouping.
        XCTAssertTrue(first.contains("250") && (first.contains("000.50") || first.contains("000,50")), first)
        XCTAssertTrue(lines[2].hasPrefix("2,'=SUM(A1),"), String(lines[2]))
    }
}

/// One cell of a sheet as written: its `t` and `s` attributes and its value or inline text.
struct ExportedCell: Equatable {
    var type: String?
    var style: String?
    var text: String
}

/// An exported workbook opened with ZIPFoundation, its sheet parsed with XMLParser.
struct ExportedWorkbook {
    var entries: [String: Data] = [:]
    var entryNames: [String] = []

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
            entryNames.append(entry.path)
        }
    }

    func text(_ name: String) -> String { String(decoding: entries[name] ?? Data(), as: UTF8.self) }

    func cells() throws -> [String: ExportedCell] {
        let reader = ExportedSheetReader()
        let parser = XMLParser(data: entries["xl/worksheets/sheet1.xml"] ?? Data())
        parser.delegate = reader
        guard parser.parse() else { throw Diagnostic("the sheet is not well-formed XML: \(String(describing: parser.parserError))") }
        return reader.cells
    }
}

/// Collects `<c r="…" t="…" s="…">` with the text of its `<v>` or `<t>`.
final class ExportedSheetReader: NSObject, XMLParserDelegate {
    var cells: [String: ExportedCell] = [:]
    private var reference: String?
    private var current = ExportedCell(type: nil, style: nil, text: "")

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "c" {
            reference = attributes["r"]
            current = ExportedCell(type: attributes["t"], style: attributes["s"], text: "")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if reference != nil { current.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "c", let reference {
            cells[reference] = current
            self.reference = nil
        }
    }
}
