import XCTest
import SverkaEngine
@testable import SverkaShell

final class RenderingMarkdownTests: XCTestCase {
    private let markdown = RenderSettings(format: .markdown)

    func testGitHubTableWithNumericColumnsRightAligned() {
        let text = renderToString(markdown, [
            ResultColumn(name: "name", type: .text),
            ResultColumn(name: "revenue", type: .decimal(scale: 2)),
            ResultColumn(name: "deals", type: .integer),
            ResultColumn(name: "closed_at", type: .date),
        ], [
            [.text("ООО \"Ромашка\""), money("1234567.50"), .integer(3), day("2026-11-30")],
            [.text("ИП Иванов"), money("-0.05"), .null, .null],
        ])
        XCTAssertEqual(text, """
        | name | revenue | deals | closed_at |
        |---|--:|--:|---|
        | ООО "Ромашка" | 1,234,567.50 | 3 | 2026-11-30 |
        | ИП Иванов | -0.05 | ∅ | ∅ |

        """)
    }

    func testEscapesPipesAndLineBreaks() {
        let text = renderToString(markdown, [ResultColumn(name: "a|b", type: .text)], [[.text("x|y\nz")]])
        XCTAssertEqual(text, "| a\\|b |\n|---|\n| x\\|y<br>z |\n")
    }

    func testDecimalScales() {
        let text = renderToString(markdown, [ResultColumn(name: "a", type: .decimal(scale: 0)),
                                             ResultColumn(name: "c", type: .decimal(scale: 3))],
                                  [[money("-1234"), money("1000.125")]])
        XCTAssertEqual(text, "| a | c |\n|--:|--:|\n| -1,234 | 1,000.125 |\n")
    }

    func testZeroRowsAndZeroColumns() {
        XCTAssertEqual(renderToString(markdown, [ResultColumn(name: "id", type: .integer)], []), "| id |\n|--:|\n")
        XCTAssertEqual(renderToString(markdown, [], [[]]), "")
    }

    func testNeverCutsRows() {
        let rows = (1...100).map { [Value.integer(Int64($0))] }
        let text = renderToString(RenderSettings(format: .markdown, maxRows: 4), [ResultColumn(name: "n", type: .integer)], rows)
        XCTAssertEqual(text.split(separator: "\n").count, 102)
    }
}
