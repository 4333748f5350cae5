import Foundation
import XCTest
import ZIPFoundation

/// Builds .xlsx files from XML written in the tests, laid out the way Excel writes them:
/// workbook, relationships, shared strings, styles, and one part per sheet.
struct XLSXFixture {
    struct Sheet {
        var name: String
        /// The `<row>` elements inside `<sheetData>`.
        var rows: String
        var hidden = false
    }

    var sheets: [Sheet]
    /// The inner XML of each `<si>`: `<t>plain</t>` or rich text runs.
    var sharedStrings: [String] = []
    /// Custom number formats: id → code.
    var numberFormats: [(Int, String)] = []
    /// The numFmtId of each cell style (`s="N"` picks the N-th).
    var cellFormats: [Int] = [0]
    var date1904 = false

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Writes the workbook to `path`.
    func write(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts() {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    func parts() -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let sheetList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)"\#(sheet.hidden ? #" state="hidden""# : "") r:id="rId\#(index + 1)"/>"#
        }.joined()
        let workbook = header + #"<workbook xmlns="\#(XLSXFixture.main)" xmlns:r="\#(XLSXFixture.relationships)">"#
            + (date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>") + "<sheets>\(sheetList)</sheets></workbook>"
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var links = sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(type)worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }
        links.append(#"<Relationship Id="rId90" Type="\#(type)sharedStrings" Target="sharedStrings.xml"/>"#)
        links.append(#"<Relationship Id="rId91" Type="\#(type)styles" Target="/xl/styles.xml"/>"#)
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        var parts = [
            ("[Content_Types].xml", header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", header + #"<Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(type)officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", header + #"<Relationships xmlns="\#(package)">\#(links.joined())</Relationships>"#),
            ("xl/sharedStrings.xml", header + #"<sst xmlns="\#(XLSXFixture.main)" count="\#(sharedStrings.count)">"#
                + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>"),
            ("xl/styles.xml", header + styles()),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml",
                          header + #"<worksheet xmlns="\#(XLSXFixture.main)" xmlns:r="\#(XLSXFixture.relationships)"><dimension ref="A1"/><sheetData>"#
                            + sheet.rows + "</sheetData></worksheet>"))
        }
        return parts
    }

    private func styles() -> String {
        let formats = numberFormats.map { #"<numFmt numFmtId="\#($0.0)" formatCode="\#($0.1)"/>"# }.joined()
        // A date format among the cell-style templates: it must not shift the cell styles' indexes.
        return #"<styleSheet xmlns="\#(XLSXFixture.main)"><numFmts count="\#(numberFormats.count)">\#(formats)</numFmts>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(cellFormats.count)">"# + cellFormats.map { #"<xf numFmtId="\#($0)" xfId="0"/>"# }.joined()
            + "</cellXfs></styleSheet>"
    }

    /// A ZIP archive holding arbitrary files, for packages that are not workbooks.
    static func writeZip(_ files: [(String, String)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }
}

/// Checks the fixture builder itself: the parts a reader looks for are there.
final class LoadingXLSXFixtureTests: XCTestCase {
    func testFixtureHasTheWorkbookParts() {
        let fixture = XLSXFixture(sheets: [XLSXFixture.Sheet(name: "A", rows: "")])
        XCTAssertEqual(fixture.parts().map(\.0), ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                                  "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
                                                  "xl/worksheets/sheet1.xml"])
    }
}
