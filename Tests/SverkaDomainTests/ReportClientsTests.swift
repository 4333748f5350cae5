import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `report clients` against a brute-force count made here: for every client and month, active
/// when a purchase falls in the window, new on the first purchase, and so on.
final class ReportClientsTests: XCTestCase {
    /// The months (as `yyyy-MM`) each client bought in, from the fixture's CSV text.
    private func purchases() throws -> [String: Set<CalendarMonth>] {
        var purchases: [String: Set<CalendarMonth>] = [:]
        for deal in try ReportFixture.records("deals") where deal["stage"] == "won" {
            guard let client = deal["client_id"], let closed = ReportFixture.date(deal["closed_at"]) else { continue }
            purchases[client, default: []].insert(CalendarMonth(closed))
        }
        return purchases
    }

    /// The lines by brute force: each client, each month, looking back over the window.
    private func bruteForce(_ purchases: [String: Set<CalendarMonth>], months: [CalendarMonth], window: Int) -> [[Int]] {
        func active(_ bought: Set<CalendarMonth>, _ month: CalendarMonth) -> Bool {
            (0..<window).contains { bought.contains(month.advanced(by: -$0)) }
        }
        return months.map { month in
            var counts = [0, 0, 0, 0]
            for bought in purchases.values {
                let now = active(bought, month), before = active(bought, month.advanced(by: -1))
                let first = bought.min() == month
                if first { counts[0] += 1 }
                if now && !before && !first { counts[1] += 1 }
                if before && !now { counts[2] += 1 }
                if now { counts[3] += 1 }
            }
            return counts
        }
    }

    private func counts(_ result: ClientsReportResult) -> [[Int]] {
        result.lines.map { [$0.newClients, $0.returnedClients, $0.lapsedClients, $0.activeClients] }
    }

    func testWindowOfThreeMonthsAgainstBruteForce() throws {
        let fixture = try ReportFixture.workspace(roles: ["clients", "deals"])
        let result = try ClientsReport(workspace: fixture.workspace).compute(ClientsReportRequest(window: 3))
        let months = (1...11).map { CalendarMonth(year: 2026, month: $0) }
        XCTAssertEqual(result.lines.map(\.month), months)
        XCTAssertEqual(counts(result), bruteForce(try purchases(), months: months, window: 3))
        // The story the fixture tells: c1 lapses in May and comes back in June; c4 lapses in October.
        XCTAssertEqual(result.lines[4].lapsedClients, 1)
        XCTAssertEqual(result.lines[5].returnedClients, 1)
        XCTAssertEqual(result.lines[9].lapsedClients, 1)
        XCTAssertEqual(result.lines[10].returnedClients, 1)
        XCTAssertEqual(result.clients, 5)
        XCTAssertTrue(result.notes.contains { $0.contains("1 won deal with no client or no close date") })
        XCTAssertTrue(result.lines.allSatisfy { $0.activities == nil && $0.contactedClients == nil })
    }

    func testActiveClientsTieOut() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals"])
        for window in [1, 2, 3, 6, 12] {
            let lines = try ClientsReport(workspace: fixture.workspace).compute(ClientsReportRequest(window: window)).lines
            var previous = 0
            for line in lines {
                XCTAssertEqual(line.activeClients, previous + line.newClients + line.returnedClients - line.lapsedClients,
                               "window \(window), \(line.month)")
                previous = line.activeClients
            }
        }
    }

    func testActivitiesAreCountedByMonthWhenMapped() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals", "activities"])
        let result = try ClientsReport(workspace: fixture.workspace).compute(ClientsReportRequest())
        // The December 2025 call makes the first month.
        XCTAssertEqual(result.lines.first?.month, CalendarMonth(year: 2025, month: 12))
        var expected: [CalendarMonth: (Int, Set<String>)] = [:]
        for activity in try ReportFixture.records("activities") {
            guard let day = ReportFixture.date(activity["at"]) else { continue }
            let month = CalendarMonth(day)
            expected[month, default: (0, [])].0 += 1
            if let client = activity["client_id"] { expected[month, default: (0, [])].1.insert(client) }
        }
        for line in result.lines {
            XCTAssertEqual(line.activities, expected[line.month]?.0 ?? 0, "\(line.month)")
            XCTAssertEqual(line.contactedClients, expected[line.month]?.1.count ?? 0, "\(line.month)")
        }
        XCTAssertEqual(result.lines.compactMap(\.activities).reduce(0, +), 9)
    }

    func testPeriodChoosesTheMonthsButNotTheHistory() throws {
        let fixture = try ReportFixture.workspace(roles: ["deals"])
        let period = DatePeriod(start: CalendarDate(year: 2026, month: 6, day: 1), end: CalendarDate(year: 2026, month: 12, day: 31))
        let result = try ClientsReport(workspace: fixture.workspace).compute(ClientsReportRequest(period: period, window: 3))
        let months = (6...12).map { CalendarMonth(year: 2026, month: $0) }
        XCTAssertEqual(result.lines.map(\.month), months)
        // c1 bought in June after lapsing in May: returned, not new, though the period starts in June.
        XCTAssertEqual(result.lines[0].newClients, 0)
        XCTAssertEqual(result.lines[0].returnedClients, 1)
        XCTAssertEqual(counts(result), bruteForce(try purchases(), months: months, window: 3))
    }

    func testGeneratedPurchasesAgainstBruteForce() throws {
        var generator = MatchingRandom(seed: 77)
        var csv = "deal_id,client_id,stage,amount,closed_at\n"
        var purchases: [String: Set<CalendarMonth>] = [:]
        for index in 0..<600 {
            let client = "c\(generator.next() % 40)"
            let month = CalendarMonth(year: 2024, month: 1).advanced(by: Int(generator.next() % 30))
            let won = generator.next() % 3 != 0
            csv += "\(index),\(client),\(won ? "won" : "lost"),100,\(month.firstDay.adding(days: Int(generator.next() % 28)).iso)\n"
            if won { purchases[client, default: []].insert(month) }
        }
        let fixture = try MappingFixture()
        try fixture.load("deals", csv)
        try fixture.map("map deals as crm.deals")
        for window in [1, 4, 12] {
            let result = try ClientsReport(workspace: fixture.workspace).compute(ClientsReportRequest(window: window))
            XCTAssertEqual(counts(result), bruteForce(purchases, months: result.lines.map(\.month), window: window), "window \(window)")
        }
    }

    func testCalendarMonthSteps() {
        let january = CalendarMonth(year: 2026, month: 1)
        XCTAssertEqual(january.advanced(by: -1).description, "2025-12")
        XCTAssertEqual(january.advanced(by: 13).description, "2027-02")
        XCTAssertEqual(CalendarMonth(year: 2024, month: 2).lastDay.iso, "2024-02-29")
        XCTAssertEqual(CalendarMonth(text: "2026-11"), CalendarMonth(year: 2026, month: 11))
        XCTAssertNil(CalendarMonth(text: "2026-13"))
        XCTAssertEqual(Array(CalendarMonth(year: 2025, month: 11)...CalendarMonth(year: 2026, month: 2)).map(\.description),
                       ["2025-11", "2025-12", "2026-01", "2026-02"])
    }
}
