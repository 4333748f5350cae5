import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `report pnl` against sums made here from the fixture's CSV text, and the grouping of
/// accounts case by case.
final class ReportPnLTests: XCTestCase {
    func testAccountsGoToTheirGroups() {
        let cases: [(String?, CostGroup)] = [
            ("20", .costOfSales), ("20.01", .costOfSales), ("23", .costOfSales), ("25", .costOfSales), ("28", .costOfSales),
            ("29.1", .costOfSales), ("90.02", .costOfSales), ("90.02.1", .costOfSales), ("90.2", .costOfSales), ("90-02", .costOfSales),
            (" 90.02 ", .costOfSales), ("20.00", .costOfSales),
            ("44", .selling), ("44.02", .selling), ("90.07", .selling),
            ("26", .administrative), ("26.01", .administrative), ("90.08", .administrative), ("90,08", .administrative),
            ("91.02", .other), ("90.01", .other), ("90", .other), ("68", .other), ("202", .other), ("2", .other),
            ("", .other), (nil, .other), ("счёт 20", .other), ("90.20", .other),
        ]
        for (account, group) in cases {
            XCTAssertEqual(CostGroup.of(account: account), group, "account \(account ?? "nil")")
        }
    }

    /// The fixture's months from its CSV: won deals by close month, costs by date and by a
    /// grouping written out here account by account.
    private func expected() throws -> [String: [Int64]] {
        let groups: [String: Int] = ["20": 1, "20.01": 1, "90.02": 1, "90.2": 1, "25": 1, "23": 1,
                                     "44": 2, "44.02": 2, "26": 3, "26.01": 3]
        var months: [String: [Int64]] = [:]
        for deal in try ReportFixture.records("deals") where deal["stage"] == "won" {
            guard let closed = deal["closed_at"] else { continue }
            months[String(closed.prefix(7)), default: [0, 0, 0, 0, 0]][0] += ReportFixture.kopecks(deal["amount"])
        }
        for cost in try ReportFixture.records("costs") {
            guard let date = cost["date"] else { continue }
            let group = groups[cost["account"] ?? ""] ?? 4
            months[String(date.prefix(7)), default: [0, 0, 0, 0, 0]][group] += ReportFixture.kopecks(cost["amount"])
        }
        return months
    }

    func testMonthsAgreeWithTheFixture() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals", "costs"])
        let result = try PnLReport(workspace: fixture.workspace).compute(PnLRequest())
        let expected = try expected()
        XCTAssertEqual(result.lines.map(\.month.description), (1...11).map { String(format: "2026-%02d", $0) })
        for (month, line) in result.lines {
            let sums = expected[month.description] ?? [0, 0, 0, 0, 0]
            XCTAssertEqual([line.revenue, line.costOfSales, line.selling, line.administrative, line.other], sums, "\(month)")
            XCTAssertEqual(line.grossProfit, sums[0] - sums[1])
            XCTAssertEqual(line.operatingProfit, sums[0] - sums[1] - sums[2] - sums[3])
            XCTAssertEqual(line.pretaxProfit, sums[0] - sums.dropFirst().reduce(0, +))
        }
        let totals = expected.values.reduce([Int64](repeating: 0, count: 5)) { zip($0, $1).map { $0 + $1 } }
        XCTAssertEqual([result.total.revenue, result.total.costOfSales, result.total.selling, result.total.administrative,
                        result.total.other], totals)
        // March: 30,000.25 revenue, 20,000.00 cost of sales: 33.33% gross, an operating loss after 30,000.00 of rent.
        let march = result.lines[2].line
        XCTAssertEqual(march.grossMarginPercent, 33.33)
        XCTAssertEqual(march.operatingProfit, -1_999_975)
        XCTAssertEqual(march.operatingMarginPercent, -66.67)
        // October: no revenue, so no margin rather than a division by zero.
        XCTAssertNil(result.lines[9].line.grossMarginPercent)
    }

    func testOtherCostsAreNamed() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals", "costs"])
        let notes = try PnLReport(workspace: fixture.workspace).compute(PnLRequest()).notes
        let note = try XCTUnwrap(notes.first { $0.hasPrefix("other_costs") })
        XCTAssertTrue(note.contains("no account 8,000.00"), note)
        XCTAssertTrue(note.contains("68 3,000.00"), note)
        XCTAssertTrue(note.contains("91.02 1,200.00"), note)
    }

    func testRevenueFromInvoices() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals", "costs", "invoices"])
        let result = try PnLReport(workspace: fixture.workspace).compute(PnLRequest(revenue: .invoices))
        var expected: [String: Int64] = [:]
        for invoice in try ReportFixture.records("invoices") {
            expected[String((invoice["issue_date"] ?? "").prefix(7)), default: 0] += ReportFixture.kopecks(invoice["amount"])
        }
        for (month, line) in result.lines {
            XCTAssertEqual(line.revenue, expected[month.description] ?? 0, "\(month)")
        }
    }

    func testPeriodAndTable() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals", "costs"])
        let period = DatePeriod(start: CalendarDate(year: 2026, month: 4, day: 1), end: CalendarDate(year: 2026, month: 6, day: 30))
        let result = try PnLReport(workspace: fixture.workspace).run(PnLRequest(period: period))
        XCTAssertEqual(result.lines.map(\.month.description), ["2026-04", "2026-05", "2026-06"])
        XCTAssertEqual(fixture.types("report_pnl")["gross_profit"], .decimal(scale: 2))
        XCTAssertEqual(try fixture.rows("from report_pnl | group (n = count(), revenue = sum(revenue))"), [["3", "309999.99"]])
    }

    func testWithoutCostsThereIsNoPnL() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals"])
        XCTAssertThrowsError(try PnLReport(workspace: fixture.workspace).compute(PnLRequest())) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the role acc.costs is not mapped")
        }
    }
}
