import XCTest
import SverkaEngine
@testable import SverkaShell

final class RenderingCSVTests: XCTestCase {
    private let csv = RenderSettings(format: .csv)

    func testHeaderRowsAndPlainDecimals() {
        let text = renderToString(csv, [
            ResultColumn(name: "client_id", type: .integer),
            ResultColumn(name: "revenue", type: .decimal(scale: 2)),
            ResultColumn(name: "closed_at", type: .date),
            ResultColumn(name: "won", type: .bool),
        ], [
            [.integer(17), money("1234567.50"), day("2026-11-30"), .bool(true)],
            [.integer(18), money("-0.50"), .null, .bool(false)],
        ])
        XCTAssertEqual(text, """
        client_id,revenue,closed_at,won
        17,1234567.50,2026-11-30,true
        18,-0.50,,false

        """)
    }

    func testDecimalScalesZeroTwoThree() {
        let text = renderToString(csv, [ResultColumn(name: "a", type: .decimal(scale: 0)),
                                        ResultColumn(name: "b", type: .decimal(scale: 2)),
                                        ResultColumn(name: "c", type: .decimal(scale: 3))],
                                  [[money("-1000000"), money("12.00"), money("-1234.005")]])
        XCTAssertEqual(text, "a,b,c\n-1000000,12.00,-1234.005\n")
    }

    func testQuotesFieldsWithCommasQuotesAndLineBreaks() {
        let text = renderToString(csv, [ResultColumn(name: "name, legal", type: .text),
                                        ResultColumn(name: "note", type: .text)], [
            [.text("ООО \"Ромашка\""), .text("a,b")],
            [.text("line\nbreak"), .text("cr\rhere")],
            [.text("plain"), .text("")],
        ])
        XCTAssertEqual(text, """
        "name, legal",note
        "ООО ""Ромашка""\","a,b"
        "line
        break","cr\rhere"
        plain,""

        """)
    }

    func testEmptyTextAndNullStayApart() {
        let text = renderToString(csv, [ResultColumn(name: "t", type: .text)], [[.text("")], [.null]])
        XCTAssertEqual(text, "t\n\"\"\n\n")
    }

    func testZeroRowsWritesTheHeaderOnly() {
        XCTAssertEqual(renderToString(csv, [ResultColumn(name: "id", type: .integer)], []), "id\n")
    }

    func testZeroColumnsWritesNothing() {
        XCTAssertEqual(renderToString(csv, [], [[], []]), "")
    }

    func testStreamsEachRowAsItComes() {
        let sink = StringSink()
        var renderer = makeRenderer(csv, sink: sink)
        renderer.begin([ResultColumn(name: "n", type: .integer)])
        renderer.row([.integer(1)])
        XCTAssertEqual(sink.text, "n\n1\n")
        renderer.row([.integer(2)])
        XCTAssertEqual(sink.text, "n\n1\n2\n")
        renderer.finish()
    }
}
