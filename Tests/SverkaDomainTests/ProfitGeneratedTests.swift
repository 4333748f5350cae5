import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `profit` on what scripts/gen-data writes, loaded, mapped and matched as a user would, checked
/// row for row against SQL written here over the loaded tables and `matches` — not through the
/// roles or any code of the analysis — exact to the kopeck.
final class ProfitGeneratedTests: XCTestCase {
    /// Loads every file the generator wrote with the loader's own inference, maps each to its role
    /// by names alone, and runs `match clients`.
    private func workspace(_ arguments: [String]) throws -> (Workspace, URL) {
        let (workspace, folder) = try GeneratedDataSets.mappedWorkspace(arguments)
        _ = try ClientMatching(workspace: workspace).run()
        return (workspace, folder)
    }

    // MARK: - Independent SQL

    /// Per counterparty, the client it is matched to; the lowest id when several.
    private static let owner = """
        owner AS (SELECT counterparty_id, client_id FROM (
            SELECT counterparty_id, client_id,
                   row_number() OVER (PARTITION BY counterparty_id ORDER BY length(client_id), client_id) AS n
            FROM matches) WHERE n = 1)
        """

    /// Pieces (k, r, c) summed per key, with a null key for what has no row.
    private func expected(_ workspace: Workspace, pieces: String) throws -> [[String]] {
        try strings(workspace, """
            WITH \(Self.owner), pieces(k, r, c) AS (\(pieces))
            SELECT k, sum(r), sum(c) FROM pieces GROUP BY k
            ORDER BY k IS NULL, sum(r) DESC, length(k), k
            """)
    }

    /// The table `profit` as (key, revenue, cost) in minor units, in its own order.
    private func found(_ workspace: Workspace, key: String) throws -> [[String]] {
        try strings(workspace, "SELECT \(key), revenue, cost FROM profit ORDER BY rowid")
    }

    private func strings(_ workspace: Workspace, _ sql: String) throws -> [[String]] {
        try workspace.database.query(sql) { row in
            (0..<3).map { row.isNull(at: $0) ? "∅" : row.text(at: $0) }
        }
    }

    private func period(_ column: String, _ from: String?, _ to: String?) -> String {
        guard let from, let to else { return "" }
        return " AND \(column) BETWEEN '\(from)' AND '\(to)'"
    }

    private func wonDeals(_ from: String?, _ to: String?) -> String {
        "stage = 'won'" + (from == nil ? "" : period("closed_at", from, to))
    }

    // MARK: - By client

    private func checkByClient(_ arguments: [String], from: String? = nil, to: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let (workspace, _) = try workspace(arguments)
        let period = DatePeriod(start: from.map { CalendarDate(iso: Substring($0))! }, end: to.map { CalendarDate(iso: Substring($0))! })
        let result = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client, period: period))
        let expected = try expected(workspace, pieces: """
            SELECT CAST(client_id AS TEXT), amount, 0 FROM deals WHERE \(wonDeals(from, to))
            UNION ALL
            SELECT o.client_id, 0, c.amount FROM costs c LEFT JOIN owner o ON o.counterparty_id = c.counterparty_id
            WHERE 1 = 1\(self.period("c.date", from, to))
            """)
        XCTAssertGreaterThan(expected.count, 100, file: file, line: line)
        XCTAssertEqual(try found(workspace, key: "client_id"), expected, file: file, line: line)
        XCTAssertEqual(result.rows.count, expected.count, file: file, line: line)

        // Names from the clients file; margin, ABC from the revenue ranking, again in SQL.
        let wrongNames = try ReconFixture.count(workspace, """
            SELECT count(*) FROM profit p LEFT JOIN clients c ON CAST(c.client_id AS TEXT) = p.client_id
            WHERE p.client_id IS NOT NULL AND p.client_name IS NOT c.name
            """)
        XCTAssertEqual(wrongNames, 0, file: file, line: line)
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM profit WHERE margin <> revenue - cost"), 0,
                       file: file, line: line)
        XCTAssertEqual(try ReconFixture.count(workspace, """
            SELECT count(*) FROM profit WHERE client_id IS NULL AND (client_name IS NOT 'unallocated' OR abc IS NOT NULL)
            """), 0, file: file, line: line)
        let wrongClasses = try ReconFixture.count(workspace, """
            WITH ranked AS (
                SELECT client_id, revenue, abc,
                       coalesce(sum(revenue) OVER (ORDER BY revenue DESC, length(client_id), client_id
                                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                       (SELECT sum(revenue) FROM profit WHERE client_id IS NOT NULL AND revenue > 0) AS total
                FROM profit WHERE client_id IS NOT NULL)
            SELECT count(*) FROM ranked WHERE abc IS NOT CASE
                WHEN revenue <= 0 THEN 'C' WHEN 100 * before < 80 * total THEN 'A' WHEN 100 * before < 95 * total THEN 'B' ELSE 'C' END
            """)
        XCTAssertEqual(wrongClasses, 0, file: file, line: line)

        // The totals against the raw files' sums.
        let revenue = try ReconFixture.count(workspace, "SELECT sum(amount) FROM deals WHERE \(wonDeals(from, to))")
        let cost = try ReconFixture.count(workspace, "SELECT sum(amount) FROM costs WHERE 1 = 1\(self.period("date", from, to))")
        XCTAssertEqual(Int(result.totalRevenue.units), revenue, file: file, line: line)
        XCTAssertEqual(Int(result.totalCost.units), cost, file: file, line: line)
    }

    /// The acceptance: the data scripts/gen-data writes by default, in one currency.
    func testByClientEqualsIndependentSQL() throws {
        try checkByClient(["--deals", "3000", "--seed", "5"])
    }

    /// Costs billed to customers' counterparties, duplicated clients and counterparties among
    /// them: most clients carry costs.
    func testByClientWithCostsBilledToCustomers() throws {
        try checkByClient(["--deals", "3000", "--seed", "9", "--client-costs"])
        let (workspace, _) = try workspace(["--deals", "3000", "--seed", "9", "--client-costs"])
        _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client))
        XCTAssertGreaterThan(try ReconFixture.count(workspace, "SELECT count(*) FROM profit WHERE client_id IS NOT NULL AND cost > 0"), 150)
    }

    func testByClientInAPeriod() throws {
        try checkByClient(["--deals", "3000", "--seed", "9", "--client-costs"], from: "2026-02-01", to: "2026-07-31")
    }

    // MARK: - Other dimensions and revenue sources

    private let clientCosts = ["--deals", "3000", "--seed", "9", "--client-costs"]

    func testByProductEqualsIndependentSQL() throws {
        let (workspace, _) = try workspace(clientCosts)
        _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .product))
        XCTAssertEqual(try found(workspace, key: "product"), try expected(workspace, pieces: """
            SELECT nullif(trim(product_sku), ''), amount, 0 FROM deals WHERE stage = 'won'
            UNION ALL SELECT nullif(trim(product), ''), 0, amount FROM costs
            """))
    }

    /// Managers and regions: the client's first, the deal's when the client has none.
    func testByManagerAndRegionEqualIndependentSQL() throws {
        let (workspace, _) = try workspace(clientCosts)
        for field in ["manager", "region"] {
            _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: ProfitDimension(rawValue: field)!))
            XCTAssertEqual(try found(workspace, key: field), try expected(workspace, pieces: """
                SELECT coalesce(nullif(trim(c.\(field)), ''), nullif(trim(d.\(field)), '')), d.amount, 0
                FROM deals d LEFT JOIN clients c ON c.client_id = d.client_id WHERE d.stage = 'won'
                UNION ALL
                SELECT nullif(trim(cl.\(field)), ''), 0, k.amount FROM costs k
                LEFT JOIN owner o ON o.counterparty_id = k.counterparty_id
                LEFT JOIN clients cl ON CAST(cl.client_id AS TEXT) = o.client_id
                """), field)
        }
    }

    /// Accrual: invoices by issue date, to their deal's client or their counterparty's.
    func testInvoicesAsRevenueEqualIndependentSQL() throws {
        let (workspace, _) = try workspace(clientCosts)
        let period = DatePeriod(start: CalendarDate(year: 2026, month: 3, day: 1), end: CalendarDate(year: 2026, month: 8, day: 31))
        _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client, period: period, revenue: .invoices))
        XCTAssertEqual(try found(workspace, key: "client_id"), try expected(workspace, pieces: """
            SELECT coalesce(CAST(d.client_id AS TEXT), o.client_id), i.amount, 0 FROM invoices i
            LEFT JOIN deals d ON d.deal_id = i.deal_id LEFT JOIN owner o ON o.counterparty_id = i.counterparty_id
            WHERE i.issue_date BETWEEN '2026-03-01' AND '2026-08-31'
            UNION ALL
            SELECT o.client_id, 0, c.amount FROM costs c LEFT JOIN owner o ON o.counterparty_id = c.counterparty_id
            WHERE c.date BETWEEN '2026-03-01' AND '2026-08-31'
            """))
    }

    /// Cash: payments by payment date, through their invoice (or their own counterparty).
    func testPaymentsAsRevenueEqualIndependentSQL() throws {
        let (workspace, _) = try workspace(clientCosts)
        _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .product, revenue: .payments))
        XCTAssertEqual(try found(workspace, key: "product"), try expected(workspace, pieces: """
            SELECT nullif(trim(d.product_sku), ''), p.amount, 0 FROM payments p
            LEFT JOIN invoices i ON i.invoice_id = p.invoice_id LEFT JOIN deals d ON d.deal_id = i.deal_id
            UNION ALL SELECT nullif(trim(product), ''), 0, amount FROM costs
            """))
        _ = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client, revenue: .payments))
        XCTAssertEqual(try found(workspace, key: "client_id"), try expected(workspace, pieces: """
            SELECT coalesce(CAST(d.client_id AS TEXT), o.client_id), p.amount, 0 FROM payments p
            LEFT JOIN invoices i ON i.invoice_id = p.invoice_id LEFT JOIN deals d ON d.deal_id = i.deal_id
            LEFT JOIN owner o ON o.counterparty_id = coalesce(i.counterparty_id, p.counterparty_id)
            UNION ALL
            SELECT o.client_id, 0, c.amount FROM costs c LEFT JOIN owner o ON o.counterparty_id = c.counterparty_id
            """))
    }

    /// Spread by revenue: every row's cost grows by its share, and the rows still add up to the
    /// costs' total exactly.
    func testAllocationKeepsTheTotalExact() throws {
        let (workspace, _) = try workspace(clientCosts)
        let result = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client, allocation: .revenue))
        let cost = try ReconFixture.count(workspace, "SELECT sum(amount) FROM costs")
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT sum(cost) FROM profit"), cost)
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM profit WHERE client_id IS NULL"), 0)
        XCTAssertEqual(Int(result.allocatedCost.units), Int(result.unallocatedCost.units))
        XCTAssertGreaterThan(result.allocatedCost.units, 0)
    }

    // MARK: - Currencies

    /// Dollars converted at the generator's rates, deal by deal: the total equals the one the
    /// generator computed, and each client's revenue the one SQL computes here.
    func testDollarsConvertAtTheRateOfEachDealsDate() throws {
        let (workspace, folder) = try workspace(["--deals", "3000", "--seed", "5", "--usd"])
        XCTAssertThrowsError(try ProfitAnalysis(workspace: workspace).compute(ProfitRequest(dimension: .client))) { error in
            XCTAssertTrue("\(error)".contains("several currencies (RUB, USD)"), "\(error)")
        }
        let result = try ProfitAnalysis(workspace: workspace).run(ProfitRequest(dimension: .client, baseCurrency: "RUB"))
        let planted = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("planted.json")))
        let totals = (planted as? [String: Any])?["totals"] as? [String: Any]
        let expectedTotal = try XCTUnwrap(totals?["deals_won_amount_rub_at_rates"] as? String)
        XCTAssertEqual(result.totalRevenue.description, expectedTotal)
        XCTAssertGreaterThan(result.convertedAmounts, 10)
        XCTAssertEqual(try found(workspace, key: "client_id"), try expected(workspace, pieces: """
            SELECT CAST(d.client_id AS TEXT),
                   CASE WHEN d.currency = 'USD' THEN (d.amount * (SELECT r.rate FROM rates r WHERE r.currency = 'USD'
                        AND r.date <= d.closed_at ORDER BY r.date DESC LIMIT 1) + 500000) / 1000000 ELSE d.amount END, 0
            FROM deals d WHERE d.stage = 'won'
            UNION ALL
            SELECT o.client_id, 0, c.amount FROM costs c LEFT JOIN owner o ON o.counterparty_id = c.counterparty_id
            """))
    }
}
