import Foundation
import XCTest

/// Models and scenarios are kept in the workspace file: a later process runs them, lists them
/// as written, and an xlsx export of `roi` is a real workbook.
final class ModelWorkspaceTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    static let model = """
        model integration
          gain   sales        from 10M to 10.5M
          saving data_errors  from 120 to 20  worth 3000
          cost   project      900k   # signed in March
          cost   licenses     15k per month
        end
        """

    func testAModelOutlivesTheProcessThatDefinedIt() throws {
        let define = try SverkaProcess.run(["work.sverka", "-c", Self.model + "\nscenario dear of integration (cost.project = 1.2M)"],
                                           in: folder)
        XCTAssertEqual(define.exitCode, 0, define.stderr)

        let shown = try SverkaProcess.run(["work.sverka", "-c", "models integration"], in: folder)
        XCTAssertEqual(shown.stdout, Self.model + "\nscenario dear of integration (cost.project = 1.2M)\n")

        let side = try SverkaProcess.run(["work.sverka", "--format", "csv", "-c", "roi integration scenarios\nfrom roi | select scenario, total_cost, roi_pct"],
                                         in: folder)
        XCTAssertEqual(side.exitCode, 0, side.stderr)
        // dear: effects 500,000 + 300,000 = 800,000; cost 1,200,000 + 180,000 = 1,380,000; ROI −42.0%.
        XCTAssertTrue(side.stdout.hasSuffix("scenario,total_cost,roi_pct\ndear,1380000.00,-42.0\n"), side.stdout)
    }

    func testExportOfRoiIsAWorkbook() throws {
        let run = try SverkaProcess.run(["-c", Self.model + "\nroi integration vary cost.project from 500k to 2M step 250k\nexport roi to \"roi.xlsx\""],
                                        in: folder)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("exported 7 rows to roi.xlsx (xlsx)"), run.stderr)
        let back = try SverkaProcess.run(["--format", "csv", "-c", "load \"roi.xlsx\" as back\nfrom back | select cost_project, total_cost, roi_pct"],
                                         in: folder)
        XCTAssertEqual(back.exitCode, 0, back.stderr)
        // Each row: cost + 180,000, and ROI = (800,000 − that) / that, to one decimal.
        XCTAssertEqual(back.stdout, """
            cost_project,total_cost,roi_pct
            500000,680000.00,17.6
            750000,930000.00,-14.0
            1000000,1180000.00,-32.2
            1250000,1430000.00,-44.1
            1500000,1680000.00,-52.4
            1750000,1930000.00,-58.5
            2000000,2180000.00,-63.3

            """)
    }
}
