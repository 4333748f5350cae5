import Foundation
import SverkaEngine
import XCTest
@testable import SverkaDomain

/// `aging`, `dso` and `alerts` on the data of `scripts/gen-data` (3000 deals, about 1300
/// invoices), checked against computations written here: Swift over the raw CSV files (with
/// Foundation's calendar for the days) and plain SQL over the raw tables — no code of the
/// receivables commands, no roles.
final class ReceivablesGeneratedTests: XCTestCase {
    private static let asOfText = "2026-11-28"
    private let asOf = ReceivablesFixture.date(ReceivablesGeneratedTests.asOfText)

    private static func generated() throws -> URL {
        try GeneratedDataSets.folder(["--deals", "3000", "--seed", "11"])
    }

    /// The generated tables with their own column names, integer ids where the files have
    /// them, the roles over them, and `matches` by equal tax ids.
    private func workspace() throws -> Workspace {
        let folder = try Self.generated()
        let workspace = try Workspace(path: nil)
        try ReconFixture.load(workspace, "invoices", file: folder.appendingPathComponent("invoices.csv"), [
            ("invoice_id", .integer), ("number", .text), ("counterparty_id", .text), ("deal_id", .integer),
            ("amount", .decimal(scale: 2)), ("currency", .text), ("issue_date", .date), ("due_date", .date),
        ])
        try ReconFixture.load(workspace, "payments", file: folder.appendingPathComponent("payments.csv"), [
            ("payment_id", .integer), ("invoice_id", .integer), ("counterparty_id", .text), ("amount", .decimal(scale: 2)),
            ("paid_at", .date),
        ])
        try ReconFixture.load(workspace, "deals", file: folder.appendingPathComponent("deals.csv"), [
            ("deal_id", .integer), ("client_id", .integer), ("stage", .text), ("amount", .decimal(scale: 2)),
            ("currency", .text), ("created_at", .date), ("closed_at", .date),
        ])
        try ReconFixture.load(workspace, "clients", file: folder.appendingPathComponent("clients.csv"), [
            ("client_id", .integer), ("name", .text), ("tax_id", .text),
        ])
        try ReconFixture.load(workspace, "counterparties", file: folder.appendingPathComponent("counterparties.csv"),
                              ReconFixture.counterpartyColumns)
        try ReconFixture.create(workspace, "matches", [("client_id", .integer), ("counterparty_id", .text)])
        try workspace.database.run("""
            INSERT INTO matches SELECT DISTINCT c.client_id, k.counterparty_id FROM clients c
            JOIN counterparties k ON k.tax_id = c.tax_id WHERE c.tax_id IS NOT NULL
            """)
        try ReconFixture.defineRoles(workspace)
        try ReconFixture.define(workspace, "crm.deals", """
            from deals | select id = text(deal_id), client_id = text(client_id), amount,
              stage = if(stage == "won", "won", if(stage == "lost", "lost", "open")), currency, created_at, closed_at
            """)
        return workspace
    }

    // MARK: - The independent computation

    private struct Expected {
        var invoices = [Int](repeating: 0, count: 5)
        var kopecks = [Int64](repeating: 0, count: 5)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    private static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// "1234.5" → 123450.
    private static func kopecks(_ text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let parts = text.trimmingCharacters(in: CharacterSet(charactersIn: "-")).split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0]) ?? 0
        let fraction = parts.count > 1 ? Int64(String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return (negative ? -1 : 1) * (whole * 100 + fraction)
    }

    /// Per bucket: invoices issued by the date, less their payments made by then, owing more
    /// than nothing; days from the due date (issue date + 14 when none).
    private func expected(asOf: String) throws -> Expected {
        let folder = try Self.generated()
        let asOfDay = try XCTUnwrap(Self.day(asOf))
        var paid: [String: Int64] = [:]
        let payments = CSVText.records(try String(contentsOf: folder.appendingPathComponent("payments.csv"), encoding: .utf8))
        let p = payments[0]
        for row in payments.dropFirst() where row.count == p.count {
            let record = Dictionary(uniqueKeysWithValues: zip(p, row))
            guard let invoice = record["invoice_id"], !invoice.isEmpty, let date = record["paid_at"], date <= asOf else { continue }
            paid[invoice, default: 0] += Self.kopecks(record["amount"] ?? "0")
        }
        var result = Expected()
        let invoices = CSVText.records(try String(contentsOf: folder.appendingPathComponent("invoices.csv"), encoding: .utf8))
        let header = invoices[0]
        for row in invoices.dropFirst() where row.count == header.count {
            let record = Dictionary(uniqueKeysWithValues: zip(header, row))
            guard let issued = record["issue_date"], issued <= asOf, let id = record["invoice_id"] else { continue }
            let owed = Self.kopecks(record["amount"] ?? "0") - (paid[id] ?? 0)
            guard owed > 0 else { continue }
            var due = try XCTUnwrap(Self.day(issued)).addingTimeInterval(14 * 86_400)
            if let written = record["due_date"], !written.isEmpty { due = try XCTUnwrap(Self.day(written)) }
            let days = try XCTUnwrap(Self.calendar.dateComponents([.day], from: due, to: asOfDay).day)
            let bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4
            result.invoices[bucket] += 1
            result.kopecks[bucket] += owed
        }
        return result
    }

    // MARK: - Tests

    func testAgingAgreesWithTheRawFiles() throws {
        let workspace = try workspace()
        for day in [Self.asOfText, "2026-03-31"] {
            let expected = try expected(asOf: day)
            let result = try Receivables(workspace: workspace).aging(AgingRequest(asOf: ReceivablesFixture.date(day)))
            XCTAssertEqual(result.lines.map(\.invoices), expected.invoices, "invoices per bucket as of \(day)")
            XCTAssertEqual(result.lines.map(\.outstanding.units), expected.kopecks, "kopecks per bucket as of \(day)")
            XCTAssertGreaterThan(expected.invoices.filter { $0 > 0 }.count, 3, "the data spreads over the buckets")
        }
    }

    /// By client the same debt is spread over clients: each client's total is its matched
    /// counterparties' (each counterparty to its lowest client id), the rest stays with them.
    func testAgingByClientAgreesWithSQL() throws {
        let workspace = try workspace()
        let result = try Receivables(workspace: workspace).aging(AgingRequest(asOf: asOf, byClient: true))
        let bySQL = try workspace.database.query("""
            WITH paid AS (SELECT invoice_id, sum(amount) AS paid FROM payments WHERE paid_at <= '\(Self.asOfText)' GROUP BY invoice_id),
                 owner AS (SELECT counterparty_id, min(client_id) AS client_id FROM matches GROUP BY counterparty_id),
                 open AS (SELECT i.counterparty_id, i.amount - COALESCE(p.paid, 0) AS owed FROM invoices i
                          LEFT JOIN paid p ON p.invoice_id = i.invoice_id WHERE i.issue_date <= '\(Self.asOfText)')
            SELECT COALESCE(CAST(o.client_id AS TEXT), open.counterparty_id) AS party, sum(owed) AS owed FROM open
            LEFT JOIN owner o ON o.counterparty_id = open.counterparty_id WHERE owed > 0
            GROUP BY party ORDER BY owed DESC, party
            """) { row in "\(row.text(at: 0))=\(row.int64(at: 1))" }
        let mine = result.parties.map { "\($0.key)=\($0.outstanding.units)" }
        XCTAssertEqual(Set(mine), Set(bySQL))
        XCTAssertEqual(result.parties.map(\.outstanding.units), result.parties.map(\.outstanding.units).sorted(by: >))
        XCTAssertEqual(result.total.units, try expected(asOf: Self.asOfText).kopecks.reduce(0, +))
    }

    func testDSOAgreesWithSQL() throws {
        let workspace = try workspace()
        let period = DatePeriod(start: ReceivablesFixture.date("2026-06-01"), end: asOf)
        let result = try Receivables(workspace: workspace).dso(period)
        let invoiced = try ReconFixture.count(workspace, """
            SELECT sum(amount) FROM invoices WHERE issue_date BETWEEN '2026-06-01' AND '\(Self.asOfText)'
            """)
        XCTAssertEqual(result.revenue.units, Int64(invoiced))
        XCTAssertEqual(result.receivables.units, try expected(asOf: Self.asOfText).kopecks.reduce(0, +))
        XCTAssertEqual(result.days, 181)
        XCTAssertEqual(try XCTUnwrap(result.dso), Double(result.receivables.units) / Double(invoiced) * 181, accuracy: 1e-9)
    }

    /// Every client owing past due is listed, with its deals open on the date counted by SQL.
    func testAlertsAgreeWithSQL() throws {
        let workspace = try workspace()
        let result = try Receivables(workspace: workspace).alerts(asOf: asOf)
        let aging = try Receivables(workspace: workspace).aging(AgingRequest(asOf: asOf, byClient: true))
        XCTAssertEqual(result.alerts.count, aging.parties.filter { $0.overdue.units > 0 }.count)
        XCTAssertGreaterThan(result.alerts.count, 10)
        let open = try workspace.database.query("""
            SELECT CAST(client_id AS TEXT), count(*), sum(amount) FROM deals
            WHERE created_at <= '\(Self.asOfText)' AND NOT (stage IN ('won', 'lost') AND closed_at <= '\(Self.asOfText)')
            GROUP BY client_id
            """) { row in (row.text(at: 0), Int(row.int64(at: 1)), row.int64(at: 2)) }
        let byClient = Dictionary(uniqueKeysWithValues: open.map { ($0.0, ($0.1, $0.2)) })
        for alert in result.alerts {
            let expected = alert.clientID.flatMap { byClient[$0] } ?? (0, 0)
            XCTAssertEqual(alert.openDeals, expected.0, "\(alert.clientID ?? "-")")
            XCTAssertEqual(alert.openAmount.units, expected.1, "\(alert.clientID ?? "-")")
        }
        XCTAssertTrue(result.alerts.contains { $0.openDeals > 0 }, "some clients with overdue debt have open deals")
    }
}
