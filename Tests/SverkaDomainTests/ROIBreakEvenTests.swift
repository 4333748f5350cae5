import Foundation
import SverkaEngine
import XCTest
@testable import SverkaDomain

/// Break-even values of the model, worked out by hand: the net effect is
/// 1,100,000 − 900,000 − 15,000 × 12 = 20,000, and each input moves it in a straight line.
final class ROIBreakEvenTests: XCTestCase {
    private func solve(_ target: ModelTarget, in text: String = ROIFixture.integration) throws -> BreakEven {
        try BreakEvenSolver.solve(ROIFixture.values(text), target: target)
    }

    func testProjectCost() throws {
        // 1,100,000 − 180,000 = 920,000 (the figure).
        XCTAssertEqual(try solve(.cost("project")).roiZero, ExactRatio(920_000))
        XCTAssertEqual(try solve(.cost("project"), in: ROIFixture.integrationWithoutLicences).roiZero, ExactRatio(1_100_000))
    }

    func testMonthlyLicences() throws {
        // 1,100,000 − 900,000 = 12 × L, so L = 16,666.67 (exactly 50,000 / 3).
        XCTAssertEqual(try solve(.cost("licenses")).roiZero, ExactRatio(50_000, over: 3))
    }

    func testAnEffectsValueAfter() throws {
        // Errors: (120 − to) × 3,000 must make up 280,000 of effect, so to = 120 − 93.33 = 80 / 3.
        XCTAssertEqual(try solve(.effect("data_errors", .to)).roiZero, ExactRatio(80, over: 3))
        // Sales: the effect of sales must fall by 20,000: to = 10,480,000.
        XCTAssertEqual(try solve(.effect("sales", .to)).roiZero, ExactRatio(10_480_000))
    }

    func testHorizon() throws {
        // 900,000 / (1,100,000 / 12 − 15,000) = 270 / 23 = 11.74 months.
        let breakEven = try solve(.horizon)
        XCTAssertEqual(breakEven.roiZero, ExactRatio(270, over: 23))
        XCTAssertTrue(breakEven.roiZeroIsPossible)
    }

    func testAWorthThatChangesNothing() throws {
        let text = "model w\n  saving h from 5 to 5 worth 100\n  gain s from 0 to 1M\n  cost p 500k\nend"
        XCTAssertNil(try solve(.effect("h", .worth), in: text).roiZero, "before = after: the worth does not count")
    }

    func testABreakEvenOutsideWhatTheInputCanBe() throws {
        // Even free, the project would not pay: the cost that breaks even is negative.
        let text = "model n\n  gain s from 0 to 100k\n  cost p 50k\n  cost q 20k per month\nend"
        let breakEven = try solve(.cost("p"), in: text)
        XCTAssertEqual(breakEven.roiZero, ExactRatio(-140_000))
        XCTAssertFalse(breakEven.roiZeroIsPossible)
    }

    func testNPVBreakEvenForAnAmount() throws {
        let breakEven = try solve(.cost("project"))
        let zero = try XCTUnwrap(breakEven.npvZero)
        let npv = ROIFixture.npv(oneOff: zero, monthlyNet: 1_100_000.0 / 12 - 15_000, months: 12, rate: 0.12)
        XCTAssertEqual(npv, 0, accuracy: 1e-4)
        XCTAssertLessThan(zero, 920_000, "discounting lowers what the project may cost")
    }

    func testTheDiscountsBreakEvenIsTheInternalRateOfReturn() throws {
        let breakEven = try solve(.discount)
        XCTAssertNil(breakEven.roiZero, "ROI does not depend on the discount")
        let rate = try XCTUnwrap(breakEven.npvZero)
        XCTAssertEqual(ROIFixture.npv(oneOff: 900_000, monthlyNet: 1_100_000.0 / 12 - 15_000, months: 12, rate: rate), 0, accuracy: 1e-4)
        XCTAssertGreaterThan(rate, 0)
        XCTAssertLessThan(rate, 0.12, "NPV at 12% is negative, so the rate is below it")
    }

    func testNoRateWhenNPVIsNotPositiveUndiscounted() throws {
        let text = "model l\n  gain s from 0 to 100k\n  cost p 200k\n  discount 5%\nend"
        let breakEven = try solve(.discount, in: text)
        XCTAssertNil(breakEven.npvZero)
        XCTAssertEqual(breakEven.npvNote, "NPV is not positive even undiscounted, so no discount rate brings it to 0")
    }
}
