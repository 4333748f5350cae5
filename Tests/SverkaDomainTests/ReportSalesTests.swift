import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `report sales` against sums made here from the fixture's CSV text, and on generated deals.
final class ReportSalesTests: XCTestCase {
    /// What the test itself makes of one key's decided deals.
    private struct Expected: Equatable {
        var revenue: Int64 = 0
        var won = 0
        var lost = 0
    }

    /// The fixture's decided deals grouped by `key`, computed from the CSV records: the client's
    /// region or manager first, the deal's own when the client has none.
    private func expected(_ key: (_ deal: [String: String], _ client: [String: String]?) -> String?,
                          closedIn range: ClosedRange<String>? = nil) throws -> [String?: Expected] {
        let clients = Dictionary(try ReportFixture.records("clients").map { ($0["client_id"] ?? "", $0) }) { first, _ in first }
        var groups: [String?: Expected] = [:]
        for deal in try ReportFixture.records("deals") where ["won", "lost"].contains(deal["stage"] ?? "") {
            if let range { guard let closed = deal["closed_at"], range.contains(closed) else { continue } }
            let name = key(deal, clients[deal["client_id"] ?? ""])
            if deal["stage"] == "won" {
                groups[name, default: Expected()].won += 1
                groups[name, default: Expected()].revenue += ReportFixture.kopecks(deal["amount"])
            } else {
                groups[name, default: Expected()].lost += 1
            }
        }
        return groups
    }

    private func actual(_ result: SalesReportResult) -> [String?: Expected] {
        var groups: [String?: Expected] = [:]
        for row in result.rows {
            let key: String? = if case .text(let text) = row[0] { text } else { nil }
            guard case .decimal(let revenue) = row[1], case .integer(let won) = row[2], case .integer(let lost) = row[3] else {
                XCTFail("unexpected row \(row)")
                continue
            }
            groups[key] = Expected(revenue: revenue.units, won: Int(won), lost: Int(lost))
        }
        return groups
    }

    func testByRegionTakesTheClientsRegionFirst() throws {
        let fixture = try ReportFixture.workspace()
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .region))
        let expected = try expected { deal, client in client?["region"] ?? deal["region"] }
        XCTAssertEqual(actual(result), expected)
        // D15 was sold in Екатеринбург by the deal, but its client is in Новосибирск.
        XCTAssertNil(expected["Екатеринбург"])
        XCTAssertEqual(result.columns.map(\.name), ["region", "revenue", "deals_won", "deals_lost", "win_rate_pct", "average_deal"])
        XCTAssertEqual(result.columns[1].type, .decimal(scale: 2))
        // Largest revenue first.
        let revenues = result.rows.compactMap { row -> Int64? in if case .decimal(let value) = row[1] { value.units } else { nil } }
        XCTAssertEqual(revenues, revenues.sorted(by: >))
    }

    func testByManagerAndProductAgree() throws {
        let fixture = try ReportFixture.workspace()
        let report = SalesReport(workspace: fixture.workspace)
        XCTAssertEqual(actual(try report.compute(SalesReportRequest(rows: .manager))),
                       try expected { deal, client in client?["manager"] ?? deal["manager"] })
        XCTAssertEqual(actual(try report.compute(SalesReportRequest(rows: .product))), try expected { deal, _ in deal["product"] })
    }

    func testWinRateAndAverageDeal() throws {
        let fixture = try ReportFixture.workspace()
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .region))
        let moscow = try XCTUnwrap(result.rows.first { $0[0] == .text("Москва") })
        // Москва: D01, D02, D05, D08, D13 won; D12, D16 lost.
        XCTAssertEqual(moscow[2], .integer(5))
        XCTAssertEqual(moscow[3], .integer(2))
        XCTAssertEqual(moscow[4], .number(71.43))
        let revenue: Int64 = 12_000_000 + 4_500_050 + 3_000_025 + 9_999_999 + 1_800_000
        XCTAssertEqual(moscow[1], .decimal(ExactDecimal(units: revenue, scale: 2)))
        // 31,300,074 kopecks over 5 deals is 6,260,014.8: rounded half away from zero.
        XCTAssertEqual(moscow[5], .decimal(ExactDecimal(units: 6_260_015, scale: 2)))
        XCTAssertEqual(result.total.won, 12)
        XCTAssertEqual(result.total.lost, 4)
    }

    func testByMonthFillsTheEmptyMonthsAndKeepsUndatedDealsApart() throws {
        let fixture = try ReportFixture.workspace()
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .month))
        let months = result.rows.map { $0[0] }
        XCTAssertEqual(months, (1...11).map { .text(String(format: "2026-%02d", $0)) } + [.null])
        // October has no decided deal: a zero row, not a missing one.
        XCTAssertEqual(result.rows[9][1], .decimal(ExactDecimal(units: 0, scale: 2)))
        XCTAssertEqual(result.rows[9][4], .null)
        var expected = try expected { deal, _ in deal["closed_at"].map { String($0.prefix(7)) } }
        expected["2026-10"] = Expected()
        XCTAssertEqual(actual(result), expected)
        XCTAssertTrue(result.notes.contains { $0.contains("1 won deal with no close date") }, "\(result.notes)")
    }

    func testPeriodCountsDealsClosedInItOnly() throws {
        let fixture = try ReportFixture.workspace()
        let period = DatePeriod(start: CalendarDate(year: 2026, month: 3, day: 1), end: CalendarDate(year: 2026, month: 6, day: 30))
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .product, period: period))
        XCTAssertEqual(actual(result), try expected({ deal, _ in deal["product"] }, closedIn: "2026-03-01"..."2026-06-30"))
        let byMonth = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .month, period: period))
        XCTAssertEqual(byMonth.rows.map { $0[0] }, ["2026-03", "2026-04", "2026-05", "2026-06"].map(Value.text))
    }

    func testPivotCellsAddUpToTheirTotals() throws {
        let fixture = try ReportFixture.workspace()
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .region, columns: .month))
        XCTAssertEqual(result.columns.first?.name, "region")
        XCTAssertEqual(result.columns.last?.name, "total")
        // Months with a won deal: January to November, and the undated deal's column.
        XCTAssertEqual(result.columns.dropFirst().dropLast().map(\.name), (1...11).map { String(format: "2026-%02d", $0) } + ["(none)"])
        let expected = try expected { deal, client in client?["region"] ?? deal["region"] }
        var columnTotals = Array(repeating: Int64(0), count: result.columns.count - 1)
        for row in result.rows {
            let cells = row.dropFirst().map { value -> Int64 in if case .decimal(let money) = value { money.units } else { -1 } }
            XCTAssertEqual(cells.dropLast().reduce(0, +), cells.last)
            let key: String? = if case .text(let text) = row[0] { text } else { nil }
            XCTAssertEqual(cells.last, expected[key]?.revenue)
            for (index, cell) in cells.enumerated() { columnTotals[index] += cell }
        }
        let totals = result.totalRow.dropFirst().map { value -> Int64 in if case .decimal(let money) = value { money.units } else { -1 } }
        XCTAssertEqual(totals, columnTotals)
        XCTAssertEqual(totals.last, expected.values.reduce(0) { $0 + $1.revenue })
    }

    func testGeneratedDealsAgreeByProduct() throws {
        var generator = MatchingRandom(seed: 20261130)
        let products = ["ERP", "CRM", "BI", "Облако", ""]
        let stages = ["won", "won", "lost", "open", "negotiation"]
        var csv = "deal_id,client_id,product,stage,amount,closed_at\n"
        var expected: [String?: Expected] = [:]
        for index in 0..<2000 {
            let product = products[Int(generator.next() % UInt64(products.count))]
            let stage = stages[Int(generator.next() % UInt64(stages.count))]
            let units = Int64(generator.next() % 100_000_000)
            let day = CalendarDate(dayNumber: 20_454 + Int(generator.next() % 300))
            csv += "\(index),c\(index % 37),\(product),\(stage),\(ExactDecimal(units: units, scale: 2)),\(day.iso)\n"
            let key: String? = product.isEmpty ? nil : product
            switch stage {
            case "won":
                expected[key, default: Expected()].won += 1
                expected[key, default: Expected()].revenue += units
            case "lost": expected[key, default: Expected()].lost += 1
            default: break
            }
        }
        let fixture = try MappingFixture()
        try fixture.load("deals", csv)
        try fixture.map("map deals as crm.deals")
        let result = try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .product))
        XCTAssertEqual(actual(result), expected)
        XCTAssertEqual(result.total.revenue, expected.values.reduce(0) { $0 + $1.revenue })
    }

    func testRunWritesTheTableWithMoneyTypes() throws {
        let fixture = try ReportFixture.workspace()
        _ = try SalesReport(workspace: fixture.workspace).run(SalesReportRequest(rows: .manager))
        XCTAssertEqual(fixture.types("report_sales")["revenue"], .decimal(scale: 2))
        XCTAssertEqual(fixture.types("report_sales")["average_deal"], .decimal(scale: 2))
        let total = try fixture.rows("from report_sales | group (revenue = sum(revenue), won = sum(deals_won))")
        let all = try expected { _, _ in "all" }["all"]
        XCTAssertEqual(total, [[ExactDecimal(units: all?.revenue ?? 0, scale: 2).description, "\(all?.won ?? 0)"]])
    }

    func testWithoutDealsTheRoleIsNamed() throws {
        let fixture = try ReportFixture.workspace(roles: ["clients"])
        XCTAssertThrowsError(try SalesReport(workspace: fixture.workspace).compute(SalesReportRequest(rows: .region))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the role crm.deals is not mapped")
        }
    }
}
