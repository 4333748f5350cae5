import SverkaEngine
import SverkaSyntax
import XCTest

/// Statuses by threshold, written out case by case.
final class DataTestThresholdTests: XCTestCase {
    func testWithoutThresholdsAnyFailureFails() {
        let thresholds = DataTestThresholds()
        XCTAssertEqual(thresholds.status(forFailures: 0), .pass)
        XCTAssertEqual(thresholds.status(forFailures: 1), .fail)
        XCTAssertEqual(thresholds.failRule, "fail if > 0")
    }

    func testWarnAloneNeverFails() {
        let thresholds = DataTestThresholds(warn: DataTestThreshold(.greater, 10))
        XCTAssertEqual(thresholds.status(forFailures: 0), .pass)
        XCTAssertEqual(thresholds.status(forFailures: 10), .pass)
        XCTAssertEqual(thresholds.status(forFailures: 11), .warn)
        XCTAssertEqual(thresholds.status(forFailures: 1_000_000), .warn)
    }

    func testFailAloneWarnsBelowItsLimit() {
        let thresholds = DataTestThresholds(fail: DataTestThreshold(.greater, 5))
        XCTAssertEqual(thresholds.status(forFailures: 0), .pass)
        XCTAssertEqual(thresholds.status(forFailures: 5), .warn)
        XCTAssertEqual(thresholds.status(forFailures: 6), .fail)
        XCTAssertEqual(thresholds.failRule, "fail if > 5")
    }

    func testBothDecideTheirOwn() {
        let thresholds = DataTestThresholds(warn: DataTestThreshold(.greaterOrEqual, 3), fail: DataTestThreshold(.greater, 10))
        XCTAssertEqual(thresholds.status(forFailures: 2), .pass)
        XCTAssertEqual(thresholds.status(forFailures: 3), .warn)
        XCTAssertEqual(thresholds.status(forFailures: 10), .warn)
        XCTAssertEqual(thresholds.status(forFailures: 11), .fail)
    }

    func testEveryComparisonHolds() {
        let cases: [(BinaryOperator, Int, Bool)] = [(.greater, 3, false), (.greater, 4, true), (.greaterOrEqual, 3, true),
                                                    (.less, 2, true), (.less, 3, false), (.lessOrEqual, 3, true),
                                                    (.equal, 3, true), (.equal, 4, false), (.notEqual, 0, true), (.notEqual, 3, false)]
        for (comparison, failures, holds) in cases {
            XCTAssertEqual(DataTestThreshold(comparison, 3).holds(for: failures), holds, "\(failures) \(comparison.rawValue) 3")
        }
    }
}
