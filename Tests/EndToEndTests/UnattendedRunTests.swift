import Foundation
import XCTest

/// `sverka run` as cron uses it: parameters, the run record and log, locking, signals,
/// includes, the error policy, dry runs and the audit trail.
final class UnattendedRunTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        let data = GoldenTests.folder.appendingPathComponent("data")
        for name in ["recon_deals.csv", "recon_invoices.csv", "recon_payments.csv", "recon_matches.csv"] {
            try FileManager.default.copyItem(at: data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("outbox"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> SverkaProcess.Result {
        try SverkaProcess.run(arguments, in: folder)
    }

    /// A nightly script: parameters, loads, roles, reconcile, sync apply, export.
    private static let nightly = """
        # The evening the exports were taken.
        param as_of date default @2026-11-30
        param outbox text default "outbox"
        load "recon_deals.csv" as deals
        load "recon_invoices.csv" as invoices
        load "recon_payments.csv" as payments
        load "recon_matches.csv" as matches
        map deals as crm.deals
        map invoices as acc.invoices
        map payments as acc.payments
        reconcile as of $as_of
        sync invoices as of $as_of apply to "outbox/invoices.csv"
        export mismatches to "mismatches.csv"
        """

    func testParametersAreTypedAndCheckedBeforeAnythingRuns() throws {
        try write(Self.nightly, to: "nightly.sv")
        let unknown = try run(["run", "nightly.sv", "-w", "w.db", "--set", "as_off=2026-11-30"])
        XCTAssertEqual(unknown.exitCode, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("nightly.sv has no parameter 'as_off'"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'as_of'?"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("as_of (date), outbox (text)"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mismatches.csv").path))

        let illTyped = try run(["run", "nightly.sv", "-w", "w.db", "--set", "as_of=30.11.2026"])
        XCTAssertEqual(illTyped.exitCode, 2, illTyped.stderr)
        XCTAssertTrue(illTyped.stderr.contains("as_of is a date"), illTyped.stderr)
        XCTAssertTrue(illTyped.stderr.contains("--set as_of=2026-11-30"), illTyped.stderr)

        let help = try run(["run", "nightly.sv", "--help"])
        XCTAssertEqual(help.exitCode, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("usage: sverka run nightly.sv [--set as_of=DATE] [--set outbox=TEXT]"), help.stdout)
        XCTAssertTrue(help.stdout.contains("default @2026-11-30 — The evening the exports were taken."), help.stdout)

        let typed = try run(["-c", "param n integer default 2\nparam d date default today()\nprint $n + 1\nprint $d == today()"])
        XCTAssertEqual(typed.exitCode, 0, typed.stderr)
        XCTAssertEqual(typed.stdout, "3\ntrue\n")
    }

    func testEveryRunIsRecordedAndLoggedAndASecondRunSendsNothingNew() throws {
        try write(Self.nightly, to: "nightly.sv")
        let first = try run(["run", "nightly.sv", "-w", "w.db", "--set", "as_of=2026-11-30", "--log", "run.jsonl"])
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let second = try run(["run", "nightly.sv", "-w", "w.db", "--set", "as_of=2026-11-30", "--log", "run.jsonl"])
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("nothing new to send"), second.stderr)

        let runs = try run(["-w", "w.db", "--format", "csv", "-c", "runs"])
        let lines = runs.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, runs.stdout)
        XCTAssertTrue(lines[1].hasPrefix("2,nightly.sv,as_of=2026-11-30,"), lines[1])
        XCTAssertTrue(lines[1].contains(",succeeded,12,"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("1,nightly.sv,as_of=2026-11-30,"), lines[2])
        // 12 statements; the first run loaded every row of the four files and sent the invoices.
        let loaded = try ["recon_deals.csv", "recon_invoices.csv", "recon_payments.csv", "recon_matches.csv"].map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").count - 1
        }.reduce(0, +)
        let sent = try String(contentsOf: folder.appendingPathComponent("outbox/invoices.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        XCTAssertTrue(lines[2].contains(",succeeded,12,\(loaded),\(sent),"), "\(lines[2]) — expected \(loaded) rows, \(sent) items")
        // The second run: files unchanged, nothing loaded or sent.
        XCTAssertTrue(lines[1].contains(",succeeded,12,0,0,"), lines[1])

        let log = try String(contentsOf: folder.appendingPathComponent("run.jsonl"), encoding: .utf8)
        let events = try log.split(separator: "\n").map { line -> [String: Any] in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        XCTAssertEqual(events.count, 2 * (1 + 12 + 1))
        XCTAssertEqual(events.filter { $0["event"] as? String == "statement" }.count, 24)
        let finished = events.filter { $0["event"] as? String == "run_finished" }
        XCTAssertEqual(finished.map { $0["status"] as? String }, ["succeeded", "succeeded"])
        XCTAssertEqual(finished.map { $0["items_synced"] as? Int }, [sent, 0])
        let sync = try XCTUnwrap(events.first { ($0["statement"] as? String)?.hasPrefix("sync invoices") == true })
        XCTAssertEqual(sync["line"] as? Int, 12)
        XCTAssertEqual(sync["source"] as? String, "nightly.sv")

        let show = try run(["-w", "w.db", "-c", "run show 1"])
        XCTAssertEqual(show.exitCode, 0, show.stderr)
        XCTAssertTrue(show.stderr.contains("run 1: nightly.sv — succeeded"), show.stderr)
        XCTAssertTrue(show.stdout.contains("sync invoices as of $as_of apply to \"outbox/invoices.csv\""), show.stdout)
    }

    func testAFailedStatementIsRecordedWithItsError() throws {
        try write("load \"recon_deals.csv\" as deals\nfrom deals | where nope == 1\nprint \"never\"\n", to: "bad.sv")
        let result = try run(["run", "bad.sv", "-w", "w.db", "--log", "bad.jsonl"])
        XCTAssertEqual(result.exitCode, 1)
        let runs = try run(["-w", "w.db", "--format", "csv", "-c", "runs"])
        XCTAssertTrue(runs.stdout.contains(",failed,2,"), runs.stdout)
        XCTAssertTrue(runs.stdout.contains("unknown column 'nope'"), runs.stdout)
    }

    func testOnErrorContinueGoesOnAndStillExitsOne() throws {
        try write("on error continue\nfrom nowhere\nprint \"after the failure\"\n", to: "go-on.sv")
        let result = try run(["run", "go-on.sv"])
        XCTAssertEqual(result.exitCode, 1, result.stderr)
        XCTAssertEqual(result.stdout, "after the failure\n")
        XCTAssertTrue(result.stderr.contains("nowhere"), result.stderr)
        // Without it, the script stops at the failure.
        try write("from nowhere\nprint \"after the failure\"\n", to: "stop.sv")
        let stopped = try run(["run", "stop.sv"])
        XCTAssertEqual(stopped.exitCode, 1)
        XCTAssertEqual(stopped.stdout, "")
    }

    func testIncludedScriptsAreFoundBesideTheIncludingOneAndCyclesAreRefused() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        try write("print \"outer\"\nrun \"parts/inner.sv\"\nprint $from_inner\n", to: "jobs/outer.sv")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("jobs/parts"), withIntermediateDirectories: true)
        try write("let from_inner = 42\nprint \"inner\"\n", to: "jobs/parts/inner.sv")
        let result = try run(["run", "jobs/outer.sv"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, "outer\ninner\n42\n")

        try write("print \"a\"\nrun \"b.sv\"\n", to: "a.sv")
        try write("run \"a.sv\"\n", to: "b.sv")
        let cycle = try run(["run", "a.sv"])
        XCTAssertEqual(cycle.exitCode, 1)
        XCTAssertTrue(cycle.stderr.contains("this would run a script inside itself: a.sv → b.sv → a.sv"), cycle.stderr)
    }

    func testTheScriptLibraryRunsScriptsByName() throws {
        try write("print \"from the library\"\nprint $x * 2\n", to: "job.sv")
        let save = try run(["-w", "w.db", "-c", "script save job from \"job.sv\"\nscripts"])
        XCTAssertEqual(save.exitCode, 0, save.stderr)
        XCTAssertTrue(save.stderr.contains("saved script job"), save.stderr)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("job.sv"))
        let byName = try run(["run", "job", "--workspace", "w.db", "--set", "x=21"])
        XCTAssertEqual(byName.exitCode, 0, byName.stderr)
        XCTAssertTrue(byName.stdout.hasSuffix("42\n"), byName.stdout)
        let inside = try run(["-w", "w.db", "--set", "x=1", "-c", "run job\nscript show job\nscript rm job\nrun job"])
        XCTAssertEqual(inside.exitCode, 1)
        XCTAssertTrue(inside.stdout.contains("print $x * 2"), inside.stdout)
        XCTAssertTrue(inside.stderr.contains("removed script job"), inside.stderr)
        XCTAssertTrue(inside.stderr.contains("there is no script 'job' in this workspace"), inside.stderr)
        let missing = try run(["run", "jobb", "--workspace", "w.db"])
        XCTAssertEqual(missing.exitCode, 2)
    }

    func testASecondRunFailsOrWaitsWhileTheFirstHoldsTheWorkspace() throws {
        try write("load \"recon_deals.csv\" as deals\n", to: "setup.sv")
        XCTAssertEqual(try run(["run", "setup.sv", "-w", "w.db"]).exitCode, 0)
        try write(Self.slow, to: "slow.sv")
        let first = try start(["run", "slow.sv", "-w", "w.db"])
        defer { if first.isRunning { first.terminate() } }
        Thread.sleep(forTimeInterval: 0.7)
        // Looking needs no lock: a monitoring check works while the run goes on.
        let look = try run(["-w", "w.db", "--format", "csv", "-c", "runs"])
        XCTAssertEqual(look.exitCode, 0, look.stderr)
        XCTAssertTrue(look.stdout.contains("2,slow.sv,\"\","), look.stdout)
        XCTAssertTrue(look.stdout.contains(",running,"), look.stdout)
        let refused = try run(["-w", "w.db", "-c", "let big_deals = from deals | where amount > 100"])
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertTrue(refused.stderr.contains("the workspace 'w.db' is in use by run 2 (slow.sv, pid \(first.processIdentifier)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--wait SECONDS"), refused.stderr)
        let waited = try run(["-w", "w.db", "--wait", "60", "-c", "let big_deals = from deals | where amount > 100"])
        XCTAssertEqual(waited.exitCode, 0, waited.stderr)
        XCTAssertFalse(first.isRunning, "the waiting run finished before the one holding the lock")
    }

    func testSIGTERMAndSIGINTStopAtAStatementAndAreRecorded() throws {
        try write(Self.slow + "\nprint \"never\"\n", to: "slow.sv")
        for (signal, code) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let process = try start(["run", "slow.sv", "-w", "w.db"])
            Thread.sleep(forTimeInterval: 0.7)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, code)
        }
        let runs = try run(["-w", "w.db", "--format", "csv", "-c", "runs"])
        XCTAssertTrue(runs.stdout.contains(",interrupted,1,0,0,stopped by SIGINT"), runs.stdout)
        XCTAssertTrue(runs.stdout.contains(",interrupted,1,0,0,stopped by SIGTERM"), runs.stdout)
    }

    func testAKilledRunIsFoundAndMarkedKilled() throws {
        try write(Self.slow, to: "slow.sv")
        let process = try start(["run", "slow.sv", "-w", "w.db"])
        Thread.sleep(forTimeInterval: 0.7)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let runs = try run(["-w", "w.db", "--format", "csv", "-c", "runs"])
        XCTAssertTrue(runs.stdout.contains("1,slow.sv,\"\","), runs.stdout)
        XCTAssertTrue(runs.stdout.contains(",killed,"), runs.stdout)
    }

    func testADryRunWritesNoFileAndSendsNothing() throws {
        try write(Self.nightly, to: "nightly.sv")
        let dry = try run(["run", "nightly.sv", "-w", "w.db", "--dry-run"])
        XCTAssertEqual(dry.exitCode, 0, dry.stderr)
        XCTAssertTrue(dry.stderr.contains("dry run: would send 1 item to outbox/invoices.csv"), dry.stderr)
        XCTAssertTrue(dry.stderr.contains("dry run: would export"), dry.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("outbox/invoices.csv").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mismatches.csv").path))
        let journal = try run(["-w", "w.db", "--format", "csv", "-c", "sql \"select count(*) from _sverka_journal\""])
        XCTAssertEqual(journal.stdout.split(separator: "\n").last, "0")
        let real = try run(["run", "nightly.sv", "-w", "w.db"])
        XCTAssertTrue(real.stderr.contains("sent 1 item"), real.stderr)
    }

    func testTheAuditTrailRecordsChangesAndFilesWithTheirHashes() throws {
        try write(Self.nightly, to: "nightly.sv")
        XCTAssertEqual(try run(["run", "nightly.sv", "-w", "w.db"]).exitCode, 0)
        let audit = try run(["-w", "w.db", "--format", "json", "-c", "audit"])
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let deals = try String(contentsOf: folder.appendingPathComponent("recon_deals.csv"), encoding: .utf8).split(separator: "\n").count - 1
        let load = try XCTUnwrap(entries.first { ($0["statement"] as? String) == "load \"recon_deals.csv\" as deals" })
        XCTAssertEqual(load["tables"] as? String, "deals \(deals) rows")
        XCTAssertEqual(load["user"] as? String, NSUserName())
        // Nothing is audited for statements that change nothing (param, print).
        XCTAssertNil(entries.first { ($0["statement"] as? String)?.hasPrefix("param") == true })
        let export = try XCTUnwrap(entries.first { ($0["statement"] as? String)?.hasPrefix("export") == true })
        let exported = folder.appendingPathComponent("mismatches.csv").path
        XCTAssertEqual(export["file"] as? String, exported)
        XCTAssertEqual(export["sha256"] as? String, try Self.sha256sum(exported))
        let sync = try XCTUnwrap(entries.first { ($0["statement"] as? String)?.hasPrefix("sync") == true })
        XCTAssertEqual(sync["sha256"] as? String, try Self.sha256sum(folder.appendingPathComponent("outbox/invoices.csv").path))
        XCTAssertTrue((sync["tables"] as? String)?.hasPrefix("proposals 2 rows, conflicts 2 rows, _sverka_journal") == true, "\(sync)")
        XCTAssertEqual(sync["run"] as? Int, 1)
    }

    // MARK: - Helpers

    /// A statement that keeps SQLite busy for several seconds.
    private static let slow = #"sql "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000) SELECT count(*) FROM c""#

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = SverkaProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
