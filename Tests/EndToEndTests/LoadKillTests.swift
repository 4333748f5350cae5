import Foundation
import XCTest

/// A load killed with SIGKILL half-way leaves the workspace readable, with the table it was
/// replacing exactly as it was.
final class LoadKillTests: XCTestCase {
    func testKilledLoadKeepsTheOldTable() throws {
        let folder = try SverkaProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = DealsFixture(count: 50)
        try small.csv.write(to: folder.appendingPathComponent("deals.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try SverkaProcess.run(["-w", "w.db", "-c", "load \"deals.csv\" as deals"], in: folder).exitCode, 0)
        let expectedTotal = DealsFixture.format(small.deals.reduce(0) { $0 + $1.amount })

        // A file large enough that the load is still running when it is killed.
        let big = DealsFixture(count: 400_000, seed: 3)
        try big.csv.write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        for delay in [0.05, 0.2, 0.5] {
            let process = Process()
            process.executableURL = SverkaProcess.binary
            process.arguments = ["-w", "w.db", "-c", "load \"big.csv\" as deals"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = try SverkaProcess.run(["-w", "w.db", "--format", "csv", "-c",
                                               "from deals | group (n = count(), total = sum(amount))"], in: folder)
            XCTAssertEqual(after.exitCode, 0, after.stderr)
            // Either the kill came before the commit (old table) or after it (the whole new one).
            let bigTotal = DealsFixture.format(big.deals.reduce(0) { $0 + $1.amount })
            XCTAssertTrue(after.stdout == "n,total\n50,\(expectedTotal)\n" || after.stdout == "n,total\n400000,\(bigTotal)\n",
                          "after a kill at \(delay) s: \(after.stdout)")
        }
    }
}
