import XCTest
import SverkaEngine
@testable import SverkaShell

final class RenderingTableTests: XCTestCase {
    private let table = RenderSettings(format: .table)

    func testAlignsNumbersRightTextLeftAndGroupsMoney() {
        let text = renderToString(table, [
            ResultColumn(name: "client_id", type: .integer),
            ResultColumn(name: "name", type: .text),
            ResultColumn(name: "revenue", type: .decimal(scale: 2)),
        ], [
            [.integer(17), .text("ООО \"Ромашка\""), money("1234567.50")],
            [.integer(1024), .text("ИП Иванов И.И."), .null],
        ])
        XCTAssertEqual(text, """
        ┌───────────┬────────────────┬──────────────┐
        │ client_id │ name           │      revenue │
        ├───────────┼────────────────┼──────────────┤
        │        17 │ ООО "Ромашка"  │ 1,234,567.50 │
        │      1024 │ ИП Иванов И.И. │            ∅ │
        └───────────┴────────────────┴──────────────┘
        2 rows

        """)
    }

    func testMeasuresCyrillicAndWideCharactersByDisplayWidth() {
        let text = renderToString(table, [
            ResultColumn(name: "город", type: .text),
            ResultColumn(name: "n", type: .integer),
        ], [
            [.text("Москва"), .integer(1)],
            [.text("東京"), .integer(22)],
            [.text("Новосибирск"), .integer(333)],
        ])
        XCTAssertEqual(text, """
        ┌─────────────┬─────┐
        │ город       │   n │
        ├─────────────┼─────┤
        │ Москва      │   1 │
        │ 東京        │  22 │
        │ Новосибирск │ 333 │
        └─────────────┴─────┘
        3 rows

        """)
    }

    func testDecimalsKeepTheirScaleAndSign() {
        let text = renderToString(table, [ResultColumn(name: "a", type: .decimal(scale: 0)),
                                          ResultColumn(name: "b", type: .decimal(scale: 2)),
                                          ResultColumn(name: "c", type: .decimal(scale: 3))], [
            [money("1000000"), money("-0.50"), money("-1234.500")],
            [money("-999"), money("12.00"), money("0.001")],
        ])
        XCTAssertEqual(text, """
        ┌───────────┬───────┬────────────┐
        │         a │     b │          c │
        ├───────────┼───────┼────────────┤
        │ 1,000,000 │ -0.50 │ -1,234.500 │
        │      -999 │ 12.00 │      0.001 │
        └───────────┴───────┴────────────┘
        2 rows

        """)
    }

    func testDatesBoolsAndNumbers() {
        let text = renderToString(table, [
            ResultColumn(name: "closed_at", type: .date),
            ResultColumn(name: "won", type: .bool),
            ResultColumn(name: "share", type: .number),
        ], [
            [day("2026-11-30"), .bool(true), .number(0.25)],
            [.null, .bool(false), .number(3)],
        ])
        XCTAssertEqual(text, """
        ┌────────────┬───────┬───────┐
        │ closed_at  │ won   │ share │
        ├────────────┼───────┼───────┤
        │ 2026-11-30 │ true  │  0.25 │
        │ ∅          │ false │     3 │
        └────────────┴───────┴───────┘
        2 rows

        """)
    }

    func testOneRowSaysRow() {
        let text = renderToString(table, [ResultColumn(name: "x", type: .integer)], [[.integer(5)]])
        XCTAssertEqual(text, """
        ┌───┐
        │ x │
        ├───┤
        │ 5 │
        └───┘
        1 row

        """)
    }

    func testHundredRowsShowHeadEllipsisAndTail() {
        let rows = (1...100).map { [Value.integer(Int64($0)), .text("r\($0)")] }
        let settings = RenderSettings(format: .table, maxRows: 6)
        let text = renderToString(settings, [ResultColumn(name: "id", type: .integer),
                                             ResultColumn(name: "label", type: .text)], rows)
        XCTAssertEqual(text, """
        ┌─────┬───────┐
        │  id │ label │
        ├─────┼───────┤
        │   1 │ r1    │
        │   2 │ r2    │
        │   3 │ r3    │
        │   … │ …     │
        │  98 │ r98   │
        │  99 │ r99   │
        │ 100 │ r100  │
        └─────┴───────┘
        100 rows (6 shown)

        """)
    }

    func testDefaultLimitShowsFirstTwentyAndLastTwenty() {
        let rows = (1...100).map { [Value.integer(Int64($0))] }
        let text = renderToString(table, [ResultColumn(name: "n", type: .integer)], rows)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = lines.filter { $0.hasPrefix("│") }.dropFirst().map { $0.trimmingCharacters(in: .init(charactersIn: "│ ")) }
        XCTAssertEqual(body, (1...20).map(String.init) + ["…"] + (81...100).map(String.init))
        XCTAssertEqual(lines.suffix(2), ["100 rows (40 shown)", ""])
    }

    func testExactlyMaxRowsIsNotCut() {
        let rows = (1...4).map { [Value.integer(Int64($0))] }
        let text = renderToString(RenderSettings(maxRows: 4), [ResultColumn(name: "n", type: .integer)], rows)
        XCTAssertFalse(text.contains("…"))
        XCTAssertTrue(text.hasSuffix("│ 4 │\n└───┘\n4 rows\n"))
    }

    func testZeroOrLessMaxRowsShowsEverything() {
        let rows = (1...50).map { [Value.integer(Int64($0))] }
        let text = renderToString(RenderSettings(maxRows: 0), [ResultColumn(name: "n", type: .integer)], rows)
        XCTAssertFalse(text.contains("…"))
        XCTAssertTrue(text.hasSuffix("50 rows\n"))
    }

    func testLongCellsAreCutAtSixtyColumns() {
        let long = String(repeating: "Ж", count: 100)
        let text = renderToString(table, [ResultColumn(name: "note", type: .text)], [[.text(long)]])
        let cut = String(repeating: "Ж", count: 59) + "…"
        XCTAssertTrue(text.contains("│ \(cut) │\n"), text)
        XCTAssertEqual(CellText.truncated(String(repeating: "東", count: 40), toWidth: 60),
                       String(repeating: "東", count: 29) + "…")
        XCTAssertEqual(CellText.truncated("short", toWidth: 60), "short")
    }

    func testLineBreaksInCellsDoNotBreakTheTable() {
        let text = renderToString(table, [ResultColumn(name: "t", type: .text)], [[.text("a\r\nb\tc\u{1}")]])
        XCTAssertTrue(text.contains("│ a↵b c\u{FFFD} │"), text)
    }

    func testZeroRows() {
        let text = renderToString(table, [ResultColumn(name: "id", type: .integer),
                                          ResultColumn(name: "name", type: .text)], [])
        XCTAssertEqual(text, """
        ┌────┬──────┐
        │ id │ name │
        └────┴──────┘
        0 rows

        """)
    }

    func testZeroColumns() {
        XCTAssertEqual(renderToString(table, [], []), "(no columns)\n0 rows\n")
    }

    func testTypeRowWhenAsked() {
        var settings = table
        settings.showTypes = true
        let text = renderToString(settings, [ResultColumn(name: "amount", type: .decimal(scale: 2)),
                                             ResultColumn(name: "d", type: .date)],
                                  [[money("5.00"), day("2026-01-02")]])
        XCTAssertEqual(text, """
        ┌────────────┬────────────┐
        │     amount │ d          │
        │ decimal(2) │ date       │
        ├────────────┼────────────┤
        │       5.00 │ 2026-01-02 │
        └────────────┴────────────┘
        1 row

        """)
    }

    func testUntypedColumnOfNumbersAlignsRight() {
        let text = renderToString(table, [ResultColumn(name: "x", type: .null)], [[.integer(5)], [.integer(100)]])
        XCTAssertTrue(text.contains("│   5 │"), text)
    }

    func testShortRowsReadAsNulls() {
        let text = renderToString(table, [ResultColumn(name: "a", type: .text),
                                          ResultColumn(name: "b", type: .text)], [[.text("x")]])
        XCTAssertTrue(text.contains("│ x │ ∅ │"), text)
    }

    func testCustomNullText() {
        let text = renderToString(RenderSettings(nullText: "NULL"), [ResultColumn(name: "a", type: .text)], [[.null]])
        XCTAssertTrue(text.contains("│ NULL │"), text)
    }
}

final class RenderingRowWindowTests: XCTestCase {
    func testKeepsHeadAndTailInOrder() {
        var window = RowWindow<Int>(maxRows: 5)
        for value in 1...12 { window.append(value) }
        XCTAssertEqual(window.head, [1, 2, 3])
        XCTAssertEqual(window.tail, [11, 12])
        XCTAssertEqual(window.count, 12)
        XCTAssertTrue(window.isCut)
    }

    func testKeepsEverythingWhenItFits() {
        var window = RowWindow<Int>(maxRows: 4)
        for value in 1...4 { window.append(value) }
        XCTAssertEqual(window.head + window.tail, [1, 2, 3, 4])
        XCTAssertFalse(window.isCut)
    }

    func testOneRowWindowKeepsTheFirst() {
        var window = RowWindow<Int>(maxRows: 1)
        for value in 1...3 { window.append(value) }
        XCTAssertEqual(window.head, [1])
        XCTAssertEqual(window.tail, [])
        XCTAssertTrue(window.isCut)
    }
}
