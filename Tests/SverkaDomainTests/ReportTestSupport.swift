import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// The reports' hand-made fixture (`Tests/golden/data/report_*.csv`, the golden scripts' data),
/// loaded and mapped with `map` as a user would; and the same files read as plain records, for
/// the tests' own computations.
enum ReportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden/data")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("report_\(name).csv"), encoding: .utf8)
    }

    /// A workspace with the fixture's tables loaded and the named roles mapped (all by default).
    static func workspace(roles: Set<String> = ["clients", "deals", "costs", "activities", "invoices", "payments"]) throws -> MappingFixture {
        let fixture = try MappingFixture()
        let mapping: [(table: String, role: String)] = [
            ("clients", "crm.clients"), ("deals", "crm.deals"), ("costs", "acc.costs"), ("activities", "crm.activities"),
            ("invoices", "acc.invoices"), ("payments", "acc.payments"), ("counterparties", "acc.counterparties"),
        ]
        for (table, role) in mapping where roles.contains(table) {
            // Account codes are text (`90.02`, not the number 90.02), as the map note advises.
            try fixture.load(table, try text(table), types: table == "costs" ? ["account": .text] : [:])
            try fixture.map("map \(table) as \(role)")
        }
        if roles.contains("matches") { try fixture.load("matches", try text("matches")) }
        return fixture
    }

    /// A fixture file as records keyed by header; empty fields are absent.
    static func records(_ name: String) throws -> [[String: String]] {
        let rows = CSVText.records(try text(name))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { fields in
            var record: [String: String] = [:]
            for (index, field) in fields.enumerated() where index < header.count && !field.isEmpty { record[header[index]] = field }
            return record
        }
    }

    /// Money text (`45000.50`) in kopecks.
    static func kopecks(_ text: String?) -> Int64 {
        guard let text, let value = ExactDecimal(parsing: Substring(text))?.rescaled(to: 2) else { return 0 }
        return value.units
    }

    static func date(_ text: String?) -> CalendarDate? {
        text.flatMap { CalendarDate(iso: Substring($0.prefix(10))) }
    }
}
