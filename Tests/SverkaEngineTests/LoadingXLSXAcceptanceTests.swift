import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// The acceptance of the loading issue: the same data exported as CSV, as Excel and as JSON
/// loads into tables of the same types whose `sum(amount)` is the same exact total, which
/// equals the total computed here in integer kopecks.
final class LoadingXLSXAcceptanceTests: StructuredLoadingTestCase {
    private struct Deal {
        var id: Int
        var client: String
        var cents: Int64
        var day: Int
    }

    private func deals(_ count: Int) -> [Deal] {
        var state: UInt64 = 0x5EED
        return (1...count).map { id in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Everyday amounts, refunds, whole roubles, and now and then a very large one.
            var cents = Int64(state >> 35) % 5_000_000
            if id % 7 == 0 { cents = -cents }
            if id % 11 == 0 { cents -= cents % 100 }
            if id % 500 == 0 { cents *= 100_000 }
            if id == 3 { cents = 30 }  // 0.30, which Excel may store as 0.30000000000000004
            return Deal(id: id, client: "Клиент \(id % 97)", cents: cents, day: Int(state >> 20) % 365)
        }
    }

    private func amountText(_ cents: Int64) -> String {
        "\(cents < 0 ? "-" : "")\(cents.magnitude / 100).\(cents.magnitude % 100 < 10 ? "0" : "")\(cents.magnitude % 100)"
    }

    /// Day `day` (0-based) of 2026, counted here by month lengths, independently of the loaders.
    private func isoDate(_ day: Int) -> String {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var rest = day
        var month = 0
        while rest >= lengths[month] {
            rest -= lengths[month]
            month += 1
        }
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "2026-\(two(month + 1))-\(two(rest + 1))"
    }

    /// What Excel stores for a number: the shortest text of the double, no trailing `.0`.
    private func excelNumber(_ cents: Int64) -> String {
        if cents == 30 { return "0.30000000000000004" }
        let text = "\(Double(cents) / 100)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    func testTheSameDataAsCSVExcelAndJSONGivesTheSameTypesAndTotal() throws {
        let data = deals(3000)
        let expected = data.reduce(Int64(0)) { $0 + $1.cents }

        var csv = "id,client,amount,closed_at\n"
        var json = "{\"_embedded\": {\"deals\": [\n"
        var sheet = #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>client</t></is></c>"#
            + #"<c r="C1" t="inlineStr"><is><t>amount</t></is></c><c r="D1" t="inlineStr"><is><t>closed_at</t></is></c></row>"#
        for (index, deal) in data.enumerated() {
            let date = isoDate(deal.day)
            csv += "\(deal.id),\(deal.client),\(amountText(deal.cents)),\(date)\n"
            json += "{\"id\": \(deal.id), \"client\": \"\(deal.client)\", \"amount\": \(amountText(deal.cents)), \"closed_at\": \"\(date)\"}"
            json += index + 1 < data.count ? ",\n" : "\n"
            let row = index + 2
            sheet += #"<row r="\#(row)"><c r="A\#(row)"><v>\#(deal.id)</v></c><c r="B\#(row)" t="inlineStr"><is><t>\#(deal.client)</t></is></c>"#
                + #"<c r="C\#(row)" s="2"><v>\#(excelNumber(deal.cents))</v></c><c r="D\#(row)" s="1"><v>\#(46023 + deal.day)</v></c></row>"#
        }
        json += "]}}\n"

        let workspace = try Workspace(path: nil)
        let csvReport = try CSVLoader().load(LoadRequest(path: try write(csv, to: "deals.csv"), table: "from_csv"), into: workspace)
        let xlsxPath = directory.appendingPathComponent("deals.xlsx").path
        try XLSXFixture(sheets: [XLSXFixture.Sheet(name: "Deals", rows: sheet)], cellFormats: [0, 14, 4]).write(to: xlsxPath)
        let xlsxReport = try XLSXLoader().load(LoadRequest(path: xlsxPath, table: "from_xlsx"), into: workspace)
        let jsonReport = try JSONLoader().load(LoadRequest(path: try write(json, to: "deals.json"), table: "from_json"),
                                               into: workspace)

        let expectedColumns = [ResultColumn(name: "id", type: .integer), ResultColumn(name: "client", type: .text),
                               ResultColumn(name: "amount", type: .decimal(scale: 2)), ResultColumn(name: "closed_at", type: .date)]
        for report in [csvReport, xlsxReport, jsonReport] {
            XCTAssertEqual(report.rows, data.count, report.table)
            XCTAssertEqual(report.columns, expectedColumns, report.table)
            XCTAssertEqual(try workspace.database.scalar("SELECT sum(amount) FROM \(report.table)"), .integer(expected),
                           report.table)
        }
        // Row by row too, not only in total.
        for table in ["from_xlsx", "from_json"] {
            XCTAssertEqual(try workspace.database.scalar("""
                SELECT count(*) FROM from_csv c JOIN \(table) o ON o.id = c.id
                WHERE o.amount IS NOT c.amount OR o.closed_at IS NOT c.closed_at OR o.client IS NOT c.client
                """), .integer(0), table)
        }
    }
}
