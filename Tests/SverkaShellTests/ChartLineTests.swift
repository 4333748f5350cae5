import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaShell

/// Line charts and sparklines: heights in eighths of a row, zero, gaps, keys.
final class ChartLineTests: XCTestCase {
    private func point(_ label: String, _ value: Double?) -> ChartPoint {
        ChartPoint(label: label, value: value, text: value.map { Value.format($0) } ?? "∅")
    }

    /// The eighths each column is filled to, read back from the rendered rows (bottom up).
    private func heights(_ text: String, rows: Int, columns: Int) -> [Int] {
        let lines = text.split(separator: "\n").map(String.init)
        let plot = lines[1...rows].map { line -> [Character] in
            guard let axis = line.firstIndex(where: { $0 == "┤" || $0 == "│" }) else { return [] }
            return Array(line[line.index(after: axis)...])
        }
        return (0..<columns).map { column in
            plot.reduce(0) { total, row in
                guard column < row.count else { return total }
                if let index = BlockGlyphs.lowerEighths.firstIndex(of: row[column]) { return total + index + 1 }
                return total
            }
        }
    }

    func testColumnsRiseInEighths() {
        let chart = LineChart(title: "t", points: (0...8).map { point("\($0)", Double($0)) }, width: 9 + 4, height: 1, zeroText: "0")
        XCTAssertEqual(heights(chart.render(), rows: 1, columns: 9), [0, 1, 2, 3, 4, 5, 6, 7, 8])
        let tall = LineChart(title: "t", points: [point("a", 10), point("b", 5), point("c", 2.5)], width: 40, height: 4, zeroText: "0")
        let text = tall.render()
        let width = 6 // 3 points in 36 columns: at most 6 columns each
        let columns = heights(text, rows: 4, columns: 3 * width)
        XCTAssertEqual(columns[0], 32)
        XCTAssertEqual(columns[width], 16)
        XCTAssertEqual(columns[2 * width], 8)
    }

    func testGapsAndTheClosingLine() {
        let chart = LineChart(title: "revenue by month", points: [point("2026-01", 3), point("2026-02", nil), point("2026-03", 9)],
                              width: 30, height: 3, zeroText: "0")
        let text = chart.render()
        XCTAssertTrue(text.hasPrefix("revenue by month\n"))
        XCTAssertTrue(text.contains("last 2026-03: 9 · highest 2026-03: 9 · lowest 2026-01: 3"), text)
        XCTAssertTrue(text.contains("└"))
    }

    func testNegativeValuesHangBelowZero() {
        let chart = LineChart(title: "t", points: [point("a", 4), point("b", -4)], width: 12, height: 4, zeroText: "0")
        let lines = chart.render().split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("0 ┤") }, "a zero tick: \(lines)")
        XCTAssertTrue(lines.contains { $0.contains("-4 ┤") }, "the lowest value on the scale: \(lines)")
        let below = lines[3...4].joined()
        XCTAssertTrue(below.contains("█"), "the negative column is drawn below zero: \(lines)")
    }

    func testMoreKeysThanColumnsKeepTheLastOnes() {
        let points = (1...50).map { point(String(format: "k%02d", $0), Double($0)) }
        let text = LineChart(title: "t", points: points, width: 24, height: 2, zeroText: "0").render()
        XCTAssertTrue(text.contains("(the last"), text)
        XCTAssertTrue(text.contains("last k50: 50"), text)
    }

    func testKeyLineSkipsLabelsThatWouldCollide() {
        XCTAssertEqual(LineChart.keyLine(["2026-01", "2026-02", "2026-03"], columnWidth: 8), "2026-01 2026-02 2026-03")
        XCTAssertEqual(LineChart.keyLine(["2026-01", "2026-02", "2026-03"], columnWidth: 4), "2026-01 2026-03")
    }

    func testLineKeysFillMissingMonthsAndRefuseWords() throws {
        let entries: [(key: Value, total: Value)] = [(.text("2026-03"), .integer(3)), (.text("2025-12"), .integer(1)), (.null, .integer(9))]
        let ordered = LineKeys.ordered(entries)
        XCTAssertEqual(ordered.map(\.key), ["2025-12", "2026-01", "2026-02", "2026-03"].map(Value.text))
        XCTAssertEqual(ordered.map(\.total), [.integer(1), .null, .null, .integer(3)])
        XCTAssertNil(LineKeys.firstUnordered([.text("2026-01"), .text("2026-01-31"), .text("2026")]))
        XCTAssertEqual(LineKeys.firstUnordered([.text("2026-01"), .text("Москва")]), "Москва")
        XCTAssertFalse(LineKeys.accepts(.decimal(scale: 2)))
        XCTAssertTrue(LineKeys.accepts(.date))
        let february = try XCTUnwrap(CalendarDate(year: 2026, month: 2, day: 1))
        let january = try XCTUnwrap(CalendarDate(year: 2026, month: 1, day: 1))
        let days = LineKeys.ordered([(.date(february), .integer(1)), (.date(january), .integer(2))])
        XCTAssertEqual(days.map(\.total), [.integer(2), .integer(1)])
    }

    func testSparklines() {
        XCTAssertEqual(Sparkline([0, 1, 2, 3, 4, 5, 6, 7]).text, "▁▂▃▄▅▆▇█")
        XCTAssertEqual(Sparkline([10, nil, 30]).text, "▁ █")
        XCTAssertEqual(Sparkline([5, 5, 5]).text, "▄▄▄")
        XCTAssertEqual(Sparkline([0, 0]).text, "▁▁")
        XCTAssertEqual(Sparkline([nil, nil]).text, "  ")
        XCTAssertEqual(Sparkline([-10, 0, 10]).text, "▁▅█")
        XCTAssertEqual(Sparkline([]).text, "")
        XCTAssertEqual(Sparkline((0..<12).map { Double($0) }).text.count, 12)
    }
}
