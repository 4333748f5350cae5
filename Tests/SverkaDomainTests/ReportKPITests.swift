import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// `report kpi`: its periods, and its figures against sums and a point-in-time aging made here
/// from the fixture's CSV text.
final class ReportKPITests: XCTestCase {
    private func day(_ text: String) -> CalendarDate {
        CalendarDate(iso: Substring(text)) ?? CalendarDate(dayNumber: 0)
    }

    func testPeriodsTileTheCalendar() {
        for asOf in ["2026-11-30", "2026-11-28", "2026-03-31", "2026-03-29", "2024-02-29", "2026-01-01", "2026-05-31"] {
            let periods = KPIPeriods.ending(day(asOf))
            XCTAssertEqual(periods.count, 12)
            XCTAssertEqual(periods.last?.upperBound, day(asOf))
            for (earlier, later) in zip(periods, periods.dropFirst()) {
                XCTAssertEqual(earlier.upperBound.adding(days: 1), later.lowerBound, "as of \(asOf)")
            }
            let days = periods.reduce(0) { $0 + $1.lowerBound.days(to: $1.upperBound) + 1 }
            XCTAssertTrue((365...366).contains(days), "as of \(asOf): \(days) days")
        }
        let november = KPIPeriods.ending(day("2026-11-30"))
        XCTAssertEqual(november.suffix(2).map { "\($0.lowerBound.iso)…\($0.upperBound.iso)" },
                       ["2026-10-01…2026-10-31", "2026-11-01…2026-11-30"])
        let trailing = KPIPeriods.ending(day("2026-11-28"))
        XCTAssertEqual(trailing.suffix(2).map { "\($0.lowerBound.iso)…\($0.upperBound.iso)" },
                       ["2026-09-29…2026-10-28", "2026-10-29…2026-11-28"])
        let march = KPIPeriods.ending(day("2026-03-31"))
        XCTAssertEqual(march.suffix(2).map { "\($0.lowerBound.iso)…\($0.upperBound.iso)" },
                       ["2026-02-01…2026-02-28", "2026-03-01…2026-03-31"])
    }

    /// What was owed at the end of `asOf`, and the part past due, from the CSV: invoices issued by
    /// then less their payments made by then; due 14 days after issue when no due date is given.
    private func receivables(asOf: String) throws -> (total: Int64, overdue: Int64) {
        var paid: [String: Int64] = [:]
        for payment in try ReportFixture.records("payments") where (payment["paid_at"] ?? "") <= asOf {
            paid[payment["invoice_id"] ?? "", default: 0] += ReportFixture.kopecks(payment["amount"])
        }
        var total: Int64 = 0, overdue: Int64 = 0
        for invoice in try ReportFixture.records("invoices") where (invoice["issue_date"] ?? "") <= asOf {
            let owed = ReportFixture.kopecks(invoice["amount"]) - (paid[invoice["invoice_id"] ?? ""] ?? 0)
            guard owed > 0 else { continue }
            total += owed
            let due = invoice["due_date"] ?? day(invoice["issue_date"] ?? "").adding(days: 14).iso
            if due < asOf { overdue += owed }
        }
        return (total, overdue)
    }

    private func invoiced(from start: String, to end: String) throws -> Int64 {
        try ReportFixture.records("invoices").filter { ($0["issue_date"] ?? "") >= start && ($0["issue_date"] ?? "") <= end }
            .reduce(0) { $0 + ReportFixture.kopecks($1["amount"]) }
    }

    func testNovemberAgainstOctober() throws {
        let fixture = try ReportFixture.workspace()
        let result = try KPIReport(workspace: fixture.workspace).compute(KPIRequest(asOf: day("2026-11-30")))
        let november = try XCTUnwrap(result.current), october = try XCTUnwrap(result.previous)

        // Sales: the deals decided in November, from the CSV.
        let deals = try ReportFixture.records("deals").filter { ($0["closed_at"] ?? "").hasPrefix("2026-11") }
        let won = deals.filter { $0["stage"] == "won" }
        let revenue = won.reduce(Int64(0)) { $0 + ReportFixture.kopecks($1["amount"]) }
        XCTAssertEqual(november.revenue.units, revenue)
        XCTAssertEqual(november.dealsWon, won.count)
        XCTAssertEqual(november.dealsLost, deals.filter { $0["stage"] == "lost" }.count)
        XCTAssertEqual(november.averageDeal?.units, revenue / Int64(won.count))
        XCTAssertEqual(november.winRatePercent, 66.67)
        let cycle = won.map { deal -> Int in
            day(deal["created_at"] ?? "").days(to: day(deal["closed_at"] ?? ""))
        }
        XCTAssertEqual(november.salesCycleDays, Double(cycle.reduce(0, +)) / Double(cycle.count))

        // Gross margin: November's cost of sales is K13 on account 23.
        let costOfSales = try ReportFixture.records("costs").filter { ($0["date"] ?? "").hasPrefix("2026-11") && $0["account"] == "23" }
            .reduce(Int64(0)) { $0 + ReportFixture.kopecks($1["amount"]) }
        XCTAssertEqual(november.grossMarginPercent, (Double(revenue - costOfSales) / Double(revenue) * 10_000).rounded() / 100)

        // Receivables on the last day of each month, and DSO from them.
        let end = try receivables(asOf: "2026-11-30")
        XCTAssertEqual(november.receivables?.units, end.total)
        XCTAssertEqual(november.overdue?.units, end.overdue)
        XCTAssertEqual(november.overduePercent, (Double(end.overdue) / Double(end.total) * 10_000).rounded() / 100)
        let dso = Double(end.total) / Double(try invoiced(from: "2026-11-01", to: "2026-11-30")) * 30
        XCTAssertEqual(november.dsoDays, (dso * 10).rounded() / 10)
        let before = try receivables(asOf: "2026-10-31")
        XCTAssertEqual(october.receivables?.units, before.total)
        XCTAssertEqual(october.overdue?.units, before.overdue)
        let octoberDSO = Double(before.total) / Double(try invoiced(from: "2026-10-01", to: "2026-10-31")) * 31
        XCTAssertEqual(october.dsoDays, (octoberDSO * 10).rounded() / 10)

        // October sold nothing: its sales figures are unknown, not zero.
        XCTAssertEqual(october.revenue.units, 0)
        XCTAssertNil(october.winRatePercent)
        XCTAssertNil(october.averageDeal)
        XCTAssertNil(october.grossMarginPercent)
        XCTAssertNil(KPIMeasure.revenue.change(from: KPIMeasure.revenue.value(october), to: KPIMeasure.revenue.value(november)))
        // 159,999.99 of 244,999.99 overdue (65.31%) against 149,999.99 of 162,499.99 (92.31%).
        XCTAssertEqual(KPIMeasure.overdueShare.changeText(from: october, to: november), "-27 pp")
        XCTAssertEqual(KPIMeasure.revenue.text(november), "85,000.00")
        XCTAssertEqual(KPIMeasure.salesCycle.text(november), "37.5 days")
    }

    func testTwelveMonthsOfRevenueAddUp() throws {
        let fixture = try ReportFixture.workspace(roles: ["clients", "deals"])
        let result = try KPIReport(workspace: fixture.workspace).compute(KPIRequest(asOf: day("2026-11-30")))
        XCTAssertEqual(result.periods.count, 12)
        let dated = try ReportFixture.records("deals").filter { $0["stage"] == "won" && ($0["closed_at"] ?? "") >= "2025-12-01" }
        XCTAssertEqual(result.periods.reduce(Int64(0)) { $0 + $1.revenue.units },
                       dated.filter { $0["closed_at"] != nil }.reduce(Int64(0)) { $0 + ReportFixture.kopecks($1["amount"]) })
        XCTAssertEqual(result.series(.revenue).count, 12)
        // No costs, invoices or payments mapped: those figures are unknown, and the notes say why.
        XCTAssertTrue(result.periods.allSatisfy { $0.grossMarginPercent == nil && $0.dsoDays == nil && $0.receivables == nil })
        XCTAssertEqual(result.notes.count, 2)
    }

    func testChangesAreToldInTheMeasuresTerms() {
        XCTAssertEqual(KPIMeasure.revenue.change(from: 100, to: 150), 50)
        XCTAssertNil(KPIMeasure.revenue.change(from: 0, to: 150))
        XCTAssertEqual(KPIMeasure.winRate.change(from: 40, to: 55), 15)
        XCTAssertEqual(KPIMeasure.dso.change(from: 40, to: 32.5), -7.5)
        XCTAssertNil(KPIMeasure.salesCycle.change(from: nil, to: 3))
    }

    func testRunWritesAMonthPerRow() throws {
        let fixture = try ReportFixture.workspace()
        _ = try KPIReport(workspace: fixture.workspace).run(KPIRequest(asOf: day("2026-11-30")))
        XCTAssertEqual(fixture.types("report_kpi")["revenue"], .decimal(scale: 2))
        XCTAssertEqual(fixture.types("report_kpi")["period_end"], .date)
        XCTAssertEqual(try fixture.rows("from report_kpi | sort -period_end | take 1 | select period_start, revenue, deals_won"),
                       [["2026-11-01", "85000.00", "2"]])
    }
}
