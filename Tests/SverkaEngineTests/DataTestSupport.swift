import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Generated deals and invoices for the data-test tests, kept as the raw CSV fields so that
/// every expected failure is computed here, in Swift, from what was written to the file.
class DataTestCase: QueryTestCase {
    /// SplitMix64: the same rows on every run, so a failure can be replayed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One deal as written to the CSV; an empty field is a null once loaded.
    struct DealRow {
        var id: String
        var client: String
        var stage: String
        /// Kopecks, nil for an empty field.
        var cents: Int64?
    }

    struct InvoiceRow {
        var id: String
        var deal: String
    }

    var deals: [DealRow] = []
    var invoices: [InvoiceRow] = []

    /// Deals with repeated and missing ids, odd stages and missing clients; invoices that
    /// point at missing deals or at none.
    func loadGeneratedTables(seed: UInt64 = 20_261_130, dealCount: Int = 400, invoiceCount: Int = 300) throws {
        var random = SeededRandom(state: seed)
        let stages = ["won", "lost", "open", "Won", "negotiation", ""]
        let amounts: [Int64] = [100_000, 50_050, 30_000, 1_234_567, 5]
        deals = (0..<dealCount).map { _ in
            let id = Int.random(in: 0..<30, using: &random) == 0 ? "" : "D\(Int.random(in: 1...350, using: &random))"
            let client = Int.random(in: 0..<12, using: &random) == 0 ? "" : "0\(Int.random(in: 1...90, using: &random))"
            let cents: Int64? = Int.random(in: 0..<20, using: &random) == 0
                ? nil : (Bool.random(using: &random) ? amounts.randomElement(using: &random)! : Int64.random(in: 1...9_999_999, using: &random))
            return DealRow(id: id, client: client, stage: stages.randomElement(using: &random)!, cents: cents)
        }
        invoices = (0..<invoiceCount).map { index in
            let deal = Int.random(in: 0..<20, using: &random) == 0 ? "" : "D\(Int.random(in: 1...400, using: &random))"
            return InvoiceRow(id: "I\(index + 1)", deal: deal)
        }
        var dealsCSV = "deal_id,client_id,stage,amount\n"
        for deal in deals {
            dealsCSV += "\(deal.id),\(deal.client),\(deal.stage),\(deal.cents.map(Self.csvMoney) ?? "")\n"
        }
        var invoicesCSV = "invoice_id,deal_id\n"
        for invoice in invoices { invoicesCSV += "\(invoice.id),\(invoice.deal)\n" }
        try load(dealsCSV, as: "deals", types: ["deal_id": .text, "client_id": .text, "amount": .decimal(scale: 2)])
        try load(invoicesCSV, as: "invoices", types: ["invoice_id": .text, "deal_id": .text])
    }

    /// `deals.deal_id` and the like, with no place in any source.
    func column(_ relation: String, _ name: String) -> TestedColumn {
        TestedColumn(relation: relation, relationSpan: .none, column: name, columnSpan: .none)
    }

    func literal(_ value: Literal) -> SverkaSyntax.Expression {
        SverkaSyntax.Expression(.literal(value), span: .none)
    }

    @discardableResult
    func run(_ test: DataTest, variables: [String: Value] = [:]) throws -> DataTestResult {
        try DataTestRunner(workspace: workspace, variables: variables).run(test)
    }

    /// A test's rows in `test_failures`, as (key, value) pairs in sorted order; null is nil.
    func failures(of test: String) throws -> [Pair] {
        try workspace.database.query("SELECT key, value FROM test_failures WHERE test = ?", [.text(test)]) { row in
            Pair(row.isNull(at: 0) ? nil : row.text(at: 0), row.isNull(at: 1) ? nil : row.text(at: 1))
        }.sorted()
    }

    /// One row of `test_failures`, comparable so that expectations can be sorted alike.
    struct Pair: Comparable, CustomStringConvertible {
        var key: String?
        var value: String?

        init(_ key: String?, _ value: String?) {
            self.key = key
            self.value = value
        }

        static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.key ?? "", lhs.key == nil ? 0 : 1, lhs.value ?? "", lhs.value == nil ? 0 : 1)
                < (rhs.key ?? "", rhs.key == nil ? 0 : 1, rhs.value ?? "", rhs.value == nil ? 0 : 1)
        }

        var description: String { "(\(key ?? "null"), \(value ?? "null"))" }
    }

    /// An empty CSV field reads as null.
    static func nullable(_ text: String) -> String? { text.isEmpty ? nil : text }
}
