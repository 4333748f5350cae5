import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Money on a real workspace: every result compared with a value computed here, independently,
/// in integer kopecks or with Foundation's `Decimal`.
final class QueryMoneyTests: QueryTestCase {
    /// SplitMix64: reproducible random amounts, so a failure can be replayed.
    private struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func cents(_ units: Int64, scale: Int = 2) -> Value { .decimal(ExactDecimal(units: units, scale: scale)) }

    /// `sum / count` rounded half away from zero, in integers: what avg() of money must give.
    private func roundedMean(_ sum: Int64, _ count: Int64) -> Int64 {
        let (quotient, remainder) = sum.magnitude.quotientAndRemainder(dividingBy: UInt64(count))
        let rounded = Int64(quotient + (2 * remainder >= UInt64(count) ? 1 : 0))
        return sum < 0 ? -rounded : rounded
    }

    /// Foundation's decimal rounding, `.plain` = half away from zero: the reference for round().
    private func reference(_ text: String, places: Int) -> Value {
        var value = Decimal(string: text)!
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, .plain)
        let units = NSDecimalNumber(decimal: rounded).multiplying(byPowerOf10: Int16(places)).int64Value
        return .decimal(ExactDecimal(units: units, scale: places))
    }

    // MARK: - sums

    func testSumsOfMoneyAreExactToTheKopeck() throws {
        var random = SeededRandom(state: 2026_11_30)
        let regions = ["Север", "Юг", "Восток", "Запад", "Центр"]
        var expected: [String: (sum: Int64, count: Int64)] = [:]
        var total: Int64 = 0, refunds: Int64 = 0
        var csv = "id,region,amount\n"
        for id in 1...20_000 {
            // Everyday amounts, refunds, and now and then a very large one (up to 10^10 roubles).
            var amount = id % 500 == 0 ? Int64.random(in: 0...1_000_000_000_000, using: &random)
                : Int64.random(in: 0...5_000_000, using: &random)
            if id % 9 == 0 { amount = -amount }
            let region = regions[Int(random.next() % UInt64(regions.count))]
            expected[region, default: (0, 0)].sum += amount
            expected[region, default: (0, 0)].count += 1
            total += amount
            if amount < 0 { refunds += amount }
            csv += "\(id),\(region),\(Self.csvMoney(amount))\n"
        }
        try load(csv, as: "payments", types: ["id": .integer, "region": .text, "amount": .decimal(scale: 2)])

        let result = try run("from payments | group region (total = sum(amount), n = count()) | sort region")
        XCTAssertEqual(result.columns.map(\.type), [.text, .decimal(scale: 2), .integer])
        XCTAssertEqual(result.rows, expected.keys.sorted().map { region in
            [.text(region), cents(expected[region]!.sum), .integer(expected[region]!.count)]
        })
        XCTAssertEqual(try single("from payments | group (total = sum(amount))"), cents(total))
        XCTAssertEqual(try single("from payments | where amount < 0 | group (refunds = sum(amount))"), cents(refunds))
    }

    func testTenTimesTenKopecksIsExactlyOneRouble() throws {
        try load("id,amount\n" + (1...10).map { "\($0),0.10" }.joined(separator: "\n") + "\n", as: "dimes",
                 types: ["id": .integer, "amount": .decimal(scale: 2)])
        XCTAssertEqual(try single("from dimes | group (total = sum(amount))"), money("1.00"))
        XCTAssertEqual(try single("from dimes | group (total = sum(amount)) | select ok = total == 1"), .bool(true))
        XCTAssertEqual(try single("from dimes | group (total = sum(amount * 3)) | select total"), money("3.00"))
    }

    func testSumOfAProductKeepsEveryPlace() throws {
        try loadSampleTables()
        let expected = Self.sampleDeals.reduce(Int64(0)) { $0 + $1.cents * 15 }
        let result = try run("from deals | group (total = sum(amount * 1.5))")
        XCTAssertEqual(result.columns.first?.type, .decimal(scale: 3))
        XCTAssertEqual(result.rows, [[cents(expected, scale: 3)]])
    }

    func testSumPerGroupOfTheSampleDeals() throws {
        try loadSampleTables()
        var expected: [String: Int64] = [:]
        for deal in Self.sampleDeals where deal.stage == "won" { expected[deal.region, default: 0] += deal.cents }
        let result = try rows(#"from deals | where stage == "won" | group region (total = sum(amount)) | sort -total"#)
        let sorted = expected.sorted { $0.value > $1.value }
        XCTAssertEqual(result, sorted.map { [.text($0.key), cents($0.value)] })
    }

    func testSumOfNoRowsIsNull() throws {
        try loadSampleTables()
        XCTAssertEqual(try rows(#"from deals | where stage == "none" | group (total = sum(amount), n = count())"#),
                       [[.null, .integer(0)]])
    }

    // MARK: - avg

    func testAverageOfMoneyIsRoundedHalfAwayFromZero() throws {
        let groups: [(String, [Int64])] = [
            ("a", [1, 2]), ("b", [-1, -2]), ("c", [1000, 1001]), ("d", [100, 100, 101]), ("e", [100, 101, 101]),
            ("f", [-250, -251]), ("g", [5]), ("h", [-3, 3, 1, 0]),
        ]
        try makeTable("amounts", [("g", .text), ("amount", .decimal(scale: 2))],
                      rows: groups.flatMap { group in group.1.map { [.text(group.0), .integer($0)] } })
        let result = try run("from amounts | group g (mean = avg(amount)) | sort g")
        XCTAssertEqual(result.columns.last?.type, .decimal(scale: 2))
        XCTAssertEqual(result.rows, groups.map { group in
            [.text(group.0), cents(roundedMean(group.1.reduce(0, +), Int64(group.1.count)))]
        })
        // Spelled out for the halves: 0.015 → 0.02, -0.015 → -0.02, 10.005 → 10.01, -2.505 → -2.51.
        XCTAssertEqual(result.rows.map { $0[1] },
                       [money("0.02"), money("-0.02"), money("10.01"), money("1.00"), money("1.01"), money("-2.51"),
                        money("0.05"), money("0.00")])
    }

    func testAverageOfIntegersIsANumber() throws {
        try makeTable("counts", [("n", .integer)], rows: [[.integer(1)], [.integer(2)]])
        let result = try run("from counts | group (mean = avg(n))")
        XCTAssertEqual(result.columns.first?.type, .number)
        XCTAssertEqual(result.rows, [[.number(1.5)]])
    }

    // MARK: - round

    func testRoundOfThousandthsToKopecksHalfAwayFromZero() throws {
        let values = ["2.675", "-2.675", "0.005", "-0.005", "2.665", "2.664", "-0.004", "0", "999999.995", "-1.5"]
        try load("x\n" + values.joined(separator: "\n") + "\n", as: "vals", types: ["x": .decimal(scale: 3)])
        for places in 0...2 {
            let result = try run("from vals | select r = round(x, \(places))")
            XCTAssertEqual(result.columns.first?.type, .decimal(scale: places))
            XCTAssertEqual(result.rows.map { $0[0] }, values.map { reference($0, places: places) },
                           "round(x, \(places))")
        }
        // The cases of the brief, spelled out.
        XCTAssertEqual(try rows("from vals | take 3 | select r = round(x, 2)"), [[money("2.68")], [money("-2.68")], [money("0.01")]])
    }

    func testRoundOfLiterals() throws {
        XCTAssertEqual(try evaluate("round(2.675, 2)"), money("2.68"))
        XCTAssertEqual(try evaluate("round(-2.675, 2)"), money("-2.68"))
        XCTAssertEqual(try evaluate("round(0.005, 2)"), money("0.01"))
        XCTAssertEqual(try evaluate("round(-0.005, 2)"), money("-0.01"))
        XCTAssertEqual(try evaluate("round(2.5)"), .decimal(ExactDecimal(units: 3, scale: 0)))
        XCTAssertEqual(try evaluate("round(-2.5)"), .decimal(ExactDecimal(units: -3, scale: 0)))
        XCTAssertEqual(try evaluate("round(7)"), .integer(7))
    }

    func testRoundOfHalfAMoneyAmount() throws {
        try makeTable("m", [("amount", .decimal(scale: 2))], rows: [[.integer(535)], [.integer(-535)], [.integer(1)], [.integer(-1)]])
        // 5.35 × 0.5 = 2.675 exactly: a float would give 2.67.
        XCTAssertEqual(try rows("from m | select half = round(amount * 0.5, 2)"),
                       [[money("2.68")], [money("-2.68")], [money("0.01")], [money("-0.01")]])
        XCTAssertEqual(try rows("from m | select half = amount * 0.5"),
                       [[money("2.675", scale: 3)], [money("-2.675", scale: 3)], [money("0.005", scale: 3)], [money("-0.005", scale: 3)]])
    }

    func testRoundOfANumberIsHalfAwayFromZeroToo() throws {
        try makeTable("r", [("ratio", .number)], rows: [[.real(2.5)], [.real(-2.5)], [.real(0.4)]])
        XCTAssertEqual(try rows("from r | select n = round(ratio)"), [[.integer(3)], [.integer(-3)], [.integer(0)]])
    }

    // MARK: - floor, ceil

    func testFloorAndCeilOfNegativeDecimals() throws {
        let units: [Int64] = [-250, -200, -1, 201, 200, 0, 99, -199_999]
        try makeTable("f", [("x", .decimal(scale: 2))], rows: units.map { [.integer($0)] })
        let result = try run("from f | select lo = floor(x), hi = ceil(x)")
        XCTAssertEqual(result.columns.map(\.type), [.decimal(scale: 2), .decimal(scale: 2)])
        XCTAssertEqual(result.rows, units.map { unit in
            let value = Double(unit) / 100
            return [cents(Int64(value.rounded(.down)) * 100), cents(Int64(value.rounded(.up)) * 100)]
        })
        // Spelled out: floor(-2.50) = -3.00, ceil(-2.50) = -2.00, floor(-0.01) = -1.00, ceil(-0.01) = 0.00.
        XCTAssertEqual(result.rows[0], [money("-3.00"), money("-2.00")])
        XCTAssertEqual(result.rows[2], [money("-1.00"), money("0.00")])
    }

    func testFloorAndCeilOfNumbers() throws {
        try makeTable("r", [("ratio", .number)], rows: [[.real(-2.5)], [.real(2.5)], [.real(-0.1)]])
        XCTAssertEqual(try rows("from r | select lo = floor(ratio), hi = ceil(ratio)"),
                       [[.integer(-3), .integer(-2)], [.integer(2), .integer(3)], [.integer(-1), .integer(0)]])
    }

    // MARK: - arithmetic and text of money

    func testArithmeticOfMoneyWithOtherScales() throws {
        try makeTable("t", [("amount", .decimal(scale: 2)), ("rate", .decimal(scale: 4)), ("qty", .integer)],
                      rows: [[.integer(123_456), .integer(1_250), .integer(3)]])
        let row = try rows("from t | select a = amount * rate, b = amount + rate, c = amount * qty, d = amount - 0.005, e = amount / 4")
        // 1234.56 × 0.1250 = 154.320000; 1234.56 + 0.1250 = 1234.6850; × 3 = 3703.68; − 0.005 = 1234.555; ÷ 4 = 308.64
        XCTAssertEqual(row, [[money("154.320000", scale: 6), money("1234.6850", scale: 4), money("3703.68"),
                              money("1234.555", scale: 3), .number(308.64)]])
    }

    func testMoneyAsTextKeepsTwoPlacesAndTheSign() throws {
        try makeTable("t", [("amount", .decimal(scale: 2))],
                      rows: [[.integer(-5)], [.integer(123_456_789_012_345)], [.integer(100)], [.null]])
        XCTAssertEqual(try rows("from t | select s = text(amount)"),
                       [[.text("-0.05")], [.text("1234567890123.45")], [.text("1.00")], [.null]])
        XCTAssertEqual(try rows("from t | select s = concat(\"= \", amount)"),
                       [[.text("= -0.05")], [.text("= 1234567890123.45")], [.text("= 1.00")], [.text("= ")]])
    }

    // MARK: - append

    func testAppendOfIntegerAmountsToMoney() throws {
        try loadSampleTables()
        try load("deal_id,amount\n1,5\n3,-2\n", as: "refunds", types: ["deal_id": .integer, "amount": .integer])
        XCTAssertEqual(workspace.catalog.schema(of: "refunds")?.columns.last?.type, .integer)
        let result = try run("from deals | select deal_id, amount | append refunds | where deal_id in (1, 3) | sort deal_id, amount")
        XCTAssertEqual(result.columns, [ResultColumn(name: "deal_id", type: .integer), ResultColumn(name: "amount", type: .decimal(scale: 2))])
        XCTAssertEqual(result.rows, [
            [.integer(1), money("5.00")], [.integer(1), money("1500.10")],
            [.integer(3), money("-2.00")], [.integer(3), money("99.99")],
        ])
        let total = Self.sampleDeals.reduce(Int64(0)) { $0 + $1.cents } + 500 - 200
        XCTAssertEqual(try single("from deals | select deal_id, amount | append refunds | group (total = sum(amount))"), cents(total))
        // Integer side first: still money.
        XCTAssertEqual(try rows("from refunds | append (from deals | select deal_id, amount) | take 1"), [[.integer(1), money("5.00")]])
    }

    // MARK: - comparisons

    func testComparingMoneyWithLiteralsOfOtherScales() throws {
        try loadSampleTables()
        func ids(_ condition: String) throws -> [Value] {
            try rows("from deals | where \(condition) | sort deal_id | select deal_id").map { $0[0] }
        }
        func expected(_ predicate: (Int64) -> Bool) -> [Value] {
            Self.sampleDeals.filter { predicate($0.cents) }.map { .integer($0.id) }
        }
        XCTAssertEqual(try ids("amount > 1000"), expected { $0 > 100_000 })
        XCTAssertEqual(try ids("amount >= 1000"), expected { $0 >= 100_000 })
        XCTAssertEqual(try ids("amount > 99.989"), expected { $0 * 10 > 99_989 })
        XCTAssertEqual(try ids("amount < 0.06"), expected { $0 < 6 })
        XCTAssertEqual(try ids("amount == 250.55"), expected { $0 == 25_055 })
        XCTAssertEqual(try ids("amount between -15.25 and 100"), expected { $0 >= -1_525 && $0 <= 10_000 })
        XCTAssertEqual(try ids("amount in (0.05, 1000, 1M)"), expected { [5, 100_000, 100_000_000].contains($0) })
    }

    func testSortByMoneyDescendingIsNumericIncludingNegatives() throws {
        try loadSampleTables()
        let expected = Self.sampleDeals.sorted { $0.cents > $1.cents }.map { Value.integer($0.id) }
        XCTAssertEqual(try rows("from deals | sort -amount | select deal_id").map { $0[0] }, expected)
    }
}
