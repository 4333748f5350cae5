import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `AgingSeries` (the KPIs' debt on every period end from one read) against `aging` asked date by
/// date, which stays the reference: every figure of each date's result must be the same, on the
/// generated data (roubles, and dollars with rates), on the hand-made fixtures, and on small
/// workspaces that hold each case of setting payments against invoices.
final class AgingSeriesTests: XCTestCase {
    /// Every month end of a year, and dates that fall between, before and after everything.
    private static let dates: [CalendarDate] = {
        var texts = ["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
                     "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"]
        texts += ["2020-01-01", "2026-02-29", "2026-03-15", "2026-06-25", "2026-11-02", "2026-11-20", "2026-11-28", "2030-06-30"]
        return texts.compactMap { CalendarDate(iso: Substring($0)) }
    }()

    // MARK: - The comparison

    /// For each date, the series' result equals `aging`'s; where `aging` throws, the series has
    /// no result, so that the caller asks `aging` and shows its error.
    private func assertSeriesIsAging(_ workspace: Workspace, base: String?, dates: [CalendarDate] = AgingSeriesTests.dates,
                                     like template: AgingRequest = AgingRequest(asOf: CalendarDate(dayNumber: 0)),
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let receivables = Receivables(workspace: workspace, currency: base)
        let series = receivables.agingSeries(dates, like: template)
        var compared = 0
        for date in dates {
            var request = template
            request.asOf = date
            let reference: AgingResult
            do {
                reference = try receivables.aging(request)
            } catch {
                XCTAssertNil(series[date], "\(date): aging throws \(error), the series must leave the date to it", file: file, line: line)
                continue
            }
            guard let result = series[date] else {
                XCTFail("\(date): no result in the series", file: file, line: line)
                continue
            }
            let context = "\(date), base \(base ?? "none")"
            XCTAssertEqual(result.total, reference.total, context, file: file, line: line)
            XCTAssertEqual(result.overdue, reference.overdue, context, file: file, line: line)
            XCTAssertEqual(result.lines, reference.lines, context, file: file, line: line)
            XCTAssertEqual(result.currency, reference.currency, context, file: file, line: line)
            XCTAssertEqual(result.currencies, reference.currencies, context, file: file, line: line)
            XCTAssertEqual(result.settled, reference.settled, context, file: file, line: line)
            XCTAssertEqual(result.unapplied, reference.unapplied, context, file: file, line: line)
            XCTAssertEqual(result.undatedInvoices, reference.undatedInvoices, context, file: file, line: line)
            XCTAssertEqual(result.request, reference.request, context, file: file, line: line)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 0, "no date to compare", file: file, line: line)
    }

    // MARK: - Generated data

    private func generatedWorkspace(_ arguments: [String]) throws -> Workspace {
        try GeneratedDataSets.mappedWorkspace(arguments).0
    }

    func testGeneratedRoubles() throws {
        let workspace = try generatedWorkspace(["--deals", "3000", "--seed", "11"])
        try assertSeriesIsAging(workspace, base: nil)
        try assertSeriesIsAging(workspace, base: "RUB")
    }

    /// Dollars: each debt converted at its date's rate; without a base, `aging` throws on the
    /// dates where both currencies are owed, and the series leaves those dates to it.
    func testGeneratedDollars() throws {
        let workspace = try generatedWorkspace(["--deals", "3000", "--seed", "5", "--usd"])
        try assertSeriesIsAging(workspace, base: "RUB")
        try assertSeriesIsAging(workspace, base: nil)
    }

    func testGeneratedWithOtherBucketsAndBasis() throws {
        let workspace = try generatedWorkspace(["--deals", "3000", "--seed", "5", "--usd"])
        let buckets = try AgingBuckets(edges: [7, 45])
        try assertSeriesIsAging(workspace, base: "RUB", like: AgingRequest(asOf: CalendarDate(dayNumber: 0), buckets: buckets,
                                                                           basis: .invoiceDate))
        try assertSeriesIsAging(workspace, base: "RUB", like: AgingRequest(asOf: CalendarDate(dayNumber: 0), termsDays: 45))
    }

    // MARK: - Hand-made fixtures

    func testReceivablesFixture() throws {
        let workspace = try ReceivablesFixture.golden()
        try assertSeriesIsAging(workspace, base: nil)
        try assertSeriesIsAging(workspace, base: "RUB")
    }

    func testReportFixture() throws {
        let fixture = try ReportFixture.workspace()
        try assertSeriesIsAging(fixture.workspace, base: nil)
        try assertSeriesIsAging(fixture.workspace, base: "RUB")
    }

    // MARK: - Each case

    /// Partial payments, overpayments, a payment before its invoice is issued, payments with no
    /// invoice or an unknown one, an undated payment, an invoice with no issue date, and one
    /// issued after some of the dates.
    func testPaymentsAgainstInvoicesDateByDate() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [
            ["A", "K1", "100.00", "2026-01-10", "2026-01-20"],
            ["B", "K1", "50.00", "2026-02-05", nil],
            ["C", "K2", "70.00", "2026-03-01", "2026-06-01"],
            ["D", "K2", "30.00", nil, nil],
            ["E", "K3", "40.00", "2026-06-15", "2026-06-20"],
            [nil, "K3", "25.00", "2026-04-01", nil],
        ], payments: [
            ["P1", "A", "40.00", "2026-02-10"], ["P2", "A", "60.00", "2026-05-10"],
            ["P3", "B", "80.00", "2026-03-05"],
            ["P4", "E", "10.00", "2026-05-01"],
            ["P5", nil, "5.00", "2026-01-15"], ["P6", "Z", "7.00", "2026-02-01"],
            ["P7", "C", "20.00", nil], ["P8", "D", "30.00", "2026-01-01"],
        ])
        try assertSeriesIsAging(workspace, base: nil)
        try assertSeriesIsAging(workspace, base: "RUB")
    }

    /// Dollars converted on each date at that date's rate, invoice by invoice (those without an
    /// id together, as `aging` groups them); a date before the first rate is left to `aging`.
    func testDollarsConvertOnEachDate() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [
            ["A", "K1", "100.00", "2026-01-10", nil, "RUB"],
            ["B", "K1", "10.01", "2026-01-12", nil, "usd "],
            ["C", "K2", "3.33", "2026-02-01", "2026-04-01", "USD"],
            [nil, "K2", "1.11", "2026-02-01", nil, "USD"],
            [nil, "K2", "2.22", "2026-03-01", nil, "USD"],
            ["D", "K3", "5.00", "2026-03-01", nil, "USD"],
        ], payments: [["P1", "B", "2.50", "2026-02-02"], ["P2", "D", "6.00", "2026-04-02"], ["P3", nil, "1.00", "2026-02-03"]])
        try ReceivablesFixture.fill(workspace, "rates", [("date", .date), ("currency", .text), ("rate", .decimal(scale: 6))],
                                    [["2026-01-05", "USD", "90.123456"], ["2026-02-28", "USD", "100.333333"],
                                     ["2026-05-01", "USD", "95.555555"]])
        try ReconFixture.define(workspace, "acc.rates", "from rates | select date, currency, rate")
        try assertSeriesIsAging(workspace, base: "RUB")
        try assertSeriesIsAging(workspace, base: "USD")
        try assertSeriesIsAging(workspace, base: nil)
    }

    /// A repeated id makes `aging` throw from the date both invoices are issued by: the series
    /// answers no date, and `aging` says which id.
    func testARepeatedIDIsLeftToAging() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "1.00", "2026-01-01", nil],
                                                                 ["A", "K2", "2.00", "2026-06-01", nil]])
        let series = Receivables(workspace: workspace).agingSeries(Self.dates, like: AgingRequest(asOf: CalendarDate(dayNumber: 0)))
        XCTAssertTrue(series.isEmpty)
    }

    // MARK: - The KPIs

    /// `report kpi` shows, for each period, the debt `aging` gives on its last day.
    func testKPIReceivablesAreAgingOnEachPeriodEnd() throws {
        let workspace = try generatedWorkspace(["--deals", "3000", "--seed", "5", "--usd"])
        for asOf in ["2026-11-28", "2026-12-31"].compactMap({ CalendarDate(iso: Substring($0)) }) {
            let result = try KPIReport(workspace: workspace).compute(KPIRequest(asOf: asOf, baseCurrency: "RUB"))
            let receivables = Receivables(workspace: workspace, currency: "RUB")
            for period in result.periods {
                let aging = try receivables.aging(AgingRequest(asOf: period.end))
                XCTAssertEqual(period.receivables, aging.total, "\(period.end)")
                XCTAssertEqual(period.overdue, aging.overdue, "\(period.end)")
            }
        }
    }
}
