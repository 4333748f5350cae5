import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `aging` on small invoices and payments written here: which bucket a debt lands in, what a
/// payment takes off and when, and what is not debt.
final class ReceivablesAgingTests: XCTestCase {
    private let asOf = ReceivablesFixture.date("2026-11-28")

    private func aging(_ workspace: Workspace, _ request: AgingRequest? = nil) throws -> AgingResult {
        try Receivables(workspace: workspace).aging(request ?? AgingRequest(asOf: asOf))
    }

    /// (invoices, outstanding) per bucket name.
    private func buckets(_ result: AgingResult) -> [String: (Int, String)] {
        Dictionary(uniqueKeysWithValues: result.lines.map { ($0.bucket, ($0.invoices, $0.outstanding.description)) })
    }

    /// Due on the date is current; a day later is 1-30; 30, 31, 60, 61, 90 and 91 days past due
    /// land on either side of the edges.
    func testDueDatesAtTheBucketEdges() throws {
        let due = [("A", "2026-11-29"), ("B", "2026-11-28"), ("C", "2026-11-27"), ("D", "2026-10-29"), ("E", "2026-10-28"),
                   ("F", "2026-09-29"), ("G", "2026-09-28"), ("H", "2026-08-30"), ("I", "2026-08-29")]
        let workspace = try ReceivablesFixture.inline(invoices: due.enumerated().map { offset, invoice in
            [invoice.0, "K1", "\(offset + 1).00", "2026-06-01", invoice.1]
        })
        let result = try buckets(aging(workspace))
        XCTAssertEqual(result["current"]?.0, 2)
        XCTAssertEqual(result["current"]?.1, "3.00")   // A 1 + B 2
        XCTAssertEqual(result["1-30"]?.1, "7.00")      // C (1 day) 3 + D (30 days) 4
        XCTAssertEqual(result["31-60"]?.1, "11.00")    // E (31) 5 + F (60) 6
        XCTAssertEqual(result["61-90"]?.1, "15.00")    // G (61) 7 + H (90) 8
        XCTAssertEqual(result["90+"]?.0, 1)
        XCTAssertEqual(result["90+"]?.1, "9.00")       // I (91)
    }

    /// No due date: due `terms` days after issue, 14 unless told.
    func testAnInvoiceWithoutADueDateIsDueAfterTheTerms() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "100.00", "2026-11-01", nil]])
        // Due 2026-11-15: 13 days past due on the 28th.
        XCTAssertEqual(buckets(try aging(workspace))["1-30"]?.1, "100.00")
        let overdue = try aging(workspace).parties
        XCTAssertTrue(overdue.isEmpty, "no parties without by client")
        let byClient = try aging(workspace, AgingRequest(asOf: asOf, byClient: true))
        XCTAssertEqual(byClient.parties.first?.oldestDaysOverdue, 13)
        // 30 days' terms: due 2026-12-01, not yet due.
        XCTAssertEqual(buckets(try aging(workspace, AgingRequest(asOf: asOf, termsDays: 30)))["current"]?.1, "100.00")
        // A due date written on the invoice wins over the terms.
        let dated = try ReceivablesFixture.inline(invoices: [["A", "K1", "100.00", "2026-11-01", "2026-12-31"]])
        XCTAssertEqual(buckets(try aging(dated, AgingRequest(asOf: asOf, termsDays: 0)))["current"]?.1, "100.00")
    }

    /// A payment made after the as-of date is still debt on it; invoices issued after it do
    /// not exist yet.
    func testOnlyWhatHappenedByTheDateCounts() throws {
        let workspace = try ReceivablesFixture.inline(
            invoices: [["A", "K1", "100.00", "2026-11-01", "2026-11-10"], ["B", "K1", "40.00", "2026-11-29", "2026-12-10"]],
            payments: [["P1", "A", "30.00", "2026-11-28"], ["P2", "A", "70.00", "2026-11-29"], ["P3", "B", "40.00", "2026-11-20"]])
        let onTheDate = try aging(workspace)
        XCTAssertEqual(onTheDate.total.description, "70.00")
        XCTAssertEqual(onTheDate.invoices, 1)
        // P3 paid B before it was issued: on the date it is applied to nothing.
        XCTAssertEqual(onTheDate.unapplied.other, 1)
        XCTAssertEqual(onTheDate.unapplied.otherAmount?.description, "40.00")
        let dayAfter = try aging(workspace, AgingRequest(asOf: ReceivablesFixture.date("2026-11-29")))
        XCTAssertEqual(dayAfter.total.description, "0.00")
        XCTAssertEqual(dayAfter.settled.paid, 2)
        XCTAssertEqual(dayAfter.unapplied.count, 0)
    }

    /// basis: invoice_date counts days from the issue date, whatever the terms.
    func testBasisInvoiceDateCountsFromTheIssueDate() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "10.00", "2026-10-19", "2026-12-19"],
                                                                 ["B", "K1", "20.00", "2026-11-28", "2026-11-28"]])
        XCTAssertEqual(buckets(try aging(workspace))["current"]?.1, "30.00")
        let byIssue = buckets(try aging(workspace, AgingRequest(asOf: asOf, basis: .invoiceDate)))
        XCTAssertEqual(byIssue["31-60"]?.1, "10.00")   // issued 40 days before
        XCTAssertEqual(byIssue["current"]?.1, "20.00") // issued on the date
    }

    /// Paid in full and overpaid invoices owe nothing, and an overpayment is not set against
    /// another invoice; payments with no invoice reduce nothing and are counted.
    func testSettledInvoicesAndStrayPaymentsAreNotDebt() throws {
        let workspace = try ReceivablesFixture.inline(
            invoices: [["A", "K1", "100.00", "2026-11-01", "2026-11-10"], ["B", "K1", "50.00", "2026-11-01", "2026-11-10"],
                       ["C", "K1", "80.00", "2026-11-01", "2026-11-10"], ["D", "K1", "75.00", nil, "2026-11-10"]],
            payments: [["P1", "A", "100.00", "2026-11-05"], ["P2", "B", "60.00", "2026-11-05"], ["P3", nil, "5.00", "2026-11-05"],
                       ["P4", "Z", "7.00", nil]])
        let result = try aging(workspace)
        XCTAssertEqual(result.total.description, "80.00")
        XCTAssertEqual(result.invoices, 1)
        XCTAssertEqual(result.settled.paid, 1)
        XCTAssertEqual(result.settled.overpaid, 1)
        XCTAssertEqual(result.settled.overpayment.description, "10.00")
        XCTAssertEqual(result.unapplied.withoutInvoice, 1)
        XCTAssertEqual(result.unapplied.withoutInvoiceAmount?.description, "5.00")
        // A payment with no date counts as made; its invoice is unknown.
        XCTAssertEqual(result.unapplied.other, 1)
        XCTAssertEqual(result.unapplied.otherAmount?.description, "7.00")
        XCTAssertEqual(result.undatedInvoices, 1)
    }

    func testCustomEdgesStillAddUpToTheTotal() throws {
        let workspace = try ReceivablesFixture.inline(invoices: (0..<40).map { day in
            ["I\(day)", "K1", "\(day + 1).25", "2026-01-01", ReceivablesFixture.date("2026-11-28").adding(days: -day * 5).iso]
        })
        let request = AgingRequest(asOf: asOf, buckets: try AgingBuckets(edges: [7, 45, 100]))
        let result = try aging(workspace, request)
        XCTAssertEqual(result.lines.map(\.bucket), ["current", "1-7", "8-45", "46-100", "100+"])
        XCTAssertEqual(result.invoices, 40)
        // 1.25 + 2.25 + … + 40.25 = 820 + 40 × 0.25
        XCTAssertEqual(result.total.description, "830.00")
        XCTAssertEqual(result.lines[0].invoices, 1)   // 0 days
        XCTAssertEqual(result.lines[1].invoices, 1)   // 5
        XCTAssertEqual(result.lines[2].invoices, 8)   // 10 … 45
        XCTAssertEqual(result.lines[3].invoices, 11)  // 50 … 100
        XCTAssertEqual(result.lines[4].invoices, 19)  // 105 … 195
    }

    func testARepeatedInvoiceIDIsReportedNotAged() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "1.00", "2026-11-01", nil], ["A", "K2", "2.00", "2026-11-01", nil]])
        XCTAssertThrowsError(try aging(workspace)) { error in
            XCTAssertTrue("\(error)".contains("acc.invoices has ids that appear more than once ('A')"), "\(error)")
        }
    }

    func testWithoutPaymentsMappedAgingSaysWhichRole() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "1.00", "2026-11-01", nil]])
        try workspace.drop("acc.payments")
        XCTAssertThrowsError(try aging(workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the role acc.payments is not mapped")
        }
    }

    /// Roubles and dollars are never added up silently; with a base currency each debt is
    /// converted at the as-of date's rate.
    func testSeveralCurrenciesNeedABaseCurrency() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "100.00", "2026-11-01", nil, "RUB"],
                                                                 ["B", "K1", "10.00", "2026-11-01", nil, "usd "]],
                                                      payments: [["P1", "B", "2.50", "2026-11-02"]])
        XCTAssertThrowsError(try aging(workspace)) { error in
            XCTAssertTrue("\(error)".contains("several currencies (RUB, USD)"), "\(error)")
        }
        try ReceivablesFixture.fill(workspace, "rates", [("date", .date), ("currency", .text), ("rate", .decimal(scale: 6))],
                                    [["2026-11-01", "USD", "90.123456"], ["2026-11-28", "USD", "100.333333"], ["2026-11-29", "USD", "1.0"]])
        try ReconFixture.define(workspace, "acc.rates", "from rates | select date, currency, rate")
        let result = try Receivables(workspace: workspace, currency: "RUB").aging(AgingRequest(asOf: asOf))
        // 7.50 USD at 100.333333 on the 28th = 752.4999975 → 752.50.
        XCTAssertEqual(result.total.description, "852.50")
        XCTAssertEqual(result.currency, "RUB")
        XCTAssertEqual(result.currencies, ["RUB", "USD"])
    }

    /// DSO converts each invoice's revenue on its issue date, and the debt on the last day.
    func testDSOConvertsRevenueOnTheIssueDate() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "100.00", "2026-11-01", nil, "RUB"],
                                                                 ["B", "K1", "10.00", "2026-11-10", nil, "USD"]],
                                                      payments: [["P1", "B", "10.00", "2026-11-20"]])
        try ReceivablesFixture.fill(workspace, "rates", [("date", .date), ("currency", .text), ("rate", .decimal(scale: 6))],
                                    [["2026-11-01", "USD", "90"], ["2026-11-25", "USD", "100"]])
        try ReconFixture.define(workspace, "acc.rates", "from rates | select date, currency, rate")
        let period = DatePeriod(start: ReceivablesFixture.date("2026-11-01"), end: asOf)
        XCTAssertThrowsError(try Receivables(workspace: workspace).dso(period))
        let result = try Receivables(workspace: workspace, currency: "RUB").dso(period)
        XCTAssertEqual(result.revenue.description, "1000.00")    // 100 + 10 USD at 90
        XCTAssertEqual(result.receivables.description, "100.00") // B is paid
        XCTAssertEqual(result.currency, "RUB")
        XCTAssertEqual(try XCTUnwrap(result.dso), 100.0 / 1000.0 * 28, accuracy: 1e-9)
    }

    func testRunAgingWritesATypedTable() throws {
        let workspace = try ReceivablesFixture.inline(invoices: [["A", "K1", "12.34", "2026-11-01", nil]])
        try Receivables(workspace: workspace).runAging(AgingRequest(asOf: asOf))
        let schema = try XCTUnwrap(workspace.catalog.schema(of: "aging"))
        XCTAssertEqual(schema.columns.map(\.name), ["bucket", "invoices", "outstanding"])
        XCTAssertEqual(schema.columns.last?.type, .decimal(scale: 2))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT outstanding FROM aging WHERE bucket = 'total'"), ["1234"])
        try Receivables(workspace: workspace).runAging(AgingRequest(asOf: asOf, byClient: true))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT counterparty_id || ':' || \"1-30\" FROM aging"), ["K1:1234"])
    }
}
