import Foundation
import XCTest
@testable import SverkaEngine
import SverkaSyntax

/// The engine's pieces of unattended runs: counting row changes, the workspace lock, the run
/// store, the script library and the audit trail.
final class RunBookkeepingTests: XCTestCase {
    func testTheTallyCountsRowsPerTableOfTheMainDatabaseOnly() throws {
        let workspace = try Workspace(path: nil)
        let database = workspace.database
        try database.execute("CREATE TABLE a(x); CREATE TABLE b(x); CREATE TEMP TABLE scratch(x)")
        let (_, tally) = try database.tallyingChanges { () throws(Diagnostic) -> Void in
            try database.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO a SELECT i FROM n")
            try database.execute("INSERT INTO scratch SELECT x FROM a")
            try database.execute("INSERT INTO b VALUES (1), (2)")
            try database.execute("UPDATE a SET x = x + 1 WHERE x <= 10")
            try database.execute("DELETE FROM b WHERE x = 1")
            // A table renamed and dropped within the run frees the name SQLite passed before.
            try database.execute("CREATE TABLE c(x); INSERT INTO c VALUES (1); ALTER TABLE c RENAME TO d; DROP TABLE d")
        }
        XCTAssertEqual(tally.changes.map { $0.table }, ["a", "b", "c"])
        XCTAssertEqual(tally.changes.map { $0.rows }, [1010, 3, 1])
        // The hook is gone afterwards.
        try database.execute("INSERT INTO a VALUES (0)")
        XCTAssertEqual(tally.changes.map { $0.rows }, [1010, 3, 1])
    }

    func testASecondLockOnTheSameWorkspaceFailsAndSaysWhoHoldsIt() throws {
        let path = NSTemporaryDirectory() + "lock-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Workspace(path: path)
        do {
            let first = try WorkspaceLock.acquire(path: path, wait: 0) { nil }
            let started = Date()
            XCTAssertThrowsError(try WorkspaceLock.acquire(path: path, wait: 0.3) { "run 7 (nightly.sv)" }) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.message, "the workspace '\(path)' is in use by run 7 (nightly.sv)")
                XCTAssertTrue(diagnostic?.hints.first?.contains("waited 0.3 s") == true, "\(String(describing: diagnostic?.hints))")
            }
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
            withExtendedLifetime(first) {}
        }
        // Released with the last reference.
        XCTAssertNoThrow(try WorkspaceLock.acquire(path: path, wait: 0) { nil })
    }

    func testRunsLeftRunningByDeadProcessesAreMarkedKilled() throws {
        let workspace = try Workspace(path: nil)
        let store = RunStore(workspace: workspace)
        let dead = try store.begin(script: "a.sv", parameters: "", isDryRun: false, processID: 999_999, user: "u", at: "t0")
        let alive = try store.begin(script: "b.sv", parameters: "x=1", isDryRun: true, processID: 4242, user: "u", at: "t1")
        try store.addStatement(run: alive, RunStatementRecord(sequence: 1, source: "b.sv", line: 3, statement: "print 1",
                                                              status: "ok", seconds: 0.5, error: nil))
        try store.settleAbandoned(isAlive: { $0 == 4242 }, at: "t2")
        XCTAssertEqual(try store.run(id: dead)?.status, .killed)
        XCTAssertEqual(try store.run(id: dead)?.endedAt, "t2")
        XCTAssertEqual(try store.run(id: alive)?.status, .running)
        XCTAssertEqual(try store.running()?.id, alive)
        try store.finish(run: alive, status: .succeeded, error: nil, at: "t3")
        XCTAssertEqual(try store.recent(limit: 10).map(\.id), [alive, dead])
        XCTAssertEqual(try store.statements(run: alive).map(\.line), [3])
        XCTAssertEqual(try store.run(id: alive)?.isDryRun, true)
    }

    func testTheScriptLibrarySavesReplacesAndRemoves() throws {
        let library = ScriptLibrary(workspace: try Workspace(path: nil))
        XCTAssertFalse(try library.save(name: "nightly", text: "print 1", origin: "a.sv", at: "t", by: "u"))
        XCTAssertTrue(try library.save(name: "Nightly", text: "print 2", origin: "b.sv", at: "t", by: "u"))
        XCTAssertEqual(try library.entry(named: "NIGHTLY")?.text, "print 2")
        XCTAssertEqual(try library.all().count, 1)
        XCTAssertTrue(try library.remove(name: "nightly"))
        XCTAssertFalse(try library.remove(name: "nightly"))
    }

    func testTheAuditTrailKeepsTheNewestEntriesInOrder() throws {
        let trail = AuditTrail(workspace: try Workspace(path: nil))
        for number in 1...5 {
            try trail.append(at: "t\(number)", user: "u", runID: number == 3 ? 7 : nil, statement: "s\(number)",
                             tables: "deals \(number) rows", rows: number, file: nil, fileSHA256: nil)
        }
        let recent = try trail.recent(limit: 3)
        XCTAssertEqual(recent.map(\.statement), ["s3", "s4", "s5"])
        XCTAssertEqual(recent.first?.runID, 7)
    }
}
