import XCTest
@testable import SverkaDomain

/// ABC classes at and around their boundaries: a row is A while the rows ranked before it make
/// under 80% of the revenue, B while they make under 95%.
final class ProfitABCTests: XCTestCase {
    private func classes(_ revenues: [Int64]) -> String {
        ABCClassification.classify(revenues).map(\.rawValue).joined()
    }

    func testTheRowThatCrossesEightyPercentIsStillA() {
        // Cumulative before each row: 0, 50, 79, 90, 96 (of 100).
        XCTAssertEqual(classes([50, 29, 11, 6, 4]), "AAABC")
    }

    func testExactlyEightyPercentBeforeARowMakesItB() {
        // Before the third row: 80 of 100 — not under 80%, so B; before the fourth: 95 → C.
        XCTAssertEqual(classes([50, 30, 15, 5]), "AABC")
    }

    func testJustUnderTheBoundaryStaysInTheClass() {
        // Of 10000: before the second row 79.99% (A), before the third 94.98% (B), then C.
        XCTAssertEqual(classes([7999, 1499, 500, 1, 1]), "AABCC")
    }

    func testOneRowIsA() {
        XCTAssertEqual(classes([1]), "A")
    }

    func testOrderGivenIsKeptAndEqualRevenuesRankInThatOrder() {
        // Ranked: 40 (index 1), 40 (index 2), 20 (index 0): before them 0, 40, 80.
        XCTAssertEqual(classes([20, 40, 40]), "BAA")
    }

    func testRowsWithoutPositiveRevenueAreC() {
        XCTAssertEqual(classes([0, 100, -5, 0]), "CACC")
        XCTAssertEqual(classes([0, 0]), "CC")
        XCTAssertEqual(classes([]), "")
    }

    /// Large sums compare exactly: no floating point between 79.999…% and 80%.
    func testHugeAmountsCompareExactly() {
        let total: Int64 = 90_000_000_000_000_000            // 9e16 kopecks
        let first = total / 10 * 8 - 1                         // just under 80%
        XCTAssertEqual(classes([first, total - first]), "AA")
        XCTAssertEqual(classes([total / 10 * 8, total - total / 10 * 8]), "AB")
    }
}
