import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaShell

/// Bar charts: block arithmetic, scaling to the width, negatives, labels cut by display width.
final class ChartBarTests: XCTestCase {
    private func point(_ label: String, _ value: Double?) -> ChartPoint {
        ChartPoint(label: label, value: value, text: value.map { Value.format($0) } ?? "∅")
    }

    /// The bar area of each line: what lies between the label and the value.
    private func lines(_ chart: BarChart) -> [String] {
        Array(chart.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()).map(String.init)
    }

    /// Eighths of a cell a bar's text stands for.
    private func eighths(_ bar: some StringProtocol) -> Int {
        bar.reduce(0) { total, character in
            if character == "█" { return total + 8 }
            if let index = BlockGlyphs.leftEighths.firstIndex(of: character) { return total + index + 1 }
            return total
        }
    }

    func testBlocksCountEighths() {
        XCTAssertEqual(BlockGlyphs.bar(eighths: 0), "")
        XCTAssertEqual(BlockGlyphs.bar(eighths: 1), "▏")
        XCTAssertEqual(BlockGlyphs.bar(eighths: 7), "▉")
        XCTAssertEqual(BlockGlyphs.bar(eighths: 8), "█")
        XCTAssertEqual(BlockGlyphs.bar(eighths: 20), "██▌")
        for count in 0...200 { XCTAssertEqual(eighths(BlockGlyphs.bar(eighths: count)), count) }
        XCTAssertEqual(BlockGlyphs.leftwardBar(halves: 3), "▐█")
        XCTAssertEqual(BlockGlyphs.leftwardBar(halves: 4), "██")
    }

    func testEveryLineIsAsWideAsAsked() {
        for width in [20, 41, 80, 137] {
            let chart = BarChart(title: "t", points: [point("Москва", 1_250_000.5), point("東京", 3), point("Уфа", 0), point("x", nil)],
                                 width: width)
            for line in lines(chart) { XCTAssertEqual(DisplayWidth.of(line), width, "width \(width): \(line)") }
        }
    }

    func testBarsAreProportional() {
        let chart = BarChart(title: "t", points: [point("a", 100), point("b", 50), point("c", 12.5), point("d", 0)], width: 50)
        // 50 columns: a label, a space, 43 for the bars, a space, 4 for the values.
        let bars = lines(chart).map { line in line.dropFirst(2).dropLast(5) }
        let full = 43 * 8
        XCTAssertEqual(eighths(bars[0]), full)
        XCTAssertEqual(eighths(bars[1]), full / 2)
        XCTAssertEqual(eighths(bars[2]), Int((Double(full) / 8).rounded()))
        XCTAssertEqual(eighths(bars[3]), 0)
    }

    func testATinyValueStillShows() {
        let chart = BarChart(title: "t", points: [point("a", 1_000_000), point("b", 0.01)], width: 40)
        XCTAssertTrue(lines(chart)[1].contains("▏"))
    }

    func testNegativeValuesGrowLeftFromTheAxis() {
        let chart = BarChart(title: "t", points: [point("up", 300), point("down", -100), point("zero", 0)], width: 60)
        let rendered = lines(chart)
        let axis = rendered.map { line in line.distance(from: line.startIndex, to: line.firstIndex(of: "│") ?? line.endIndex) }
        XCTAssertEqual(Set(axis).count, 1, "one axis column: \(rendered)")
        let downBar = rendered[1].prefix(axis[1])
        XCTAssertTrue(downBar.hasSuffix("█"), "a negative bar ends at the axis: \(rendered[1])")
        // One scale: the negative bar is a third of the positive one (in half cells).
        let upCells = Double(eighths(rendered[0].dropFirst(axis[0] + 1))) / 8
        let downCells = Double(downBar.filter { $0 == "█" }.count) + (downBar.contains("▐") ? 0.5 : 0)
        XCTAssertEqual(downCells, upCells / 3, accuracy: 0.5)
        XCTAssertEqual(eighths(rendered[2]), 0)
    }

    func testLongLabelsAreCutByDisplayWidth() {
        let name = "ООО «Северная торгово-промышленная компания Новосибирск»"
        let chart = BarChart(title: "t", points: [point(name, 10), point("株式会社東京電力ホールディングス", 5)], width: 60)
        let rendered = lines(chart)
        XCTAssertTrue(rendered[0].hasPrefix("ООО «Северная"), rendered[0])
        XCTAssertTrue(rendered[0].contains("…"))
        XCTAssertEqual(rendered.map(DisplayWidth.of), [60, 60])
    }

    func testNullShowsNoBar() {
        let chart = BarChart(title: "t", points: [point("a", 5), point("b", nil)], width: 30)
        XCTAssertEqual(eighths(lines(chart)[1]), 0)
        XCTAssertTrue(lines(chart)[1].hasSuffix("∅"))
    }

    func testSeriesAddsMoneyExactlyPerKey() throws {
        var series = ChartSeries(valueType: .decimal(scale: 2))
        for _ in 0..<10 { try series.add(key: .text("a"), value: .decimal(ExactDecimal(units: 10, scale: 2))) }
        try series.add(key: .text("b"), value: .null)
        try series.add(key: .text("a"), value: .null)
        let entries = series.entries
        XCTAssertEqual(entries.map(\.key), [.text("a"), .text("b")])
        XCTAssertEqual(entries[0].total, .decimal(ExactDecimal(units: 100, scale: 2)))
        XCTAssertEqual(entries[1].total, .null)
        XCTAssertThrowsError(try series.add(key: .text("a"), value: .decimal(ExactDecimal(units: .max, scale: 2))))
    }

    func testWidthComesFromTheOptionTheTerminalOrTheEnvironment() {
        XCTAssertEqual(ChartWidth.resolve(option: 60, terminalColumns: 120, environment: ["COLUMNS": "100"]), 60)
        XCTAssertEqual(ChartWidth.resolve(option: nil, terminalColumns: 120, environment: ["COLUMNS": "100"]), 120)
        XCTAssertEqual(ChartWidth.resolve(option: nil, terminalColumns: nil, environment: ["COLUMNS": "100"]), 100)
        XCTAssertEqual(ChartWidth.resolve(option: nil, terminalColumns: nil, environment: ["COLUMNS": "wide"]), 80)
        XCTAssertEqual(ChartWidth.resolve(option: nil, terminalColumns: nil, environment: [:]), 80)
        XCTAssertEqual(ChartWidth.resolve(option: nil, terminalColumns: 5, environment: [:]), 20)
    }
}
