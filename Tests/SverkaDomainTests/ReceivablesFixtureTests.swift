import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// aging, dso and alerts on the hand-made fixture of the golden scripts
/// (`Tests/golden/data/receivables_*.csv`), against figures worked out by hand from the files:
///
/// | invoice | party | owed on 2026-11-28 | counted from | days | bucket |
/// |---|---|---:|---|---:|---|
/// | I1 | K1→C1 | 1000 − 400 = 600.00 | due 06-25 | 156 | 90+ |
/// | I2 | K1→C1 | 250.00 | issue 11-20 + 14 = 12-04 | −6 | current |
/// | I3 | K2→C2 | paid in full | | | |
/// | I4 | K2→C2 | 1200.00 (P3 is paid 12-01) | due 10-29 | 30 | 1-30 |
/// | I5 | K2→C2 | 600.00 | due 09-28 | 61 | 61-90 |
/// | I6 | K3→C3 | overpaid by 100.00 | | | |
/// | I7 | K3→C3 | 350.00 | due 10-28 | 31 | 31-60 |
/// | I8 | K4→C4 | 450.00 | issue 09-05 + 14 = 09-19 | 70 | 61-90 |
/// | I9 | K8 | 123.45 | due 11-28 | 0 | current |
/// | I10 | K8 | 99.99 | due 08-30 | 90 | 61-90 |
/// | I11 | K1 | issued 11-29: not yet | | | |
/// | I12 | K1 | no issue date: left out | | | |
/// | I13 | K2→C2 | 1000 − 250 = 750.00 | due 08-29 | 91 | 90+ |
///
/// Payments set against nothing: P5 (no invoice_id, 50.00), P6 (unknown I99, 30.00), P8 (I11,
/// issued after the date, 100.00).
final class ReceivablesFixtureTests: XCTestCase {
    private let asOf = ReceivablesFixture.date("2026-11-28")

    func testAgingPerBucketAsWorkedOutByHand() throws {
        let result = try Receivables(workspace: try ReceivablesFixture.golden()).aging(AgingRequest(asOf: asOf))
        XCTAssertEqual(result.lines.map(\.bucket), ["current", "1-30", "31-60", "61-90", "90+"])
        XCTAssertEqual(result.lines.map(\.invoices), [2, 1, 1, 3, 2])
        XCTAssertEqual(result.lines.map(\.outstanding.description), ["373.45", "1200.00", "350.00", "1149.99", "1350.00"])
        XCTAssertEqual(result.total.description, "4423.44")
        XCTAssertEqual(result.overdue.description, "4049.99")
        XCTAssertEqual(result.settled.paid, 1)
        XCTAssertEqual(result.settled.overpaid, 1)
        XCTAssertEqual(result.settled.overpayment.description, "100.00")
        XCTAssertEqual(result.unapplied.withoutInvoice, 1)
        XCTAssertEqual(result.unapplied.withoutInvoiceAmount?.description, "50.00")
        XCTAssertEqual(result.unapplied.other, 2)
        XCTAssertEqual(result.unapplied.otherAmount?.description, "130.00")
        XCTAssertEqual(result.undatedInvoices, 1)
    }

    /// K2 is matched to C2 and to its duplicate C7: its debt counts once, for C2 (the lower id).
    func testAgingByClientLargestDebtFirst() throws {
        let result = try Receivables(workspace: try ReceivablesFixture.golden()).aging(AgingRequest(asOf: asOf, byClient: true))
        XCTAssertEqual(result.parties.map(\.key), ["C2", "C1", "C4", "C3", "K8"])
        XCTAssertEqual(result.parties.map(\.outstanding.description), ["2550.00", "850.00", "450.00", "350.00", "223.44"])
        XCTAssertEqual(result.parties.map(\.oldestDaysOverdue), [91, 156, 70, 31, 90])
        XCTAssertEqual(result.parties.map(\.name), ["АО \"Вектор\"", "ООО «Ромашка»", "ИП Сидоров С.С.", "Ромашка-Плюс", "ООО Север"])
        XCTAssertNil(result.parties.last?.clientID)
        XCTAssertEqual(result.parties.first?.amounts.map(\.description), ["0.00", "1200.00", "0.00", "600.00", "750.00"])
        XCTAssertEqual(result.total.description, "4423.44")
    }

    /// Without matches every counterparty is its own row, and the totals do not move.
    func testAgingByClientWithoutMatches() throws {
        let result = try Receivables(workspace: try ReceivablesFixture.golden(matches: false))
            .aging(AgingRequest(asOf: asOf, byClient: true))
        XCTAssertFalse(result.clientsMatched)
        XCTAssertEqual(result.parties.map(\.key), ["K2", "K1", "K4", "K3", "K8"])
        XCTAssertEqual(result.total.description, "4423.44")
    }

    /// Every client past due, with the deals open on the date: D2 (negotiation), D5 (proposal),
    /// D8 (won on 12-02, so open on 11-28); C5's open deal is not listed, as C5 owes nothing.
    func testAlertsListOverdueClientsWithTheirOpenDeals() throws {
        let result = try Receivables(workspace: try ReceivablesFixture.golden()).alerts(asOf: asOf)
        XCTAssertEqual(result.alerts.map { $0.clientID ?? "-" + ($0.counterpartyID ?? "") }, ["C2", "C1", "C4", "C3", "-K8"])
        XCTAssertEqual(result.alerts.map(\.overdue.description), ["2550.00", "600.00", "450.00", "350.00", "99.99"])
        XCTAssertEqual(result.alerts.map(\.daysOverdue), [91, 156, 70, 31, 90])
        XCTAssertEqual(result.alerts.map(\.openDeals), [1, 1, 1, 0, 0])
        XCTAssertEqual(result.alerts.map(\.openAmount.description), ["1500.00", "5000.00", "700.00", "0.00", "0.00"])
        XCTAssertEqual(result.alerts.map(\.manager), ["Петров Илья", "Иванова Анна", "Петров Илья", "Иванова Анна", nil])
        XCTAssertEqual(result.alerts.first?.overdueInvoices, 3)
        // A week later D8 is won: C4 has no open deal any more.
        let later = try Receivables(workspace: try ReceivablesFixture.golden()).alerts(asOf: ReceivablesFixture.date("2026-12-05"))
        XCTAssertEqual(later.alerts.first { $0.clientID == "C4" }?.openDeals, 0)
    }

    func testRunAlertsWritesATypedTable() throws {
        let workspace = try ReceivablesFixture.golden()
        try Receivables(workspace: workspace).runAlerts(asOf: asOf)
        let schema = try XCTUnwrap(workspace.catalog.schema(of: AlertsResult.tableName))
        XCTAssertEqual(schema.columns.map(\.name), AlertsResult.columns.map(\.name))
        XCTAssertEqual(schema.columns.first { $0.name == "overdue" }?.type, .decimal(scale: 2))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT client_id || ':' || overdue FROM alerts WHERE open_deals > 0"),
                       ["C2:255000", "C1:60000", "C4:45000"])
    }

    /// 1 September to 28 November: 89 days; invoiced I2, I4, I5, I7, I8, I9 = 2973.45.
    func testDSOIsReceivablesOverRevenueTimesDays() throws {
        let period = DatePeriod(start: ReceivablesFixture.date("2026-09-01"), end: asOf)
        let result = try Receivables(workspace: try ReceivablesFixture.golden()).dso(period)
        XCTAssertEqual(result.days, 89)
        XCTAssertEqual(result.receivables.description, "4423.44")
        XCTAssertEqual(result.revenue.description, "2973.45")
        XCTAssertEqual(result.invoices, 6)
        XCTAssertEqual(try XCTUnwrap(result.dso), 442_344.0 / 297_345.0 * 89, accuracy: 1e-9)
    }

    func testDSODefaultsToNinetyDaysEndingToday() throws {
        let today = ReceivablesFixture.date("2026-11-28")
        let result = try Receivables(workspace: try ReceivablesFixture.golden()).dso(.all, today: today)
        XCTAssertEqual(result.start.iso, "2026-08-31")
        XCTAssertEqual(result.end.iso, "2026-11-28")
        XCTAssertEqual(result.days, 90)
        let empty = try Receivables(workspace: try ReceivablesFixture.golden())
            .dso(DatePeriod(start: ReceivablesFixture.date("2027-01-01"), end: ReceivablesFixture.date("2027-01-31")))
        XCTAssertNil(empty.dso)
        XCTAssertThrowsError(try Receivables(workspace: try ReceivablesFixture.golden())
            .dso(DatePeriod(start: ReceivablesFixture.date("2027-01-01"), end: nil), today: today))
    }
}
