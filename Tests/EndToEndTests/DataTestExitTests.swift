import Foundation
import XCTest

/// A data test over its fail threshold ends an unattended run with exit code 3 at that
/// statement, and leaves its failing rows in the workspace for a look afterwards.
final class DataTestExitTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        try Data("id,client\n1,a\n2,\n2,b\n3,c\n3,d\n3,e\n".utf8).write(to: folder.appendingPathComponent("deals.csv"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ script: String) throws -> SverkaProcess.Result {
        try script.write(to: folder.appendingPathComponent("job.sv"), atomically: true, encoding: .utf8)
        return try SverkaProcess.run(["run", "job.sv", "--workspace", "w.db"], in: folder)
    }

    func testAFailedTestStopsTheRunWithExitCode3() throws {
        let result = try run("""
            load "deals.csv" as deals
            test deals.id unique
            print "after the test"
            """)
        XCTAssertEqual(result.exitCode, 3, result.stderr)
        XCTAssertFalse(result.stdout.contains("after the test"), result.stdout)
        XCTAssertTrue(result.stderr.contains("expectation failed: test deals.id unique: 2 values held by more than one row (fail if > 0)"),
                      result.stderr)

        // The rows stay: ids 2 (twice) and 3 (three times).
        let kept = try SverkaProcess.run(["w.db", "-c", "from test_failures | sort key", "--format", "csv"], in: folder)
        XCTAssertEqual(kept.exitCode, 0, kept.stderr)
        XCTAssertEqual(kept.stdout, "test,key,value\ndeals.id unique,2,2\ndeals.id unique,3,3\n")
    }

    func testAWarningLetsTheRunGoOn() throws {
        let result = try run("""
            load "deals.csv" as deals
            test deals.client not null warn if > 0
            test deals.id unique fail if > 2
            print "after the tests"
            """)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("after the tests"), result.stdout)
        XCTAssertTrue(result.stderr.contains("warning: test deals.client not null: 1 failing row"), result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: test deals.id unique: 2 values held by more than one row"), result.stderr)
    }

    func testOnErrorContinueDoesNotPassAFailedTest() throws {
        let result = try run("""
            on error continue
            load "deals.csv" as deals
            test deals.id unique fail if > 1
            print "after the test"
            """)
        XCTAssertEqual(result.exitCode, 3, result.stderr)
        XCTAssertFalse(result.stdout.contains("after the test"), result.stdout)
    }
}
