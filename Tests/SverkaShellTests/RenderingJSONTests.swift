import Foundation
import XCTest
import SverkaEngine
@testable import SverkaShell

final class RenderingJSONTests: XCTestCase {
    private let json = RenderSettings(format: .json)

    func testArrayOfObjectsInColumnOrder() {
        let text = renderToString(json, [
            ResultColumn(name: "client_id", type: .integer),
            ResultColumn(name: "revenue", type: .decimal(scale: 2)),
            ResultColumn(name: "name", type: .text),
            ResultColumn(name: "closed_at", type: .date),
            ResultColumn(name: "won", type: .bool),
            ResultColumn(name: "share", type: .number),
        ], [
            [.integer(17), money("12345.67"), .text("ООО «Вектор»"), day("2026-11-30"), .bool(true), .number(0.25)],
            [.integer(18), .null, .null, .null, .bool(false), .number(2)],
        ])
        XCTAssertEqual(text, """
        [
          {"client_id": 17, "revenue": 12345.67, "name": "ООО «Вектор»", "closed_at": "2026-11-30", "won": true, "share": 0.25},
          {"client_id": 18, "revenue": null, "name": null, "closed_at": null, "won": false, "share": 2}
        ]

        """)
    }

    func testDecimalsAreWrittenFromTheirDigits() {
        let text = renderToString(json, [ResultColumn(name: "a", type: .decimal(scale: 0)),
                                         ResultColumn(name: "b", type: .decimal(scale: 2)),
                                         ResultColumn(name: "c", type: .decimal(scale: 3))],
                                  [[money("-7"), money("-0.50"), money("9007199254740.993")]])
        XCTAssertEqual(text, "[\n  {\"a\": -7, \"b\": -0.50, \"c\": 9007199254740.993}\n]\n")
    }

    func testEscapesStrings() {
        let text = renderToString(json, [ResultColumn(name: "say \"hi\"", type: .text)],
                                  [[.text("q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}c\u{01}\u{1F}ls\u{2028}ж")]])
        XCTAssertEqual(text, #"""
        [
          {"say \"hi\"": "q\"b\\s/n\nr\rt\tb\bf\fc\u0001\u001fls\u2028ж"}
        ]

        """#)
    }

    func testNonFiniteNumbersBecomeNull() {
        let text = renderToString(json, [ResultColumn(name: "x", type: .number)], [[.number(.nan)], [.number(.infinity)]])
        XCTAssertEqual(text, "[\n  {\"x\": null},\n  {\"x\": null}\n]\n")
    }

    func testEmptyResultIsAnEmptyArray() {
        XCTAssertEqual(renderToString(json, [ResultColumn(name: "id", type: .integer)], []), "[]\n")
        XCTAssertEqual(renderToString(json, [], []), "[]\n")
    }

    func testRepeatedColumnNamesGetSuffixes() {
        let text = renderToString(json, [ResultColumn(name: "id", type: .integer),
                                         ResultColumn(name: "id", type: .integer),
                                         ResultColumn(name: "id_2", type: .integer)],
                                  [[.integer(1), .integer(2), .integer(3)]])
        XCTAssertEqual(text, "[\n  {\"id\": 1, \"id_3\": 2, \"id_2\": 3}\n]\n")
    }

    func testOutputParsesAsJSON() throws {
        let text = renderToString(json, [ResultColumn(name: "t", type: .text), ResultColumn(name: "m", type: .decimal(scale: 2))],
                                  [[.text("a\u{0}b\"c"), money("-1234567.89")], [.text("Ромашка"), .null]])
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 2)
        XCTAssertEqual(parsed?.first?["t"] as? String, "a\u{0}b\"c")
        XCTAssertEqual(parsed?.last?["t"] as? String, "Ромашка")
    }
}
