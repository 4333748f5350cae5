import Foundation
import XCTest

/// `export dashboard`: the page has the figures (computed here from the fixture's CSV text), is
/// self-contained and escaped, and headless Chromium renders it.
final class DashboardTests: XCTestCase {
    private var folder: URL!
    private static let data = GoldenTests.folder.appendingPathComponent("data")

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Loads and maps the report fixture, then exports the dashboard as of 2026-11-30.
    private func export(masking: String? = nil) throws -> String {
        let page = folder.appendingPathComponent("kpi.html")
        let roles = [("clients", "crm.clients"), ("deals", "crm.deals"), ("costs", "acc.costs"), ("invoices", "acc.invoices"),
                     ("payments", "acc.payments"), ("counterparties", "acc.counterparties")]
        var script = roles.map { table, role in
            let types = table == "costs" ? " with (types: (account: text))" : ""
            return "load \"\(Self.data.path)/report_\(table).csv\" as \(table)\(types)\nmap \(table) as \(role)"
        }.joined(separator: "\n")
        script += "\nload \"\(Self.data.path)/report_matches.csv\" as matches"
        if let masking { script += "\nset mask \(masking)" }
        script += "\nexport dashboard to \"\(page.path)\" with (as_of: @2026-11-30)\n"
        let result = try SverkaProcess.run(["-c", script], in: folder)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("exported the dashboard as of 2026-11-30 to \(page.path)"), result.stderr)
        return try String(contentsOf: page, encoding: .utf8)
    }

    /// `set mask names` masks the top clients' names on the page as in any result; `set mask on`
    /// leaves names (it masks contacts and individuals' tax ids, which the page does not show).
    func testMaskNamesMasksThePersonsAmongTheTopClients() throws {
        let plain = try export()
        XCTAssertTrue(plain.contains("ИП Сидоров С.С."), "the fixture's ИП is not among the top clients")
        let masked = try export(masking: "names")
        XCTAssertFalse(masked.contains("Сидоров"), "a person's name on the masked page")
        XCTAssertTrue(masked.contains("ИП "), "the legal form should stay")
        XCTAssertTrue(try export(masking: "on").contains("ИП Сидоров С.С."))
    }

    // MARK: - The test's own figures

    private func records(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: Self.data.appendingPathComponent("report_\(name).csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            // The files used here have no quoted fields.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var record: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count && !fields[index].isEmpty { record[name] = fields[index] }
            return record
        }
    }

    private func kopecks(_ text: String?) -> Int64 {
        guard let text else { return 0 }
        let parts = text.split(separator: ".")
        let whole = Int64(parts[0]) ?? 0
        let fraction = parts.count > 1 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return whole * 100 + fraction
    }

    /// `1234567` kopecks as `12,345.67`.
    private func money(_ kopecks: Int64) -> String {
        let whole = String(abs(kopecks) / 100)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        let cents = abs(kopecks) % 100
        return (kopecks < 0 ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Won revenue per month of 2026 (`2026-11` …) from the deals file.
    private func monthlyRevenue() throws -> [String: Int64] {
        var months: [String: Int64] = [:]
        for deal in try records("deals") where deal["stage"] == "won" {
            guard let closed = deal["closed_at"] else { continue }
            months[String(closed.prefix(7)), default: 0] += kopecks(deal["amount"])
        }
        return months
    }

    /// What was owed at the end of 2026-11-30, and the part past due.
    private func receivables() throws -> (total: Int64, overdue: Int64) {
        var paid: [String: Int64] = [:]
        for payment in try records("payments") where (payment["paid_at"] ?? "") <= "2026-11-30" {
            paid[payment["invoice_id"] ?? "", default: 0] += kopecks(payment["amount"])
        }
        var total: Int64 = 0, overdue: Int64 = 0
        for invoice in try records("invoices") {
            let owed = kopecks(invoice["amount"]) - (paid[invoice["invoice_id"] ?? ""] ?? 0)
            guard owed > 0 else { continue }
            total += owed
            // I05 has no due date: 14 days after 2026-11-28 is still ahead.
            if let due = invoice["due_date"], due < "2026-11-30" { overdue += owed }
        }
        return (total, overdue)
    }

    // MARK: - Tests

    func testThePageHasTheFigures() throws {
        let html = try export()
        let revenue = try monthlyRevenue()
        XCTAssertTrue(html.contains("<div class=\"value\">\(money(revenue["2026-11"] ?? 0))</div>"), "November's revenue")
        for month in 1...11 {
            let key = String(format: "2026-%02d", month)
            XCTAssertTrue(html.contains(">\(money(revenue[key] ?? 0))</text>"), "the chart's bar for \(key)")
        }
        let debt = try receivables()
        XCTAssertTrue(html.contains("<div class=\"value\">\(money(debt.total))</div>"), "the receivables tile")
        XCTAssertTrue(html.contains("<tfoot><tr><td>total</td><td class=\"num\">5</td><td class=\"num\">\(money(debt.total))</td>"))
        XCTAssertTrue(html.contains("past due: \(money(debt.overdue))"))
        let share = (Double(debt.overdue) / Double(debt.total) * 10_000).rounded() / 100
        XCTAssertTrue(html.contains("<div class=\"value\">\(share)%</div>"), "the overdue share \(share)")

        // The best margin: c1, its won deals of the twelve months less the costs of k1, its counterparty.
        let c1Revenue = try records("deals").filter { $0["client_id"] == "c1" && $0["stage"] == "won" && ($0["closed_at"] ?? "") >= "2025-12-01" }
            .reduce(Int64(0)) { $0 + kopecks($1["amount"]) }
        let c1Cost = try records("costs").filter { $0["counterparty_id"] == "k1" }.reduce(Int64(0)) { $0 + kopecks($1["amount"]) }
        let firstRow = try XCTUnwrap(html.range(of: "<tr><td class=\"num\">1</td>"))
        let row = html[firstRow.lowerBound...].prefix { $0 != "\n" }
        XCTAssertTrue(row.contains("ООО «Альфа»"), String(row))
        XCTAssertTrue(row.contains(money(c1Revenue - c1Cost)), String(row))
    }

    func testThePageIsSelfContainedAndEscaped() throws {
        let html = try export()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        for forbidden in ["<script", "<link", "@import", "url(", "<img", "<iframe", "https:"] {
            XCTAssertFalse(html.contains(forbidden), "the page must not contain \(forbidden)")
        }
        // The one http: the SVG namespace, which is a name, not something fetched.
        XCTAssertEqual(html.components(separatedBy: "http:").count - 1, html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        // A client called `Гамма & Ко <b>` reads as written and adds no element.
        XCTAssertTrue(html.contains("Гамма &amp; Ко &lt;b&gt;"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("АО &quot;Бета&quot;"))
        // Written whole: no temporary file is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["kpi.html"])
    }

    func testChromiumRendersIt() throws {
        guard let chromium = Self.chromium else {
            throw XCTSkip("no chromium on the PATH (scripts/test installs the Debian package chromium)")
        }
        _ = try export()
        let page = folder.appendingPathComponent("kpi.html")
        let screenshot = folder.appendingPathComponent("kpi.png")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]
        _ = try Self.run(chromium, flags + ["--screenshot=\(screenshot.path)", "--window-size=1280,1600", page.absoluteString])
        let png = try Data(contentsOf: screenshot)
        XCTAssertGreaterThan(png.count, 20_000, "a screenshot of a page with content")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let dom = try Self.run(chromium, flags + ["--dump-dom", page.absoluteString])
        let revenue = try monthlyRevenue()
        XCTAssertTrue(dom.contains(money(revenue["2026-11"] ?? 0)), "the DOM has November's revenue")
        XCTAssertTrue(dom.contains(money(try receivables().total)), "the DOM has the receivables")
        XCTAssertTrue(dom.contains("Гамма &amp; Ко &lt;b&gt;"), "the name stays text in the DOM")
        XCTAssertTrue(dom.contains("<svg class=\"chart\""))
    }

    // MARK: - Chromium

    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs Chromium with a minute to finish; returns what it wrote on stdout.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + .seconds(60)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var data = Data()
        DispatchQueue.global().async {
            data = output.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            XCTFail("chromium did not finish in a minute")
        }
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
