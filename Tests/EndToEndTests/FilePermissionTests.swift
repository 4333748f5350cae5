import Foundation
import XCTest

/// The files that hold client data for sverka alone are its owner's only (0600), whatever the
/// umask: the workspace, SQLite's -wal and -shm beside it, the outbox files, the run log. An
/// export is a file the user asked for to share, so it gets the usual permissions (0666 less the
/// umask), like any file a program saves. Run under the most open umask, 000, so that nothing
/// comes out private by accident of the umask.
final class FilePermissionTests: XCTestCase {
    private var folder: URL!
    private var savedUmask: mode_t = 0

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        // Children inherit it.
        savedUmask = umask(0)
        let data = GoldenTests.folder.appendingPathComponent("data")
        for name in ["recon_deals.csv", "recon_invoices.csv", "recon_payments.csv", "recon_matches.csv"] {
            try FileManager.default.copyItem(at: data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("outbox"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        umask(savedUmask)
        try? FileManager.default.removeItem(at: folder)
    }

    private func mode(_ name: String) throws -> Int? {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue
    }

    func testWorkspaceOutboxAndLogArePrivateExportsAreNot() throws {
        try """
            load "recon_deals.csv" as deals
            load "recon_invoices.csv" as invoices
            load "recon_payments.csv" as payments
            load "recon_matches.csv" as matches
            map deals as crm.deals
            map invoices as acc.invoices
            map payments as acc.payments
            sync invoices as of @2026-11-30 apply to "outbox/invoices.csv"
            export deals to "deals-report.csv"

            """.write(to: folder.appendingPathComponent("nightly.sv"), atomically: true, encoding: .utf8)
        let run = try SverkaProcess.run(["run", "nightly.sv", "--workspace", "ws.db", "--log", "run.jsonl"], in: folder)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertEqual(try mode("ws.db"), 0o600)
        XCTAssertEqual(try mode("outbox/invoices.csv"), 0o600)
        XCTAssertEqual(try mode("run.jsonl"), 0o600)
        XCTAssertEqual(try mode("deals-report.csv"), 0o666)
    }

    func testWALFilesOfAnOpenWorkspaceArePrivate() throws {
        // The shell reading a script from stdin has the workspace open while it waits for the
        // end of the script: SQLite's -wal and -shm are there then.
        let process = Process()
        process.executableURL = SverkaProcess.binary
        process.arguments = ["-w", "ws.db"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(10)
        let names = ["ws.db", "ws.db-wal", "ws.db-shm"]
        while Date() < deadline, !names.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for name in names {
            XCTAssertEqual(try mode(name), 0o600, name)
        }
    }
}
