import Foundation
import SverkaEngine
import XCTest
@testable import SverkaDomain

/// The exact rationals the models compute in: reduced, overflow as an error, decimals and
/// doubles read at their written value, rounding half away from zero.
final class ROIExactRatioTests: XCTestCase {
    func testArithmeticIsExactAndReduced() throws {
        let third = try XCTUnwrap(ExactRatio(1, over: 3))
        XCTAssertEqual(try third + third + third, .one)
        XCTAssertEqual(try ExactRatio(1_100_000).divided(by: 12) * ExactRatio(12), ExactRatio(1_100_000))
        XCTAssertEqual(ExactRatio(6, over: -8), ExactRatio(-3, over: 4))
        XCTAssertEqual(try ExactRatio(5) / ExactRatio(0), nil)
        XCTAssertNil(ExactRatio(1, over: 0))
        XCTAssertEqual(try ExactRatio(7) - ExactRatio(10), ExactRatio(-3))
    }

    func testOverflowThrowsInsteadOfTrapping() {
        let huge = ExactRatio(Int64.max)
        XCTAssertThrowsError(try huge * huge * huge)
        XCTAssertThrowsError(try XCTUnwrap(ExactRatio(Int128.max, over: 1)) + .one)
    }

    func testReadingDecimalsAndDoubles() {
        XCTAssertEqual(ExactRatio(ExactDecimal(units: 1250, scale: 2)), ExactRatio(25, over: 2))
        XCTAssertEqual(ExactRatio(0.1), ExactRatio(1, over: 10), "a double is read at its shortest spelling")
        XCTAssertEqual(ExactRatio(75_000.0), ExactRatio(75_000))
        XCTAssertEqual(ExactRatio(1e-5), ExactRatio(1, over: 100_000))
        XCTAssertNil(ExactRatio(Double.infinity))
        XCTAssertNil(ExactRatio(Double.nan))
        XCTAssertEqual(ExactRatio(decimalText: "-12.50"), ExactRatio(-25, over: 2))
    }

    func testRoundingHalfAwayFromZero() throws {
        let percent = try XCTUnwrap(ExactRatio(1, over: 54)) * ExactRatio(100)
        XCTAssertEqual(percent.rounded(scale: 1)?.description, "1.9")
        XCTAssertEqual(ExactRatio(5, over: 1000)?.rounded(scale: 2)?.description, "0.01")
        XCTAssertEqual(ExactRatio(-5, over: 1000)?.rounded(scale: 2)?.description, "-0.01")
        XCTAssertEqual(ExactRatio(175_000, over: 3)?.rounded(scale: 2)?.description, "58333.33")
        XCTAssertNil(ExactRatio(Int128(Int64.max) * 10, over: 1)?.rounded(scale: 2), "past 64 bits")
    }

    func testComparisonNeedsNoProducts() throws {
        // Cross-multiplying these would overflow 128 bits; the comparison must still be right.
        let big = try XCTUnwrap(ExactRatio(Int128.max / 3, over: Int128.max / 5))
        let bigger = try XCTUnwrap(ExactRatio(Int128.max / 3 + 1, over: Int128.max / 5))
        XCTAssertLessThan(big, bigger)
        XCTAssertFalse(bigger < big)
        XCTAssertLessThan(ExactRatio(-1), .zero)
        XCTAssertLessThan(try XCTUnwrap(ExactRatio(1, over: 3)), try XCTUnwrap(ExactRatio(1, over: 2)))
    }

    func testExactScaleAndText() throws {
        XCTAssertEqual(ExactRatio(920_000).formatted(), "920,000")
        XCTAssertEqual(try XCTUnwrap(ExactRatio(270, over: 23)).formatted(places: 2), "11.74")
        XCTAssertEqual(try XCTUnwrap(ExactRatio(1, over: 8)).exactScale, 3)
        XCTAssertNil(try XCTUnwrap(ExactRatio(1, over: 3)).exactScale)
    }
}
