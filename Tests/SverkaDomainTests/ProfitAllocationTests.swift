import XCTest
@testable import SverkaDomain

/// Spreading an unallocated cost by revenue: exact to the kopeck, largest remainders first.
final class ProfitAllocationTests: XCTestCase {
    func testSharesAddUpExactly() throws {
        let shares = try XCTUnwrap(ProportionalAllocation.allocate(100, weights: [1, 1, 1]))
        XCTAssertEqual(shares, [34, 33, 33])
        XCTAssertEqual(shares.reduce(0, +), 100)
    }

    func testLargestRemaindersTakeTheKopecksLeft() throws {
        // 1000 × (5, 3, 2) / 10 exact; 1001: remainders 5/10, 3/10, 2/10 → the first gets it.
        XCTAssertEqual(ProportionalAllocation.allocate(1000, weights: [5, 3, 2]), [500, 300, 200])
        XCTAssertEqual(ProportionalAllocation.allocate(1001, weights: [5, 3, 2]), [501, 300, 200])
        // 1002: floors 501, 300, 200 (remainders 0, 6, 4 of 10) → the second gets the kopeck.
        XCTAssertEqual(ProportionalAllocation.allocate(1002, weights: [5, 3, 2]), [501, 301, 200])
    }

    func testEqualRemaindersGoToEarlierRows() {
        XCTAssertEqual(ProportionalAllocation.allocate(2, weights: [1, 1, 1, 1]), [1, 1, 0, 0])
    }

    func testOnlyPositiveWeightsTakeShares() {
        XCTAssertEqual(ProportionalAllocation.allocate(10, weights: [0, 3, -2, 1]), [0, 8, 0, 2])
        XCTAssertNil(ProportionalAllocation.allocate(10, weights: [0, -1]))
        XCTAssertNil(ProportionalAllocation.allocate(10, weights: []))
    }

    func testNegativeAmountsMirrorPositiveOnes() {
        XCTAssertEqual(ProportionalAllocation.allocate(-100, weights: [1, 1, 1]), [-34, -33, -33])
        XCTAssertEqual(ProportionalAllocation.allocate(0, weights: [1, 2]), [0, 0])
    }

    /// Amounts and weights whose products overflow 64 bits are still exact.
    func testHugeAmountsAreExact() throws {
        let amount: Int64 = 9_000_000_000_000_000_000
        let weights: [Int64] = [3_000_000_000_000_000_000, 3_000_000_000_000_000_000, 2_999_999_999_999_999_999]
        // Exact shares: 3e18 + 1/3, 3e18 + 1/3, 3e18 − 2/3; floors leave one kopeck, and the
        // equal remainders give it to the first row.
        XCTAssertEqual(ProportionalAllocation.allocate(amount, weights: weights),
                       [3_000_000_000_000_000_001, 3_000_000_000_000_000_000, 2_999_999_999_999_999_999])
    }

    /// Many rows with awkward weights: always the exact total, and every share within a kopeck of
    /// its exact proportion.
    func testRandomSplitsAddUpAndStayWithinAKopeck() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 1...40, using: &generator)
            let weights = (0..<count).map { _ in Int64.random(in: 0...5_000_000, using: &generator) }
            guard weights.contains(where: { $0 > 0 }) else { continue }
            let amount = Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)
            let shares = try XCTUnwrap(ProportionalAllocation.allocate(amount, weights: weights))
            XCTAssertEqual(shares.reduce(0, +), amount)
            let total = Double(weights.reduce(0, +))
            for (share, weight) in zip(shares, weights) {
                XCTAssertLessThan(abs(Double(share) - Double(amount) * Double(weight) / total), 1.0001)
            }
        }
    }
}
