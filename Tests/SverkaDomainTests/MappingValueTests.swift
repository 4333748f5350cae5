import SverkaDomain
import SverkaEngine
import XCTest

/// What `map` does to values: money stays exact whatever the source type, text is read as
/// amounts and dates or counted when it is not one, and stages are normalised.
final class MappingValueTests: XCTestCase {
    func testMoneyFromEveryNumericSourceIsExact() throws {
        let fixture = try MappingFixture()
        try fixture.load("d", """
            id,client_id,stage,whole,fine,written
            1,1,won,1200,0.1250,"1 234,50"
            2,1,won,-7,2.0050,-0.01
            3,1,won,0,1.0049,"1.234.567,89"

            """, types: ["fine": .decimal(scale: 4)])
        let expected = [("1200.00", "0.13", "1234.50"), ("-7.00", "2.01", "-0.01"), ("0.00", "1.00", "1234567.89")]
        for (column, index) in [("whole", 0), ("fine", 1), ("written", 2)] {
            let report = try fixture.map("map d as crm.deals (amount = \(column))")
            XCTAssertEqual(fixture.types("crm.deals")["amount"], .decimal(scale: 2), column)
            XCTAssertEqual(try fixture.rows("from crm.deals | select amount").map { $0[0] },
                           expected.map { [$0.0, $0.1, $0.2][index] }, column)
            XCTAssertEqual(report.nullValues, [], column)
        }
        // The total over the role equals the total of the hand-computed amounts, to the kopeck.
        try fixture.map("map d as crm.deals (amount = written)")
        XCTAssertEqual(try fixture.rows("from crm.deals | group (total = sum(amount))"), [["1235802.38"]])
        XCTAssertEqual(try fixture.map("map d as crm.deals (amount = fine)").conversionNotes["amount"],
                       "decimal(4) rounded to 2 places")
    }

    func testTextThatIsNotAnAmountIsCountedWithRows() throws {
        let fixture = try MappingFixture()
        try fixture.load("d", """
            id,client_id,stage,amount,finished
            1,1,won,100,2026-01-31
            2,1,won,n/a,31.01.2026
            3,1,won,,2026-02-30
            4,1,won,12 300 руб,
            5,1,won,-,2026-13-01
            6,1,won,"1,5",01.02.2026 10:15

            """)
        let message = fixture.mapError("map d as crm.deals")
        XCTAssertEqual(message, """
            3 values are not amounts in 'amount' (for crm.deals.amount): row 2: "n/a", row 4: "12 300 руб", row 5: "-"
            hint: correct them in the source and load it again, or read them as null: with (on_error: "null")
            """)
        XCTAssertEqual(fixture.mapError("map d as crm.deals (closed_at = finished)").components(separatedBy: "\n")[1],
                       "hint: and in 'finished' (for closed_at): 2 values are not dates")
        XCTAssertNil(fixture.workspace.catalog.schema(of: "crm.deals"), "a failed map stores nothing")
        let report = try fixture.map("map d as crm.deals (closed_at = finished) with (on_error: \"null\")")
        XCTAssertEqual(report.nullValues.map(\.field), ["amount", "closed_at"])
        XCTAssertEqual(report.nullValues.map(\.count), [3, 2])
        XCTAssertEqual(report.nullValues[1].examples.map(\.row), [3, 5])
        XCTAssertEqual(try fixture.rows("from crm.deals | select amount, closed_at"), [
            ["100.00", "2026-01-31"], ["∅", "2026-01-31"], ["∅", "∅"], ["∅", "∅"], ["∅", "∅"], ["1.50", "2026-02-01"],
        ])
    }

    func testStagesAreNormalisedWithTheDefaultLists() throws {
        let fixture = try MappingFixture()
        let raw = ["won", "  Closed Won ", "УСПЕШНО РЕАЛИЗОВАНО", "Выиграна", "оплачено", "LOST", "closed lost",
                   "Закрыто и не реализовано", "проиграна", "Отказ", "negotiation", "", "Closed-Won"]
        let expected = ["won", "won", "won", "won", "won", "lost", "lost", "lost", "lost", "lost", "open", "open", "open"]
        let csv = "id,client_id,amount,stage\n" + raw.enumerated().map {
            // An empty stage unquoted: the loader reads a quoted "" as empty text, an empty field as null.
            "\($0.offset),1,1," + ($0.element.isEmpty ? "" : "\"\($0.element)\"")
        }.joined(separator: "\n")
        try fixture.load("d", csv + "\n")
        let report = try fixture.map("map d as crm.deals")
        XCTAssertEqual(try fixture.rows("from crm.deals | select stage").map { $0[0] }, expected)
        XCTAssertEqual(try fixture.rows("from crm.deals | select stage_raw").map { $0[0] }, raw.map { $0.isEmpty ? "∅" : $0 })
        XCTAssertEqual(report.stages?.won, 5)
        XCTAssertEqual(report.stages?.lost, 5)
        XCTAssertEqual(report.stages?.openValues.map(\.value), ["Closed-Won", "negotiation", nil])
        // The Swift rule and the database's agree.
        XCTAssertEqual(raw.map { StageRules().stage(of: $0.isEmpty ? nil : $0) }, expected)
    }

    func testStageListsCanBeReplaced() throws {
        let fixture = try MappingFixture()
        try fixture.load("d", "id,client_id,amount,Статус\n1,1,1,Сделка заключена\n2,1,1,won\n3,1,1,Клиент ушёл\n4,1,1,lost\n")
        try fixture.map("map d as crm.deals with (won: (\"Сделка заключена\"), lost: \"клиент ушёл\")")
        XCTAssertEqual(try fixture.rows("from crm.deals | select stage").map { $0[0] }, ["won", "open", "lost", "open"])
        XCTAssertEqual(try RoleStore(workspace: fixture.workspace).mapping(of: "crm.deals")?.options.won, ["Сделка заключена"])
    }
}
