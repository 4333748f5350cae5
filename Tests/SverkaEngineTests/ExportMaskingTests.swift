import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// `export … with (mask: …)`: every format writes the masked values, and nothing of the raw
/// contacts is left in the file.
final class ExportMaskingTests: ExportTestCase {
    /// The raw personal data of the contacts fixture, none of which a masked file may hold.
    static let raw = ["sidorov@example.com", "ivan@example.org", "info@romashka.ru", "123-45-67", "111-22-33",
                      "765-43-21", "79161112233", "500100732259"]

    static let contactColumns = [
        ResultColumn(name: "id", type: .text), ResultColumn(name: "name", type: .text), ResultColumn(name: "email", type: .text),
        ResultColumn(name: "phone", type: .text), ResultColumn(name: "inn", type: .text), ResultColumn(name: "note", type: .text),
        ResultColumn(name: "mobile", type: .integer),
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        try workspace().database.execute("""
            CREATE TABLE p (id TEXT, name TEXT, email TEXT, phone TEXT, inn TEXT, note TEXT, mobile INTEGER);
            INSERT INTO p VALUES
              ('C1', 'ИП Сидоров Сергей Сергеевич', 'sidorov@example.com', '+7 (916) 123-45-67', '500100732259',
               'звонить 8 495 111-22-33 или ivan@example.org', 79161112233),
              ('C2', 'ООО "Ромашка"', 'info@romashka.ru', '8 (495) 765-43-21', '7707083893', NULL, NULL);
            """)
    }

    private var contacts: CompiledQuery {
        CompiledQuery(sql: "SELECT * FROM p ORDER BY id", parameters: [], columns: Self.contactColumns, engine: "SQLite")
    }

    private static let rules: [MaskRule?] = [nil, .organizationName(personPrefixes: ["ИП"]), .email, .phone, .taxID, nil, nil]

    func testMaskTrueFindsContactsByTheirShapeInEveryFormat() throws {
        for name in ["p.csv", "p.tsv", "p.json", "p.ndjson", "p.md", "p.xlsx"] {
            let data = try export(to: name, try options("mask: true"), query: contacts)
            let text = name.hasSuffix("xlsx") ? try ExportedWorkbook(path: path(name)).cells().values.map(\.text).joined(separator: "\n")
                                              : String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.contains("s***@example.com"), name)
            XCTAssertTrue(text.contains("+7 *** ***-**-33"), name)
            for raw in Self.raw where raw != "500100732259" {
                XCTAssertFalse(text.contains(raw), "\(name) holds \(raw)")
            }
            // Without a rule for its column, a twelve-digit tax id is found by its check digits.
            XCTAssertFalse(text.contains("500100732259"), name)
        }
    }

    func testColumnRulesMaskWhatTheShapeAloneWouldMiss() throws {
        var options = ExportOptions()
        options.masking = Masking(level: .names, columnRules: Self.rules)
        assertText(try export(to: "p.csv", options, query: contacts), #"""
            id,name,email,phone,inn,note,mobile
            C1,ИП С*** С. С.,s***@example.com,'+7 *** ***-**-67,**********59,звонить +7 *** ***-**-33 или i***@example.org,'+7 *** ***-**-33
            C2,"ООО ""Ромашка""",i***@romashka.ru,'+7 *** ***-**-21,7707083893,,

            """#)
        assertText(try export(to: "p.ndjson", options, query: contacts), #"""
            {"id": "C1", "name": "ИП С*** С. С.", "email": "s***@example.com", "phone": "+7 *** ***-**-67", "inn": "**********59", "note": "звонить +7 *** ***-**-33 или i***@example.org", "mobile": "+7 *** ***-**-33"}
            {"id": "C2", "name": "ООО \"Ромашка\"", "email": "i***@romashka.ru", "phone": "+7 *** ***-**-21", "inn": "7707083893", "note": null, "mobile": null}

            """#)
    }

    func testTheReportSaysWhatWasMasked() throws {
        let request = ExportRequest(path: "p.csv", filePath: path("p.csv"), options: try options(#"mask: "names""#))
        let report = try Exporter().export(contacts, request, from: workspace().database)
        XCTAssertEqual(report.notes, ["personal data masked: e-mails, phones, individuals' tax ids and names of persons"])
    }

    func testMaskFalseAndNoOptionWriteTheDataAsItIs() throws {
        for options in [ExportOptions(), try options("mask: false")] {
            let text = String(decoding: try export(to: "p.json", options, query: contacts), as: UTF8.self)
            XCTAssertTrue(text.contains("sidorov@example.com"))
            XCTAssertTrue(text.contains("\"mobile\": 79161112233"))
        }
    }

    func testABadMaskValueIsAnErrorAtIt() throws {
        XCTAssertThrowsError(try options(#"mask: "maybe""#)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, #"'mask' cannot be "maybe""#)
            XCTAssertEqual((error as? Diagnostic)?.hints, [#"mask takes true, false or "names" (also persons' names)"#])
        }
    }
}
