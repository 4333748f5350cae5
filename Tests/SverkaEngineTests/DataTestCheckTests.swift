import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Each kind of check on generated data, its failing rows compared with those found here by
/// walking the CSV rows in Swift.
final class DataTestCheckTests: DataTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try loadGeneratedTables()
    }

    func testUniqueListsEachRepeatedValueWithItsCount() throws {
        var counts: [String: Int] = [:]
        for deal in deals where !deal.id.isEmpty { counts[deal.id, default: 0] += 1 }
        let expected = counts.filter { $0.value > 1 }.map { Pair($0.key, String($0.value)) }.sorted()
        XCTAssertGreaterThan(expected.count, 10, "the generated data should repeat ids")

        let result = try run(DataTest(column: column("deals", "deal_id"), check: .unique, name: "ids"))
        XCTAssertEqual(try failures(of: "ids"), expected)
        XCTAssertEqual(result.failures, expected.count)
        XCTAssertEqual(result.status, .fail)
    }

    func testNotNullNamesRowsByTheirFirstColumn() throws {
        let expected = deals.filter { $0.client.isEmpty }.map { Pair(Self.nullable($0.id), nil) }.sorted()
        XCTAssertFalse(expected.isEmpty)

        let result = try run(DataTest(column: column("deals", "client_id"), check: .notNull, name: "clients"))
        XCTAssertEqual(try failures(of: "clients"), expected)
        XCTAssertEqual(result.failures, expected.count)
    }

    func testNotNullOnTheFirstColumnNamesRowsByTheSecond() throws {
        let expected = deals.filter { $0.id.isEmpty }.map { Pair(Self.nullable($0.client), nil) }.sorted()
        XCTAssertFalse(expected.isEmpty)

        try run(DataTest(column: column("deals", "deal_id"), check: .notNull, name: "ids present"))
        XCTAssertEqual(try failures(of: "ids present"), expected)
    }

    func testAcceptedValuesAreCaseSensitiveAndLetNullsPass() throws {
        let accepted: Set = ["won", "lost", "open"]
        let expected = deals.filter { !$0.stage.isEmpty && !accepted.contains($0.stage) }
            .map { Pair(Self.nullable($0.id), $0.stage) }.sorted()
        XCTAssertTrue(expected.contains { $0.value == "Won" })

        let values = ["won", "lost", "open"].map { literal(.string($0)) }
        let result = try run(DataTest(column: column("deals", "stage"), check: .accepted(values), name: "stages"))
        XCTAssertEqual(try failures(of: "stages"), expected)
        XCTAssertEqual(result.failures, expected.count)
    }

    func testAcceptedMoneyIsComparedToTheKopeck() throws {
        // 1000 and 500.5 are 100000 and 50050 kopecks; 500.505 would be another amount.
        let accepted: Set<Int64> = [100_000, 50_050]
        let expected = deals.compactMap { deal -> Pair? in
            guard let cents = deal.cents, !accepted.contains(cents) else { return nil }
            return Pair(Self.nullable(deal.id), Self.csvMoney(cents))
        }.sorted()
        XCTAssertLessThan(expected.count, deals.count - 20, "some amounts should be accepted")

        let values = [literal(.integer(1000)), literal(.decimal(units: 5005, scale: 1))]
        try run(DataTest(column: column("deals", "amount"), check: .accepted(values), name: "amounts"))
        XCTAssertEqual(try failures(of: "amounts"), expected)
    }

    func testBetweenIncludesBothBounds() throws {
        // 300.00 to 12345.67, in kopecks: the generated 1_234_567 sits exactly on the upper bound.
        let expected = deals.compactMap { deal -> Pair? in
            guard let cents = deal.cents, cents < 30_000 || cents > 1_234_567 else { return nil }
            return Pair(Self.nullable(deal.id), Self.csvMoney(cents))
        }.sorted()
        XCTAssertTrue(deals.contains { $0.cents == 1_234_567 } && deals.contains { $0.cents == 30_000 })

        let test = DataTest(column: column("deals", "amount"),
                            check: .between(low: literal(.integer(300)), high: literal(.decimal(units: 1_234_567, scale: 2))),
                            name: "range")
        try run(test)
        XCTAssertEqual(try failures(of: "range"), expected)
    }

    func testReferencesFindsValuesMissingFromTheTarget() throws {
        let known = Set(deals.map(\.id).filter { !$0.isEmpty })
        let expected = invoices.filter { !$0.deal.isEmpty && !known.contains($0.deal) }.map { Pair($0.id, $0.deal) }.sorted()
        XCTAssertGreaterThan(expected.count, 10)

        let result = try run(DataTest(column: column("invoices", "deal_id"), check: .references(column("deals", "deal_id")),
                                      name: "invoice deals"))
        XCTAssertEqual(try failures(of: "invoice deals"), expected)
        XCTAssertEqual(result.failures, expected.count)
    }

    func testWhereTestsOnlyTheRowsItSelects() throws {
        var counts: [String: Int] = [:]
        for deal in deals where !deal.id.isEmpty && deal.stage == "won" { counts[deal.id, default: 0] += 1 }
        let expected = counts.filter { $0.value > 1 }.map { Pair($0.key, String($0.value)) }.sorted()

        let condition = SverkaSyntax.Expression(
            .binary(.equal, SverkaSyntax.Expression(.column(QualifiedName([Name("stage", span: .none)])), span: .none),
                    literal(.string("won"))), span: .none)
        try run(DataTest(column: column("deals", "deal_id"), check: .unique, filter: condition, name: "won ids"))
        XCTAssertEqual(try failures(of: "won ids"), expected)
    }

    func testANamedQueryIsTestedLikeATable() throws {
        let definition = "from deals | where stage == \"lost\""
        let source = SourceText(name: "query lost", text: definition)
        let compiled = try QueryCompiler(tables: tables, source: source).compile(try CompilerFixture.pipeline(of: source))
        try workspace.catalog.saveQuery(name: "lost", definition: definition, columns: compiled.columns)
        var counts: [String: Int] = [:]
        for deal in deals where !deal.id.isEmpty && deal.stage == "lost" { counts[deal.id, default: 0] += 1 }
        let expected = counts.filter { $0.value > 1 }.map { Pair($0.key, String($0.value)) }.sorted()

        try run(DataTest(column: column("lost", "deal_id"), check: .unique, name: "lost ids"))
        XCTAssertEqual(try failures(of: "lost ids"), expected)
    }
}
