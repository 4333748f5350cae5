import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

final class LoadingXLSXTests: StructuredLoadingTestCase {
    /// Two sheets; the first has shared strings (one rich text with a phonetic guide), inline
    /// strings, a money-styled decimal, date-styled serials, booleans, a formula string, an error
    /// value, sparse cells, an empty row in the middle and a formatting-only row at the end.
    static let deals = XLSXFixture(
        sheets: [
            XLSXFixture.Sheet(name: "Сделки", rows: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
                <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="inlineStr"><is><t>won</t></is></c>\
                <c r="G1" t="s"><v>5</v></c><c r="H1" t="s"><v>6</v></c></row>
                <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" s="3"><v>12345.67</v></c>\
                <c r="D2" s="1"><v>46037</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="b"><v>1</v></c>\
                <c r="G2" s="2"><v>46037.5</v></c><c r="H2" t="str"><f>IF(A2&gt;0,"ok","")</f><v>ok</v></c></row>
                <row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>ИП Петров</t></is></c><c r="C3" s="3"><v>500</v></c>\
                <c r="D3" s="1"><v>46054</v></c><c r="E3" t="s"><v>9</v></c><c r="F3" t="b"><v>0</v></c>\
                <c r="G3" s="2"><v>46054.75</v></c></row>
                <row r="4" spans="1:8"><c r="B4" s="3"/></row>
                <row r="5"><c r="A5"><v>3</v></c><c r="B5" t="s"><v>10</v></c><c r="C5" s="3"><v>0.30000000000000004</v></c>\
                <c r="E5" t="s"><v>11</v></c><c r="F5" t="b"><v>1</v></c><c r="G5" s="2"><v>46356</v></c>\
                <c r="H5" t="e"><v>#N/A</v></c></row>
                <row r="9"><c r="C9" s="3"/></row>
                """),
            XLSXFixture.Sheet(name: "Итоги", rows: """
                <row r="1"><c r="A1" t="inlineStr"><is><t>month</t></is></c><c r="B1" t="inlineStr"><is><t>total</t></is></c></row>
                <row r="2"><c r="A2" s="1"><v>45658</v></c><c r="B2"><v>1.5E-2</v></c></row>
                """),
        ],
        sharedStrings: ["<t>id</t>", "<t>client</t>", "<t>amount</t>", "<t>closed_at</t>", "<t>inn</t>", "<t>created</t>",
                        "<t>note</t>",
                        #"<r><rPr><b/></rPr><t xml:space="preserve">ООО </t></r><r><t>«Ромашка» &amp; Co</t></r><rPh sb="0" eb="1"><t>ロ</t></rPh>"#,
                        "<t>007701234567</t>", "<t>500100732259</t>", "<t>Beta</t>", "<t>7701234567</t>"],
        numberFormats: [(164, "dd\\.mm\\.yyyy\\ hh:mm")],
        cellFormats: [0, 14, 164, 4])

    private func loadXLSX(_ fixture: XLSXFixture, name: String = "book.xlsx", table: String = "t",
                          sheet: String? = nil, types: [String: LogicalType] = [:],
                          into workspace: Workspace) throws -> LoadReport {
        let path = directory.appendingPathComponent(name).path
        try fixture.write(to: path)
        return try XLSXLoader().load(LoadRequest(path: path, table: table, options: LoadOptions(columnTypes: types)),
                                     structured: StructuredLoadOptions(sheet: sheet), into: workspace)
    }

    func testFirstSheetWithEveryKindOfCell() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadXLSX(Self.deals, into: workspace)
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.columns, [
            ResultColumn(name: "id", type: .integer), ResultColumn(name: "client", type: .text),
            ResultColumn(name: "amount", type: .decimal(scale: 2)), ResultColumn(name: "closed_at", type: .date),
            ResultColumn(name: "inn", type: .text), ResultColumn(name: "won", type: .bool),
            ResultColumn(name: "created", type: .datetime), ResultColumn(name: "note", type: .text),
        ])
        XCTAssertEqual(try rows(workspace), [
            [.integer(1), .text("ООО «Ромашка» & Co"), .integer(1_234_567), .text("2026-01-15"), .text("007701234567"),
             .integer(1), .text("2026-01-15 12:00:00"), .text("ok")],
            [.integer(2), .text("ИП Петров"), .integer(50_000), .text("2026-02-01"), .text("500100732259"),
             .integer(0), .text("2026-02-01 18:00:00"), .null],
            [.integer(3), .text("Beta"), .integer(30), .null, .text("7701234567"),
             .integer(1), .text("2026-11-30 00:00:00"), .text("#N/A")],
        ])
        XCTAssertEqual(Array(report.notes.prefix(4)), [
            "format: Excel workbook (.xlsx)",
            "sheet: 'Сделки' (1 of 2: 1 'Сделки', 2 'Итоги'; the option sheet picks another)",
            "header: row 1",
            "empty rows skipped: 1",
        ])
        XCTAssertTrue(report.notes.contains("closed_at: date; 1 empty → null; from Excel date cells"), "\(report.notes)")
        XCTAssertTrue(report.notes.contains("created: datetime (dates without a time are midnight); from Excel date cells"))
        XCTAssertTrue(report.notes.contains("amount: decimal(2)"))
        let source = try XCTUnwrap(workspace.catalog.source(of: "t"))
        XCTAssertEqual(source.options, "format: xlsx")
        XCTAssertEqual(source.contentHash.count, 64)
    }

    func testSheetByNameAndByPosition() throws {
        let workspace = try Workspace(path: nil)
        let byName = try loadXLSX(Self.deals, sheet: "итоги", into: workspace)
        XCTAssertEqual(byName.columns, [ResultColumn(name: "month", type: .date), ResultColumn(name: "total", type: .decimal(scale: 3))])
        XCTAssertEqual(try rows(workspace), [[.text("2025-01-01"), .integer(15)]])
        XCTAssertEqual(workspace.catalog.source(of: "t")?.options, "format: xlsx; sheet: итоги")
        let byPosition = try loadXLSX(Self.deals, sheet: "2", into: workspace)
        XCTAssertEqual(byPosition.notes[1], "sheet: 'Итоги' (2 of 2: 1 'Сделки', 2 'Итоги'; the option sheet picks another)")
    }

    func testHiddenFirstSheetIsPassedOverByDefault() throws {
        var fixture = Self.deals
        fixture.sheets[0].hidden = true
        let workspace = try Workspace(path: nil)
        let report = try loadXLSX(fixture, into: workspace)
        XCTAssertEqual(report.columns.map(\.name), ["month", "total"])
    }

    func testATextCellMakesANumberColumnTextAndTheNoteSaysWhichRow() throws {
        let fixture = XLSXFixture(sheets: [XLSXFixture.Sheet(name: "S", rows: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>amount</t></is></c></row>
            <row r="2"><c r="A2"><v>10.5</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>n/a</t></is></c></row>
            """)])
        let workspace = try Workspace(path: nil)
        let report = try loadXLSX(fixture, into: workspace)
        XCTAssertEqual(report.notes.last, "amount: text (row 4 has \"n/a\", not a number)")
    }

    func testThe1904DateSystem() throws {
        let fixture = XLSXFixture(sheets: [XLSXFixture.Sheet(name: "S", rows: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>44575</v></c></row><row r="3"><c r="A3" s="1"><v>0</v></c></row>
            """)], cellFormats: [0, 14], date1904: true)
        let workspace = try Workspace(path: nil)
        let report = try loadXLSX(fixture, into: workspace)
        XCTAssertEqual(try rows(workspace), [[.text("2026-01-15")], [.text("1904-01-01")]])
        XCTAssertTrue(report.notes.contains("dates: the 1904 date system (serial numbers count from 1904-01-01)"))
    }

    func testRequestedTypesAndARefusedCellNamedByReference() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadXLSX(Self.deals, types: ["id": .text], into: workspace)
        XCTAssertEqual(report.columns.first, ResultColumn(name: "id", type: .text))
        let path = directory.appendingPathComponent("book.xlsx").path
        let error = failure { () throws(Diagnostic) in
            _ = try XLSXLoader().load(LoadRequest(path: path, table: "t", options: LoadOptions(columnTypes: ["client": .integer])),
                                      into: workspace)
        }
        XCTAssertEqual(error.message, "column 'client' (integer) cannot hold \"ООО «Ромашка» & Co\"")
        XCTAssertEqual(error.location, "\(path):Сделки!B2")
        XCTAssertEqual(try rows(workspace, "SELECT id FROM t"), [[.text("1")], [.text("2")], [.text("3")]])
    }

    func testDateSerialsWithTheLotusLeapYear() {
        XCTAssertEqual(XLSXDateSerial.dateText(1, date1904: false), "1900-01-01")
        XCTAssertEqual(XLSXDateSerial.dateText(59, date1904: false), "1900-02-28")
        XCTAssertNil(XLSXDateSerial.dateText(60, date1904: false))  // 1900-02-29 never was
        XCTAssertEqual(XLSXDateSerial.dateText(61, date1904: false), "1900-03-01")
        XCTAssertNil(XLSXDateSerial.dateText(0.25, date1904: false))
        XCTAssertEqual(XLSXDateSerial.dateText(45658, date1904: false), "2025-01-01")
        XCTAssertEqual(XLSXDateSerial.dateText(45658.5416666667, date1904: false), "2025-01-01 13:00:00")
        XCTAssertEqual(XLSXDateSerial.dateText(45658.99999999, date1904: false), "2025-01-02")
        XCTAssertEqual(XLSXDateSerial.dateText(2_958_465, date1904: false), "9999-12-31")
        XCTAssertEqual(XLSXDateSerial.dateText(0, date1904: true), "1904-01-01")
        XCTAssertEqual(XLSXDateSerial.timeText(0.75), "18:00:00")
        XCTAssertEqual(XLSXDateSerial.durationText(1.5), "36:00:00")
    }

    func testNumberFormatsByIdAndCode() {
        XCTAssertEqual(XLSXNumberFormat.classify(id: 14, code: nil), .date)
        XCTAssertEqual(XLSXNumberFormat.classify(id: 22, code: nil), .date)
        XCTAssertEqual(XLSXNumberFormat.classify(id: 20, code: nil), .time)
        XCTAssertEqual(XLSXNumberFormat.classify(id: 46, code: nil), .duration)
        XCTAssertEqual(XLSXNumberFormat.classify(id: 4, code: nil), .fixed(decimals: 2))
        XCTAssertEqual(XLSXNumberFormat.classify(id: 10, code: nil), .other)
        let codes: [(String, XLSXNumberFormat)] = [
            ("dd.mm.yyyy", .date), ("[$-419]d mmmm yyyy", .date), ("mmm", .date), ("h:mm", .time), ("[h]:mm:ss", .duration),
            (#"#,##0.00\ "₽""#, .fixed(decimals: 2)), (#"[Red]-#,##0.00;"нет""#, .fixed(decimals: 2)),
            (#""Итого: "0.000"#, .fixed(decimals: 3)), ("0.00%", .other), ("General", .general), ("@", .other),
            (#"0" дней""#, .fixed(decimals: 0)), ("#,##0.0#", .fixed(decimals: 1)),
        ]
        for (code, format) in codes { XCTAssertEqual(XLSXNumberFormat.classify(code: code), format, code) }
    }

    func testCellNumbersAreRewrittenWithoutADouble() {
        XCTAssertEqual(RowTableNumberText.plain("12345.67", significantDigits: 15), "12345.67")
        XCTAssertEqual(RowTableNumberText.plain("0.30000000000000004", significantDigits: 15), "0.3")
        XCTAssertEqual(RowTableNumberText.plain("1234.5600000000002", significantDigits: 15), "1234.56")
        XCTAssertEqual(RowTableNumberText.plain("9.9999999999999999", significantDigits: 15), "10")
        XCTAssertEqual(RowTableNumberText.plain("1.5E-3"), "0.0015")
        XCTAssertEqual(RowTableNumberText.plain("-2.5e2"), "-250")
        XCTAssertEqual(RowTableNumberText.plain("1.2345678901234567E+19", significantDigits: 15), "12345678901234600000")
        XCTAssertEqual(RowTableNumberText.plain("1e400"), "1e400")
        XCTAssertEqual(XLSXCellValue.number("12345.6", format: .fixed(decimals: 2), date1904: false), "12345.60")
        XCTAssertEqual(XLSXCellValue.number("1.005", format: .fixed(decimals: 2), date1904: false), "1.005")
        XCTAssertEqual(XLSXCellValue.columnIndex(ofReference: "AB12"), 27)
        XCTAssertEqual(XLSXCellValue.columnLetters(27), "AB")
    }
}
