import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `roi` against a workspace: models kept and read again, the tables it writes, what-if,
/// vary, scenarios, a model that follows the data, and the errors that point into kept text.
final class ROIAnalysisTests: XCTestCase {
    private var workspace: Workspace!

    override func setUpWithError() throws {
        workspace = try Workspace(path: nil)
        try ROIFixture.run(ROIFixture.integration, in: workspace)
    }

    private func rows(_ sql: String) throws -> [[StoredValue]] {
        try workspace.database.query(sql) { row in (0..<row.columnCount).map { row.storedValue(at: $0) } }
    }

    func testTheTablesHoldTheIssuesFigures() throws {
        try ROIFixture.run("roi integration", in: workspace)
        // Money as kopecks: 1,100,000.00 and 1,080,000.00; ROI 1.9 with one decimal; month 12.
        XCTAssertEqual(try rows("SELECT model, horizon_months, total_effect, total_cost, net_effect, roi_pct, payback_month FROM roi"),
                       [[.text("integration"), .integer(12), .integer(110_000_000), .integer(108_000_000), .integer(2_000_000),
                         .integer(19), .integer(12)]])
        XCTAssertEqual(workspace.catalog.schema(of: "roi")?.columns.map(\.type.description),
                       ["text", "integer", "decimal(2)", "decimal(2)", "decimal(2)", "decimal(1)", "integer", "decimal(2)"])
        XCTAssertEqual(try rows("SELECT line, kind, total FROM roi_lines"),
                       [[.text("sales"), .text("gain"), .integer(50_000_000)], [.text("order_hours"), .text("saving"), .integer(30_000_000)],
                        [.text("data_errors"), .text("saving"), .integer(30_000_000)], [.text("project"), .text("cost"), .integer(90_000_000)],
                        [.text("licenses"), .text("cost"), .integer(18_000_000)]])
    }

    func testWhatIfLeavesTheModelAlone() throws {
        guard case .single(let whatIf)? = try ROIFixture.run("roi integration with (cost.project = 1.2M, data_errors.to = 40)", in: workspace) else {
            return XCTFail("not one run")
        }
        // Errors save (120 − 40) × 3,000 = 240,000: effects 1,040,000; cost 1,200,000 + 180,000.
        XCTAssertEqual(whatIf.figures.totalEffect, ExactRatio(1_040_000))
        XCTAssertEqual(whatIf.figures.totalCost, ExactRatio(1_380_000))
        guard case .single(let again)? = try ROIFixture.run("roi integration", in: workspace) else { return XCTFail("not one run") }
        XCTAssertEqual(again.figures.totalCost, ExactRatio(1_080_000))
    }

    func testVaryGivesSevenRowsAndTheBreakEven() throws {
        guard case .oneWay(let oneWay)? = try ROIFixture.run("roi integration vary cost.project from 500k to 2M step 250k", in: workspace) else {
            return XCTFail("not one-way")
        }
        XCTAssertEqual(oneWay.sweep.values, [500_000, 750_000, 1_000_000, 1_250_000, 1_500_000, 1_750_000, 2_000_000].map { ExactRatio($0) })
        // Each row: ROI = (1,100,000 − cost − 180,000) / (cost + 180,000).
        for (value, figures) in zip(oneWay.sweep.values, oneWay.rows) {
            let cost = try value + ExactRatio(180_000)
            XCTAssertEqual(figures.roi, try XCTUnwrap(try (ExactRatio(1_100_000) - cost) / cost))
        }
        XCTAssertEqual(oneWay.breakEven.roiZero, ExactRatio(920_000))
        XCTAssertEqual(try rows("SELECT count(*) FROM roi"), [[.integer(7)]])
        XCTAssertEqual(workspace.catalog.schema(of: "roi")?.columns.first?.name, "cost_project")
    }

    func testStepsThatDoNotLandOnTheEndAndGoingDown() throws {
        guard case .oneWay(let up)? = try ROIFixture.run("roi integration vary cost.project from 500k to 1M step 300k", in: workspace),
              case .oneWay(let down)? = try ROIFixture.run("roi integration vary horizon from 24 to 6 step 6", in: workspace) else {
            return XCTFail("not one-way")
        }
        XCTAssertEqual(up.sweep.values, [ExactRatio(500_000), ExactRatio(800_000)])
        XCTAssertEqual(down.sweep.values, [24, 18, 12, 6].map { ExactRatio($0) })
        XCTAssertEqual(down.rows.map(\.horizonMonths), [24, 18, 12, 6])
    }

    func testTwoWayTable() throws {
        let text = "roi integration vary cost.project from 500k to 1M step 250k vary data_errors.to from 20 to 60 step 20"
        guard case .twoWay(let table)? = try ROIFixture.run(text, in: workspace) else { return XCTFail("not two-way") }
        XCTAssertEqual(table.figures.count, 3)
        XCTAssertEqual(table.figures.map(\.count), [3, 3, 3])
        // At cost 750,000 and errors down to 40: effects 1,040,000, cost 930,000.
        XCTAssertEqual(table.figures[1][1].netEffect, ExactRatio(110_000))
        // Break-even of the project cost at each errors value: 1,100,000 − 180,000 − (to − 20) × 3,000.
        XCTAssertEqual(table.breakEvens.map(\.roiZero), [920_000, 860_000, 800_000].map { ExactRatio($0) })
        XCTAssertEqual(try rows("SELECT count(*) FROM roi"), [[.integer(9)]])
    }

    func testScenariosInTheOrderDefinedAndReplaced() throws {
        try ROIFixture.run("""
            scenario pessimistic of integration (cost.project = 1.2M, data_errors.to = 60)
            scenario base of integration
            scenario optimistic of integration (cost.project = 800k)
            scenario pessimistic of integration (cost.project = 1.1M)
            """, in: workspace)
        guard case .scenarios(let side)? = try ROIFixture.run("roi integration scenarios", in: workspace) else {
            return XCTFail("not scenarios")
        }
        XCTAssertEqual(side.columns.map(\.name), ["pessimistic", "base", "optimistic"], "a redefined scenario keeps its place")
        XCTAssertEqual(side.columns.map(\.figures.totalCost), [1_280_000, 1_080_000, 980_000].map { ExactRatio($0) })
        XCTAssertEqual(side.targets, [.cost("project")], "the replaced scenario no longer sets data_errors.to")
        XCTAssertEqual(try rows("SELECT scenario FROM roi"), [[.text("pessimistic")], [.text("base")], [.text("optimistic")]])
    }

    func testRedefiningTheModelKeepsScenariosAndReportsBrokenOnes() throws {
        try ROIFixture.run("scenario low of integration (cost.licenses = 20k)", in: workspace)
        let analysis = ROIAnalysis(workspace: workspace, variables: [:])
        let report = try analysis.define(ROIFixture.model(ROIFixture.integrationWithoutLicences))
        XCTAssertTrue(report.replaced)
        XCTAssertEqual(report.scenarios, 1)
        XCTAssertEqual(report.brokenScenarios.count, 1)
        XCTAssertTrue(report.brokenScenarios[0].hasPrefix("scenario low: the model 'integration' has no input 'cost.licenses'"),
                      report.brokenScenarios[0])
        XCTAssertThrowsError(try ROIFixture.run("roi integration scenarios", in: workspace)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.source?.name, "scenario low of integration", "the caret is in the scenario's text")
            XCTAssertEqual(diagnostic?.source?.slice(diagnostic?.span ?? .none), "cost.licenses")
        }
    }

    func testTheModelFollowsTheData() throws {
        try workspace.database.execute("CREATE TABLE errs(id INTEGER)")
        try workspace.database.execute("INSERT INTO errs VALUES (1), (2), (3), (4)")
        try ROIFixture.run("model data\n  saving errors from rows(errs) to 0 worth 1000\n  cost p 2000\nend", in: workspace)
        guard case .single(let first)? = try ROIFixture.run("roi data", in: workspace) else { return XCTFail("not one run") }
        XCTAssertEqual(first.figures.totalEffect, ExactRatio(4000))
        XCTAssertEqual(first.readNumbers.map(\.text), ["rows(errs)"])
        try workspace.database.execute("INSERT INTO errs VALUES (5)")
        guard case .single(let second)? = try ROIFixture.run("roi data", in: workspace) else { return XCTFail("not one run") }
        XCTAssertEqual(second.figures.totalEffect, ExactRatio(5000))
        try workspace.database.execute("DROP TABLE errs")
        XCTAssertThrowsError(try ROIFixture.run("roi data", in: workspace)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "unknown table 'errs'")
            XCTAssertEqual(diagnostic?.source?.name, "model data", "the caret is in the kept model")
        }
    }

    func testAQueryAndAVariableAsNumbers() throws {
        try workspace.database.execute("CREATE TABLE orders(hours INTEGER)")
        try workspace.database.execute("INSERT INTO orders VALUES (100), (150), (150)")
        try ROIFixture.run("model q\n  saving hours from (from orders | group (h = sum(hours))) to $target worth 10\n  cost p 1000\nend",
                           in: workspace, variables: ["target": .integer(300)])
        guard case .single(let run)? = try ROIFixture.run("roi q", in: workspace, variables: ["target": .integer(100)]) else {
            return XCTFail("not one run")
        }
        XCTAssertEqual(run.figures.totalEffect, ExactRatio(3000), "(400 − 100) × 10, with $target as it is when roi runs")
    }

    func testModelsAreKeptAsWritten() throws {
        let store = ModelStore(workspace: workspace)
        XCTAssertEqual(try store.all().map(\.text), [ROIFixture.integration])
        let name = Name("INTEGRATION", span: .none)
        XCTAssertEqual(try store.model(name).name, "integration", "names ignore case")
        XCTAssertEqual(try store.summaries().map { [$0.effects, $0.costs] }, [[3, 2]])
    }

    func testMistakes() throws {
        let cases: [(String, String, String?)] = [
            ("roi integraton", "unknown model 'integraton'", "did you mean 'integration'?"),
            ("roi integration with (cost.projct = 1)", "the model 'integration' has no input 'cost.projct'", "did you mean 'cost.project'?"),
            ("roi integration with (project = 1)", "the model 'integration' has no input 'project'", "a cost is set as cost.project"),
            ("roi integration scenario nope", "the model 'integration' has no scenario 'nope'", "define one: scenario NAME of integration (…)"),
            ("roi integration scenarios", "the model 'integration' has no scenarios", nil),
            ("roi integration vary cost.project from 1 to 2M step 0", "the step of a vary must be more than 0; it is 0", nil),
            ("roi integration vary cost.project from 1 to 2M step 1", "this vary gives 2,000,000 values; at most 1,000", nil),
            ("roi integration vary horizon from 1 to 24 step 1 vary discount from 0 to 31% step 1%",
             "this vary gives 32 values; at most 30", nil),
            ("roi integration vary horizon from 1 to 2 step 1 vary horizon from 1 to 2 step 1", "'horizon' is varied twice", nil),
            ("roi integration scenarios vary horizon from 1 to 2 step 1", "'scenarios' and 'vary' cannot be combined", nil),
            ("roi integration vary horizon from 0 to 2 step 1", "the horizon must be 1 month or more; it is 0 months", nil),
            ("roi integration with (horizon = 1.5)", "the horizon must be a whole number of months; it is 1.5 months", nil),
        ]
        for (text, message, hint) in cases {
            XCTAssertThrowsError(try ROIFixture.run(text, in: workspace), text) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.message, message, text)
                if let hint { XCTAssertTrue(diagnostic?.hints.contains(hint) ?? false, "\(text): \(diagnostic?.hints ?? [])") }
            }
        }
    }

    func testAModelMustHaveAnEffectAndACostAndUniqueNames() {
        let cases: [(String, String)] = [
            ("model m\n  cost p 1\nend", "the model 'm' has no effect to pay for its cost"),
            ("model m\n  gain a from 1 to 2\nend", "the model 'm' has no cost, so its ROI is not defined"),
            ("model m\n  gain a from 1 to 2\n  cost a 1\nend", "'a' is already a line of this model (line 2)"),
            ("model m\n  gain cost from 1 to 2\n  cost p 1\nend", "'cost' cannot name a line of a model"),
            ("model m\n  gain a from 1 to 2\n  cost p 1\n  horizon 1\n  horizon 2\nend", "the model gives its horizon twice"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ROIFixture.model(text), text) { error in
                XCTAssertEqual((error as? Diagnostic)?.message, message, text)
            }
        }
    }
}
