import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// The acceptance check: the same data written two ways — UTF-8 with commas, ISO dates and
/// 12345.67; Windows-1251 with semicolons, dd.MM.yyyy and 12 345,67 — loads into tables of the
/// same types whose amounts sum to the same total, computed here independently in kopecks.
final class LoadingSameTotalTests: CSVLoadingTestCase {
    private struct Deal {
        var id: Int
        var client: String
        var kopecks: Int64
        var year: Int, month: Int, day: Int
    }

    private func deals() -> [Deal] {
        var state: UInt64 = 20_261_130
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let names = ["ООО «Ромашка»", "ИП Ёлкин", "АО Щит", "Иванов И.И."]
        return (1...30_000).map { id in
            let magnitude = Int64(next() % 1_000_000_000)  // up to 10 million roubles
            return Deal(id: id, client: names[Int(next() % 4)], kopecks: id % 11 == 0 ? -magnitude : magnitude,
                        year: 2020 + Int(next() % 7), month: 1 + Int(next() % 12), day: 1 + Int(next() % 28))
        }
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func iso(_ deal: Deal) -> String {
        let sign = deal.kopecks < 0 ? "-" : ""
        let units = deal.kopecks.magnitude
        return "\(deal.id),\"\(deal.client)\",\(sign)\(units / 100).\(two(Int(units % 100))),\(deal.year)-\(two(deal.month))-\(two(deal.day))"
    }

    private func russian(_ deal: Deal) -> String {
        let units = deal.kopecks.magnitude
        var whole = String(units / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        // 1C writes a no-break space between groups; negatives in parentheses, as accountants do.
        let amount = groups.joined(separator: "\u{A0}") + "," + two(Int(units % 100))
        let written = deal.kopecks < 0 ? "(\(amount))" : amount
        return "\(deal.id);\(deal.client);\(written);\(two(deal.day)).\(two(deal.month)).\(deal.year)"
    }

    func testUTF8AndWindows1251GiveTheSameTypesAndTotal() throws {
        let all = deals()
        let expected = all.reduce(Int64(0)) { $0 + $1.kopecks }
        let utf8 = "id,client,amount,date\n" + all.map(iso).joined(separator: "\n") + "\n"
        let cp1251 = TestEncodings.windows1251("Номер;Клиент;Сумма;Дата\r\n" + all.map(russian).joined(separator: "\r\n") + "\r\n")
        let workspace = try Workspace(path: nil)
        let first = try load(Array(utf8.utf8), name: "deals.csv", table: "a", options: LoadOptions(), into: workspace)
        let second = try load(cp1251, name: "deals-1c.csv", table: "b", options: LoadOptions(), into: workspace)
        XCTAssertEqual(first.columns.map(\.type), [.integer, .text, .decimal(scale: 2), .date])
        XCTAssertEqual(second.columns.map(\.type), first.columns.map(\.type))
        XCTAssertEqual(try workspace.database.scalar("SELECT sum(amount) FROM a"), .integer(expected))
        XCTAssertEqual(try workspace.database.scalar("SELECT sum(\"Сумма\") FROM b"), .integer(expected))
        XCTAssertEqual(try rows(workspace, "SELECT id, client, amount, date FROM a EXCEPT SELECT * FROM b"), [])
        XCTAssertTrue(second.notes.contains("Сумма: decimal(2), decimal comma, space thousands, negatives in parentheses"),
                      "\(second.notes)")
        XCTAssertTrue(second.notes.contains("Дата: date, dd.MM.yyyy"))
    }
}
