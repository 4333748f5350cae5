import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// The ROI formula on models worked out by hand (the expected figures are written here, not
/// taken from the code), the issue's acceptance figures among them.
final class ROICalculatorTests: XCTestCase {
    private func money(_ ratio: ExactRatio?) -> String { ratio?.money?.description ?? "nil" }

    func testTheIssuesModel() throws {
        let figures = try ROIFixture.figures(ROIFixture.integration)
        // Effects 500,000 + 300,000 + 300,000 a year; costs 900,000 + 15,000 × 12.
        XCTAssertEqual(figures.lines.map { money($0.perYear) }, ["500000.00", "300000.00", "300000.00", "nil", "180000.00"])
        XCTAssertEqual(figures.lines.map { money($0.total) }, ["500000.00", "300000.00", "300000.00", "900000.00", "180000.00"])
        XCTAssertEqual(money(figures.yearlyEffect), "1100000.00")
        XCTAssertEqual(money(figures.totalEffect), "1100000.00")
        XCTAssertEqual(money(figures.totalCost), "1080000.00")
        XCTAssertEqual(money(figures.netEffect), "20000.00")
        XCTAssertEqual(figures.roi, ExactRatio(1, over: 54), "20,000 / 1,080,000")
        XCTAssertEqual(figures.roiPercent?.description, "1.9")
        // 91,666.67 a month against 15,000: 900,000 / 76,666.67 = 11.74, so month 12.
        XCTAssertEqual(figures.paybackMonth, 12)
        let expectedNPV = ROIFixture.npv(oneOff: 900_000, monthlyNet: 1_100_000.0 / 12 - 15_000, months: 12, rate: 0.12)
        XCTAssertEqual(try XCTUnwrap(figures.npv), expectedNPV, accuracy: 1e-6)
        XCTAssertEqual(figures.npvMoney?.description, "-34317.11")
    }

    func testWithoutLicencesAndDiscount() throws {
        let figures = try ROIFixture.figures(ROIFixture.integrationWithoutLicences)
        XCTAssertEqual(money(figures.totalCost), "900000.00")
        XCTAssertEqual(figures.roi, ExactRatio(2, over: 9), "(1,100,000 − 900,000) / 900,000")
        XCTAssertEqual(figures.roiPercent?.description, "22.2")
        XCTAssertEqual(figures.paybackMonth, 10, "900,000 / 91,666.67 = 9.8")
        XCTAssertNil(figures.npv)
        XCTAssertEqual(figures.horizonMonths, 12, "the default horizon")
    }

    func testMonthlyValuesYearlyCostsAndALongerHorizon() throws {
        let figures = try ROIFixture.figures("""
            model c
              saving hours from 300 to 100 worth 500 per month
              cost setup 600k
              cost support 120k per year
              horizon 18 months
            end
            """)
        // 200 hours × 500 = 100,000 a month, 1,200,000 a year, 1,800,000 over 18 months.
        XCTAssertEqual(money(figures.yearlyEffect), "1200000.00")
        XCTAssertEqual(money(figures.totalEffect), "1800000.00")
        // 600,000 + 120,000 × 18 / 12.
        XCTAssertEqual(money(figures.totalCost), "780000.00")
        XCTAssertEqual(money(figures.monthlyCost), "10000.00")
        XCTAssertEqual(figures.roiPercent?.description, "130.8", "1,020,000 / 780,000 = 130.77%")
        XCTAssertEqual(figures.paybackMonth, 7, "600,000 / (100,000 − 10,000) = 6.7")
    }

    func testThirdsStayExactSoPaybackLandsOnTheMonth() throws {
        let figures = try ROIFixture.figures("""
            model d
              gain revenue from 1M to 1.1M
              cost p 50k
              horizon 7 months
            end
            """)
        // 100,000 a year is 8,333.33… a month: six months are exactly 50,000, which covers the
        // cost in month 6 — floating point would make it 49,999.99… and month 7.
        XCTAssertEqual(figures.paybackMonth, 6)
        XCTAssertEqual(figures.totalEffect, ExactRatio(175_000, over: 3))
        XCTAssertEqual(money(figures.totalEffect), "58333.33")
        XCTAssertEqual(figures.roiPercent?.description, "16.7", "(58,333.33 − 50,000) / 50,000")
    }

    func testHorizonInYears() throws {
        let figures = try ROIFixture.figures("model y\n  gain a from 0 to 120k\n  cost p 10k per month\n  horizon 2 years\nend")
        XCTAssertEqual(figures.horizonMonths, 24)
        XCTAssertEqual(money(figures.totalEffect), "240000.00")
        XCTAssertEqual(money(figures.totalCost), "240000.00")
        XCTAssertEqual(figures.roiPercent?.description, "0.0")
        XCTAssertEqual(figures.paybackMonth, 1, "with no one-off cost, 10,000 a month covers 10,000 a month at once")
    }

    func testALossNeverPaysBack() throws {
        let figures = try ROIFixture.figures("""
            model e
              gain sales from 1M to 900k
              saving hours from 100 to 50 worth 1000
              cost p 10k
            end
            """)
        XCTAssertEqual(money(figures.yearlyEffect), "-50000.00", "−100,000 + 50,000")
        XCTAssertEqual(figures.roiPercent?.description, "-600.0", "(−50,000 − 10,000) / 10,000")
        XCTAssertNil(figures.paybackMonth)
    }

    func testDivisionByZeroCost() throws {
        let text = "model z\n  gain a from 1 to 2\n  cost p 0\n  cost q 0 per month\nend"
        XCTAssertThrowsError(try ROIFixture.figures(text)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "ROI is not defined: the costs add up to 0 (division by zero)")
            XCTAssertEqual(diagnostic?.source.map { $0.slice(diagnostic?.span ?? .none) }, "0", "the caret is under the first cost")
        }
    }

    func testValuesOutOfRange() throws {
        let cases: [(String, String, String)] = [
            ("horizon -3 months", "the horizon must be 1 month or more; it is -3 months", "-3"),
            ("horizon 0", "the horizon must be 1 month or more; it is 0 months", "0"),
            ("horizon 1.5", "the horizon must be a whole number of months; it is 1.5 months", "1.5"),
            ("horizon 101 years", "a horizon of 1,212 months is too long; at most 1,200 (100 years)", "101"),
            ("discount 12", "the discount is a yearly rate from 0% up to 100%; it is 1,200%", "12"),
            ("discount -1%", "the discount is a yearly rate from 0% up to 100%; it is -1%", "-1%"),
            ("cost q -5k", "cost.q is negative (-5,000); a cost is 0 or more", "-5k"),
        ]
        for (line, message, caret) in cases {
            let text = "model r\n  gain a from 1 to 2 worth 1000\n  cost p 1\n  \(line)\nend"
            XCTAssertThrowsError(try ROIFixture.figures(text), line) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.message, message, line)
                XCTAssertEqual(diagnostic?.source?.slice(diagnostic?.span ?? .none), caret, line)
            }
        }
    }

    func testNPVFollowsTheDefinition() throws {
        // At a rate of 0, NPV is the net effect; a one-off cost is not discounted.
        let flows = ROICalculator.npv(oneOff: ExactRatio(1000), monthlyNet: ExactRatio(100), months: 12, rate: 0)
        XCTAssertEqual(flows, 200, accuracy: 1e-9)
        let discounted = ROICalculator.npv(oneOff: ExactRatio(1000), monthlyNet: ExactRatio(100), months: 24, rate: 0.1)
        XCTAssertEqual(discounted, ROIFixture.npv(oneOff: 1000, monthlyNet: 100, months: 24, rate: 0.1), accuracy: 1e-9)
        // A year's end flow of 100 at 10% is worth 100 / 1.1 today.
        XCTAssertEqual(ROICalculator.npv(oneOff: .zero, monthlyNet: ExactRatio(100), months: 12, rate: 0.1) -
                       ROICalculator.npv(oneOff: .zero, monthlyNet: ExactRatio(100), months: 11, rate: 0.1), 100 / 1.1, accuracy: 1e-9)
    }
}
