import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class ExportCSVTests: ExportTestCase {
    func testDefaultCSVBytes() throws {
        assertText(try export(to: "t.csv"), #"""
            id,name,amount,whole,precise,ratio,closed_at,stamp,won
            1,"ООО ""Ромашка""",1250000.50,7,1.500,0.25,2026-02-20,2026-02-20 14:05:00,true
            2,'=SUM(A1),-1234.56,-3,-0.005,,1999-12-31,,false
            3,"'-минус
            вторая, строка",0.00,0,0.000,-2.5,,,
            4,,,,,,,,
            5,"",0.05,1000000,123.456,3,2026-11-30,2026-11-30 00:00:00,true
            6,''=x,-0.01,12,-1.000,0.1,1900-01-15,2000-02-29 23:59:59,false

            """#)
    }

    func testDecimalCommaDefaultsTheDelimiterToSemicolonAndSaysSo() throws {
        let request = ExportRequest(path: "t.csv", filePath: path("t.csv"),
                                    options: try options(#"decimal: ",", date: "dd.MM.yyyy""#))
        let report = try Exporter().export(query(where: "id IN (1, 2, 3)"), request, from: workspace().database)
        XCTAssertEqual(report.notes.first?.hasPrefix("delimiter ';'"), true)
        XCTAssertEqual(report.rows, 3)
        assertText(try Data(contentsOf: URL(fileURLWithPath: path("t.csv"))), #"""
            id;name;amount;whole;precise;ratio;closed_at;stamp;won
            1;"ООО ""Ромашка""";1250000,50;7;1,500;0,25;20.02.2026;20.02.2026 14:05:00;true
            2;'=SUM(A1);-1234,56;-3;-0,005;;31.12.1999;;false
            3;"'-минус
            вторая, строка";0,00;0;0,000;-2,5;;;

            """#)
    }

    func testDecimalCommaWithCommaDelimiterQuotesTheNumbers() throws {
        let data = try export(to: "t.csv", try options(#"decimal: ",", delimiter: ",""#), query: query(where: "id = 2"))
        assertText(data, """
            id,name,amount,whole,precise,ratio,closed_at,stamp,won
            2,'=SUM(A1),"-1234,56",-3,"-0,005",,1999-12-31,,false

            """)
    }

    func testTSVRawWithoutHeaderAndOtherDateStyles() throws {
        let data = try export(to: "t.tsv", try options(#"header: false, raw: true, date: "MM/dd/yyyy""#),
                              query: query(where: "id IN (2, 6)"))
        assertText(data, "2\t=SUM(A1)\t-1234.56\t-3\t-0.005\t\t12/31/1999\t\tfalse\n"
                   + "6\t'=x\t-0.01\t12\t-1.000\t0.1\t01/15/1900\t02/29/2000 23:59:59\tfalse\n")
        let short = try export(to: "short.csv", try options(#"date: "dd.MM.yy", header: false"#), query: query(where: "id = 6"))
        assertText(short, "6,''=x,-0.01,12,-1.000,0.1,15.01.00,29.02.00 23:59:59,false\n")
    }

    func testByteOrderMarkAndCustomDelimiter() throws {
        let data = try export(to: "t.csv", try options(#"bom: true, delimiter: "|""#), query: query(where: "id = 4"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        assertText(data.dropFirst(3), "id|name|amount|whole|precise|ratio|closed_at|stamp|won\n4||||||||\n")
    }

    func testAnEmptyResultWritesTheHeaderOnly() throws {
        assertText(try export(to: "t.csv", query: query(where: "0")),
                   "id,name,amount,whole,precise,ratio,closed_at,stamp,won\n")
    }

    func testHeaderNamesAreGuardedToo() throws {
        let query = CompiledQuery(sql: "SELECT 1, 'x'", parameters: [],
                                  columns: [ResultColumn(name: "-delta", type: .integer), ResultColumn(name: "=f", type: .text)],
                                  engine: "SQLite")
        assertText(try export(to: "h.csv", query: query), "'-delta,'=f\n1,x\n")
        assertText(try export(to: "raw.csv", try options("raw: true"), query: query), "-delta,=f\n1,x\n")
    }

    func testMarkdownGroupsMoneyAndEscapesCells() throws {
        assertText(try export(to: "t.md", query: query(where: "id IN (1, 3, 4)")), """
            | id | name | amount | whole | precise | ratio | closed_at | stamp | won |
            |--:|---|--:|--:|--:|--:|---|---|---|
            | 1 | ООО "Ромашка" | 1,250,000.50 | 7 | 1.500 | 0.25 | 2026-02-20 | 2026-02-20 14:05:00 | true |
            | 3 | -минус<br>вторая, строка | 0.00 | 0 | 0.000 | -2.5 |  |  |  |
            | 4 |  |  |  |  |  |  |  |  |

            """)
        let comma = try export(to: "c.md", try options(#"decimal: ",""#), query: query(where: "id = 1"))
        XCTAssertTrue(String(decoding: comma, as: UTF8.self).contains("| 1 250 000,50 | 7 | 1,500 | 0,25 |"))
    }
}
