import Foundation
import SverkaEngine
import XCTest
@testable import SverkaDomain

/// Properties that hold for any model, checked on generated ones (seeded, so a failure replays):
/// more cost never raises ROI, payback is never sooner than the one-off cost over a month's
/// effect, the totals are what the lines add up to, and break-even brings the net effect to 0.
final class ROIPropertyTests: XCTestCase {
    /// A model with effects that pay (gains that rise, savings that fall), and its inputs as plain
    /// integers for the independent computations.
    private struct Generated {
        var values: ModelValues
        /// A year's effect of all lines, computed here from the integers.
        var yearlyEffect: Int
        var oneOff: Int
        /// Per month, times 12 (yearly costs count as they are), so that it stays whole.
        var monthlyCostTimes12: Int
        var months: Int
    }

    private func generate(_ random: inout ROIFixture.SeededRandom) -> Generated {
        var effects: [ModelValues.Effect] = []
        var yearly = 0
        for index in 0..<Int.random(in: 1...4, using: &random) {
            let before = Int.random(in: 0...10_000, using: &random)
            let change = Int.random(in: 1...5_000, using: &random)
            let worth = Int.random(in: 1...3_000, using: &random)
            let monthly = Bool.random(using: &random)
            let gain = Bool.random(using: &random)
            effects.append(ROIFixture.effect("e\(index)", gain ? .gain : .saving, from: gain ? before : before + change,
                                             to: gain ? before + change : before, worth: worth, per: monthly ? .month : .year))
            yearly += change * worth * (monthly ? 12 : 1)
        }
        var costs: [ModelValues.Cost] = []
        var oneOff = 0, monthlyTimes12 = 0
        for index in 0..<Int.random(in: 1...4, using: &random) {
            let amount = Int.random(in: 1...20_000_000, using: &random)
            switch Int.random(in: 0...2, using: &random) {
            case 0:
                costs.append(ROIFixture.cost("c\(index)", amount))
                oneOff += amount
            case 1:
                costs.append(ROIFixture.cost("c\(index)", amount, per: .month))
                monthlyTimes12 += amount * 12
            default:
                costs.append(ROIFixture.cost("c\(index)", amount, per: .year))
                monthlyTimes12 += amount
            }
        }
        let months = Int.random(in: 1...60, using: &random)
        return Generated(values: ROIFixture.values(effects: effects, costs: costs, months: months), yearlyEffect: yearly,
                         oneOff: oneOff, monthlyCostTimes12: monthlyTimes12, months: months)
    }

    func testMoreCostNeverRaisesROI() throws {
        var random = ROIFixture.SeededRandom(state: 20_261_129)
        for _ in 0..<400 {
            let model = generate(&random)
            let index = Int.random(in: 0..<model.values.costs.count, using: &random)
            var dearer = model.values
            let more = try dearer.costs[index].amount.value + ExactRatio(Int.random(in: 1...1_000_000, using: &random))
            dearer.costs[index].amount = ModelNumber(more, origin: ROIFixture.origin)
            let before = try ROICalculator.figures(model.values).roi
            let after = try ROICalculator.figures(dearer).roi
            // The effects here are positive, so ROI = effect / cost − 1 falls strictly.
            XCTAssertLessThan(after, before, "cost \(dearer.costs[index].name) raised in \(model.values.costs)")
        }
    }

    func testPaybackIsNeverSoonerThanOneOffCostOverAMonthsEffect() throws {
        var random = ROIFixture.SeededRandom(state: 7)
        var paidBack = 0
        for _ in 0..<400 {
            let model = generate(&random)
            guard let payback = try ROICalculator.figures(model.values).paybackMonth else { continue }
            paidBack += 1
            // payback ≥ one-off / (yearly effect / 12), in whole numbers: payback × yearly ≥ 12 × one-off.
            XCTAssertGreaterThanOrEqual(payback * model.yearlyEffect, 12 * model.oneOff)
            // And at that month the cumulative effect covers the cumulative cost; a month earlier it did not.
            let covers = { (month: Int) in month * model.yearlyEffect >= 12 * model.oneOff + month * model.monthlyCostTimes12 }
            XCTAssertTrue(covers(payback))
            if payback > 1 { XCTAssertFalse(covers(payback - 1)) }
        }
        XCTAssertGreaterThan(paidBack, 50, "too few generated models pay back to test anything")
    }

    func testTotalsAreWhatTheLinesAddUpTo() throws {
        var random = ROIFixture.SeededRandom(state: 99)
        for _ in 0..<200 {
            let model = generate(&random)
            let figures = try ROICalculator.figures(model.values)
            XCTAssertEqual(figures.totalEffect, ExactRatio(Int128(model.yearlyEffect * model.months), over: 12))
            let cost = ExactRatio(Int128(12 * model.oneOff + model.monthlyCostTimes12 * model.months), over: 12)
            XCTAssertEqual(figures.totalCost, cost)
            XCTAssertEqual(figures.netEffect, try figures.totalEffect - XCTUnwrap(cost))
        }
    }

    func testBreakEvenBringsTheNetEffectToZero() throws {
        var random = ROIFixture.SeededRandom(state: 12_345)
        for _ in 0..<200 {
            let model = generate(&random)
            let cost = model.values.costs[Int.random(in: 0..<model.values.costs.count, using: &random)]
            let effect = model.values.effects[Int.random(in: 0..<model.values.effects.count, using: &random)]
            let targets: [ModelTarget] = [.cost(cost.name), .effect(effect.name, .from), .effect(effect.name, .to),
                                          .effect(effect.name, .worth), .horizon]
            for target in targets {
                let breakEven = try BreakEvenSolver.solve(model.values, target: target)
                let zero = try XCTUnwrap(breakEven.roiZero, "\(target)")
                // The horizon's zero is fractional; the net effect is linear in it all the same.
                if target == .horizon {
                    let monthlyNet = try XCTUnwrap(ExactRatio(Int128(model.yearlyEffect - model.monthlyCostTimes12), over: 12))
                    XCTAssertEqual(try monthlyNet * zero - ExactRatio(model.oneOff), .zero)
                    continue
                }
                let solved = model.values.setting(target, to: ModelNumber(zero, origin: ROIFixture.origin))
                XCTAssertEqual(try ROICalculator.cashFlows(solved).net, .zero, "\(target)")
            }
        }
    }
}
