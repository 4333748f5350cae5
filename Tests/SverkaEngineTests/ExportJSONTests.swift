import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class ExportJSONTests: ExportTestCase {
    func testJSONBytes() throws {
        let data = try export(to: "t.json")
        assertText(data, """
            [
              {"id": 1, "name": "ООО \\"Ромашка\\"", "amount": 1250000.50, "whole": 7, "precise": 1.500, "ratio": 0.25, "closed_at": "2026-02-20", "stamp": "2026-02-20 14:05:00", "won": true},
              {"id": 2, "name": "=SUM(A1)", "amount": -1234.56, "whole": -3, "precise": -0.005, "ratio": null, "closed_at": "1999-12-31", "stamp": null, "won": false},
              {"id": 3, "name": "-минус\\nвторая, строка", "amount": 0.00, "whole": 0, "precise": 0.000, "ratio": -2.5, "closed_at": null, "stamp": null, "won": null},
              {"id": 4, "name": null, "amount": null, "whole": null, "precise": null, "ratio": null, "closed_at": null, "stamp": null, "won": null},
              {"id": 5, "name": "", "amount": 0.05, "whole": 1000000, "precise": 123.456, "ratio": 3, "closed_at": "2026-11-30", "stamp": "2026-11-30 00:00:00", "won": true},
              {"id": 6, "name": "'=x", "amount": -0.01, "whole": 12, "precise": -1.000, "ratio": 0.1, "closed_at": "1900-01-15", "stamp": "2000-02-29 23:59:59", "won": false}
            ]

            """)
        // A standard parser reads it, and the money's digits are all there.
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(parsed.count, 6)
        XCTAssertEqual(parsed[0]["name"] as? String, "ООО \"Ромашка\"")
        XCTAssertEqual((parsed[1]["amount"] as? NSNumber)?.doubleValue, -1234.56)
    }

    func testNDJSONWithDateStyleAndDuplicateNames() throws {
        let query = CompiledQuery(sql: "SELECT id, id, closed_at FROM t WHERE id IN (1, 4) ORDER BY id", parameters: [],
                                  columns: [ResultColumn(name: "id", type: .integer), ResultColumn(name: "id", type: .integer),
                                            ResultColumn(name: "closed_at", type: .date)],
                                  engine: "SQLite")
        assertText(try export(to: "t.ndjson", try options(#"date: "dd.MM.yyyy""#), query: query), """
            {"id": 1, "id_2": 1, "closed_at": "20.02.2026"}
            {"id": 4, "id_2": 4, "closed_at": null}

            """)
    }

    func testAnEmptyResultIsAnEmptyArray() throws {
        assertText(try export(to: "t.json", query: query(where: "0")), "[]\n")
        assertText(try export(to: "t.ndjson", query: query(where: "0")), "")
    }

    func testFloatsKeepEveryDigitAndNonFiniteIsNull() throws {
        let query = CompiledQuery(sql: "SELECT 0.1 + 0.2, 1e300 * 1e300, 123456789.123456789", parameters: [],
                                  columns: ["a", "b", "c"].map { ResultColumn(name: $0, type: .number) }, engine: "SQLite")
        assertText(try export(to: "f.json", query: query),
                   "[\n  {\"a\": 0.30000000000000004, \"b\": null, \"c\": 123456789.12345679}\n]\n")
    }
}
