import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// The dashboard page as the domain builds it: its figures, its escaping, its atomic write.
final class ReportDashboardTests: XCTestCase {
    private func data() throws -> (MappingFixture, DashboardData) {
        let fixture = try ReportFixture.workspace(roles: ["clients", "deals", "costs", "invoices", "payments", "counterparties", "matches"])
        let asOf = try XCTUnwrap(CalendarDate(year: 2026, month: 11, day: 30))
        return (fixture, try Dashboard(workspace: fixture.workspace).gather(DashboardRequest(asOf: asOf)))
    }

    func testTheFiguresComeFromTheReports() throws {
        let (fixture, data) = try data()
        let asOf = data.request.asOf
        let kpi = try KPIReport(workspace: fixture.workspace).compute(KPIRequest(asOf: asOf))
        XCTAssertEqual(data.kpi.periods, kpi.periods)
        let aging = try Receivables(workspace: fixture.workspace).aging(AgingRequest(asOf: asOf))
        XCTAssertEqual(data.aging?.total, aging.total)
        // Top clients by margin, largest first, over the twelve months.
        let margins = data.topClients.map(\.margin.units)
        XCTAssertEqual(margins, margins.sorted(by: >))
        XCTAssertEqual(data.topClients.first?.key, "c1")
        XCTAssertEqual(data.topClients.count, 5)
    }

    func testWritingLeavesOnlyTheFileAndEscapesNames() throws {
        let (fixture, data) = try data()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-dashboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("kpi.html")
        try "old".write(to: page, atomically: true, encoding: .utf8)
        let dashboard = Dashboard(workspace: fixture.workspace)
        // A folder that does not exist: an error, and the old file stays as it was.
        XCTAssertThrowsError(try dashboard.write(data, to: folder.appendingPathComponent("no/kpi.html").path, displayPath: "no/kpi.html"))
        try dashboard.write(data, to: page.path, displayPath: "kpi.html")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["kpi.html"])
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("Гамма &amp; Ко &lt;b&gt;"))
        XCTAssertTrue(html.contains("ООО «Северная торгово-промышленная компания Новосибирск»"))
        XCTAssertFalse(html.contains("<script"))
        for measure in KPIMeasure.allCases {
            XCTAssertTrue(html.contains("id=\"kpi-\(measure.rawValue)\""), "a tile for \(measure)")
        }
    }

    func testWithoutReceivablesThePageSaysSo() throws {
        let fixture = try ReportFixture.workspace(roles: ["clients", "deals"])
        let asOf = try XCTUnwrap(CalendarDate(year: 2026, month: 11, day: 30))
        let data = try Dashboard(workspace: fixture.workspace).gather(DashboardRequest(asOf: asOf))
        XCTAssertNil(data.aging)
        XCTAssertFalse(data.hasCosts)
        XCTAssertTrue(data.notes.contains { $0.contains("acc.costs is not mapped") })
    }
}
