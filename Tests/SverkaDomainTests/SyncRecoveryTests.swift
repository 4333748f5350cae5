import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// The states a killed apply can leave, made by hand, and how the next command settles them:
/// the journal and the outbox must agree afterwards — both or neither.
final class SyncRecoveryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try ReconFixture.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Pending items naming a staging file, as an apply leaves them just before publishing;
    /// `pid` is a process that has exited.
    private func pending(_ workspace: Workspace, staging: URL, target: URL, pid: Int32) throws {
        try workspace.database.run("""
            INSERT INTO _sverka_journal(idempotency_key, kind, deal_id, payload, payload_hash, file, file_path, file_sha256,
                                        apply_id, staging_file, pid, status, at, os_user)
            VALUES ('invoice:D2', 'invoice', 'D2', 'p', 'h', 'outbox/x.csv', ?, 'sha', 'a1', ?, ?, 'pending',
                    '2026-11-30T10:00:00Z', 'tester')
            """, [.text(target.path), .text(staging.path), .integer(Int64(pid))])
    }

    /// A process id that no longer runs: a child that has exited.
    private func deadProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Killed after the journal commit, before the file was put in place: undone.
    func testKilledBeforePublishingRollsBack() throws {
        let workspace = try ReconFixture.small()
        let staging = folder.appendingPathComponent(".x.csv.sverka-outbox-1-a"), target = folder.appendingPathComponent("x.csv")
        try "deal_id\nD2\n".write(to: staging, atomically: false, encoding: .utf8)
        try pending(workspace, staging: staging, target: target, pid: try deadProcess())
        XCTAssertEqual(try SyncLog(workspace: workspace).entries().count, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal"), 0)
        // And D2 is proposed again.
        _ = try Synchronizer(workspace: workspace).propose(SyncRequest(kind: .invoices, asOf: try ReconFixture.date("2026-11-30")))
        XCTAssertEqual(try ReconFixture.column(workspace, "SELECT deal_id FROM proposals"), ["D2", "D10"])
    }

    /// Killed after the file was put in place, before the journal said sent: completed.
    func testKilledAfterPublishingCompletes() throws {
        let workspace = try ReconFixture.small()
        let staging = folder.appendingPathComponent(".x.csv.sverka-outbox-1-a"), target = folder.appendingPathComponent("x.csv")
        try "deal_id\nD2\n".write(to: target, atomically: false, encoding: .utf8)
        try pending(workspace, staging: staging, target: target, pid: try deadProcess())
        let entries = try SyncLog(workspace: workspace).entries()
        XCTAssertEqual(entries.map { "\($0.key) \($0.status.rawValue)" }, ["invoice:D2 sent"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.path))
    }

    /// Killed between linking the file into the outbox and removing its staging name.
    func testKilledBetweenLinkAndUnlinkCompletes() throws {
        let workspace = try ReconFixture.small()
        let staging = folder.appendingPathComponent(".x.csv.sverka-outbox-1-a"), target = folder.appendingPathComponent("x.csv")
        try "deal_id\nD2\n".write(to: staging, atomically: false, encoding: .utf8)
        XCTAssertEqual(link(staging.path, target.path), 0)
        try pending(workspace, staging: staging, target: target, pid: try deadProcess())
        XCTAssertEqual(try SyncLog(workspace: workspace).entries().map(\.status), [.sent])
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path))
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "deal_id\nD2\n")
    }

    /// Another sverka's apply in flight is left alone: its process is alive.
    func testWorkInFlightIsNotTouched() throws {
        let workspace = try ReconFixture.small()
        let staging = folder.appendingPathComponent(".x.csv.sverka-outbox-1-a"), target = folder.appendingPathComponent("x.csv")
        try "deal_id\nD2\n".write(to: staging, atomically: false, encoding: .utf8)
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate() }
        try pending(workspace, staging: staging, target: target, pid: sleeper.processIdentifier)
        try SyncJournal(workspace: workspace).recover()
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal WHERE status = 'pending'"), 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging.path))
    }

    /// Staging files with no journal entry (killed while writing) are swept by the next apply
    /// to the same target; another process's are not.
    func testLeftoverStagingFilesAreSwept() throws {
        let workspace = try ReconFixture.small()
        let dead = try deadProcess()
        let leftover = folder.appendingPathComponent(".x.csv.sverka-outbox-\(dead)-ff")
        let exporterTemp = folder.appendingPathComponent("..x.csv.sverka-outbox-\(dead)-ff.sverka-12")
        let alive = folder.appendingPathComponent(".x.csv.sverka-outbox-\(getppid())-ee")
        for file in [leftover, exporterTemp, alive] { try "x".write(to: file, atomically: false, encoding: .utf8) }
        let target = OutboxTarget(path: "x.csv", filePath: folder.appendingPathComponent("x.csv").path)
        _ = try Synchronizer(workspace: workspace).apply(SyncRequest(kind: .invoices, asOf: try ReconFixture.date("2026-11-30")), to: target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, [alive.lastPathComponent, "x.csv"])
    }

    /// A failure after the journal commit (here: the target appears meanwhile) undoes the
    /// items and removes the staging file.
    func testAFileThatAppearsMeanwhileIsNotReplaced() throws {
        let workspace = try ReconFixture.small()
        let path = folder.appendingPathComponent("x.csv")
        let target = OutboxTarget(path: "x.csv", filePath: path.path)
        XCTAssertThrowsError(try Synchronizer(workspace: workspace).apply(
            SyncRequest(kind: .invoices, asOf: try ReconFixture.date("2026-11-30")), to: target
        ) { stage in
            if stage == .journaled { try? "someone else's\n".write(to: path, atomically: false, encoding: .utf8) }
        }) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'x.csv' already exists; an outbox file is never overwritten")
        }
        XCTAssertEqual(try String(contentsOf: path, encoding: .utf8), "someone else's\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["x.csv"])
        XCTAssertEqual(try ReconFixture.count(workspace, "SELECT count(*) FROM _sverka_journal"), 0)
    }
}
