import Foundation
import XCTest

/// The acceptance test of issue 8: `sverka run` of a nightly script, killed with SIGKILL at 50
/// random moments and then run to completion, ends with the same tables, journal and outbox as
/// clean runs — and after every kill the workspace opens, every table reads, each one is as
/// some clean run left it (never half-written), the journal agrees with the outbox file, and
/// the files sverka made are private (0600).
///
/// The reference is what clean runs leave: the first run sends the invoices and writes its
/// notes; every later run finds them already sent (the mismatch notes say so, the proposals no
/// longer list them). So a killed run that got past `sync … apply` makes the next runs end as a
/// second clean run does; otherwise as the first.
final class RunKillLoopTests: XCTestCase {
    private static let kills = 50
    /// Fixed, so a failure can be replayed; SVERKA_KILL_SEED tries another.
    private static let seed = ProcessInfo.processInfo.environment["SVERKA_KILL_SEED"].flatMap { UInt64($0) } ?? 20_261_130
    /// Won deals added to the fixture for matched clients, so the outbox file has rows to write.
    private static let addedDeals = 150
    private static let outbox = "outbox/invoices.csv"
    private static let export = "out/mismatches.csv"
    private static let script = """
        # The nightly reconciliation: load the exports, map, match, reconcile, send invoices, export the report.
        load "recon_deals.csv" as deals
        load "recon_invoices.csv" as invoices
        load "recon_payments.csv" as payments
        load "recon_clients.csv" as clients with (types: (tax_id: text))
        load "recon_counterparties.csv" as counterparties with (types: (tax_id: text))
        map deals as crm.deals
        map invoices as acc.invoices
        map payments as acc.payments
        map clients as crm.clients
        map counterparties as acc.counterparties
        match clients
        reconcile as of @2026-11-30
        sync invoices as of @2026-11-30 apply to "\(outbox)"
        export mismatches to "\(export)"

        """

    private var root: URL!

    override func setUpWithError() throws {
        root = try SverkaProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testKilledRunsEndAsACleanRunDoes() throws {
        // The references, and how long a whole run takes here, to spread the kills over it.
        let clean = try prepare("clean")
        let started = Date()
        try runToCompletion(in: clean)
        let duration = Date().timeIntervalSince(started)
        let once = try snapshot(clean)
        try runToCompletion(in: clean)
        let twice = try snapshot(clean)
        XCTAssertNotEqual(once, twice, "a second run should find the invoices sent")
        XCTAssertNotNil(once.outbox)
        XCTAssertEqual(once.outbox, twice.outbox)

        let killed = try prepare("killed")
        var random = SplitMix(seed: Self.seed)
        var outcomes: [String] = []
        for iteration in 1...Self.kills {
            // Later runs find their files unchanged and finish sooner than the first, and process
            // start-up varies: kills are spread over the first 60% of the first run's time, so
            // that most of them land while a run is still working.
            let delay = Double.random(in: 0...(duration * 0.6), using: &random)
            let wasKilled = try runAndKill(in: killed, after: delay)
            let what = "kill \(iteration) (seed \(Self.seed)) after \(String(format: "%.3f", delay)) s of \(String(format: "%.3f", duration)) s"
            outcomes.append("\(what): \(wasKilled ? "killed" : "had finished")")
            try checkAfterKill(killed, references: [once, twice], what)
        }
        // Kills that all came after the end would prove nothing.
        let actualKills = outcomes.filter { $0.hasSuffix("killed") }.count
        XCTAssertGreaterThanOrEqual(actualKills, Self.kills / 2, outcomes.joined(separator: "\n"))

        let sentBefore = try !snapshot(killed).storedJournal.dropFirst().isEmpty
        try runToCompletion(in: killed)
        let final = try snapshot(killed)
        let expected = sentBefore ? twice : once
        XCTAssertEqual(final, expected, (["after \(actualKills) kills and a whole run:"] + final.differences(from: expected))
            .joined(separator: "\n"))
        // Every invoice sent exactly once: the proposals of the fixture's D2 and the added deals.
        XCTAssertEqual(final.storedJournal.count - 1, Self.addedDeals + 1)
        XCTAssertEqual(try listing(killed, "outbox"), ["invoices.csv"], "a staging file outlived the last apply")
        XCTAssertEqual(try listing(killed, "out"), ["mismatches.csv"], "a temporary file outlived the last export")
        try checkPrivate(killed, "at the end")
    }

    // MARK: - Runs

    /// A folder with the fixture exports and empty outbox and export folders.
    private func prepare(_ name: String) throws -> URL {
        let folder = root.appendingPathComponent(name)
        for sub in ["outbox", "out"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let data = GoldenTests.folder.appendingPathComponent("data")
        for file in ["recon_invoices.csv", "recon_payments.csv", "recon_clients.csv", "recon_counterparties.csv"] {
            try FileManager.default.copyItem(at: data.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        var deals = try String(contentsOf: data.appendingPathComponent("recon_deals.csv"), encoding: .utf8)
        // Clients c1, c3 and c4 match a counterparty by name, so their deals can be invoiced.
        for number in 1...Self.addedDeals {
            deals += "X\(number),c\([1, 3, 4][number % 3]),won,\(number).50,RUB,2026-11-\(10 + number % 20)\n"
        }
        try deals.write(to: folder.appendingPathComponent("recon_deals.csv"), atomically: true, encoding: .utf8)
        try Self.script.write(to: folder.appendingPathComponent("nightly.sv"), atomically: true, encoding: .utf8)
        return folder
    }

    private func runToCompletion(in folder: URL) throws {
        let result = try SverkaProcess.run(["run", "nightly.sv", "--workspace", "ws.db"], in: folder)
        guard result.exitCode == 0 else {
            throw WorkspaceSnapshot.Failure("the nightly run failed (\(result.exitCode)): \(result.stderr)")
        }
    }

    /// Starts the nightly run and kills it after `delay` seconds; false when it had already ended.
    private func runAndKill(in folder: URL, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = SverkaProcess.binary
        process.arguments = ["run", "nightly.sv", "--workspace", "ws.db"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        if !killed || process.terminationReason != .uncaughtSignal {
            XCTAssertEqual(process.terminationStatus, 0, "a nightly run that was not killed failed")
            return false
        }
        return true
    }

    private func snapshot(_ folder: URL) throws -> WorkspaceSnapshot {
        try WorkspaceSnapshot.read("ws.db", in: folder, outbox: Self.outbox, export: Self.export)
    }

    // MARK: - Checks

    /// The workspace opens and every table reads (`snapshot` throws otherwise); each table and
    /// each file is as one of the clean runs left it, or absent; the journal lists the outbox
    /// file's items if and only if the file is there.
    private func checkAfterKill(_ folder: URL, references: [WorkspaceSnapshot], _ what: String) throws {
        let state: WorkspaceSnapshot
        do {
            state = try snapshot(folder)
        } catch {
            XCTFail("\(what): \(error)")
            throw error
        }
        for (name, rows) in state.tables where !references.contains(where: { $0.tables[name] == rows }) {
            XCTFail("\(what): table \(name) is as no clean run left it: \(rows.joined(separator: " / "))")
        }
        if let outbox = state.outbox {
            XCTAssertEqual(outbox, references[0].outbox, "\(what): the outbox file")
            XCTAssertTrue(references.contains { $0.journal == state.journal && $0.storedJournal == state.storedJournal },
                          "\(what): the outbox file is there, the journal says \(state.journal)")
        } else {
            XCTAssertEqual(state.journal.count, 1, "\(what): no outbox file, but the journal says \(state.journal)")
            XCTAssertEqual(state.storedJournal.count, 1, "\(what): no outbox file, but _sverka_journal has \(state.storedJournal)")
        }
        if let export = state.export {
            XCTAssertTrue(references.contains { $0.export == export }, "\(what): a partial or foreign export")
        }
        // A run killed while writing a file leaves its hidden temporary file (no `*.csv` for the
        // other system to pick up) until the next apply or export to that file removes it; the
        // outbox's is private. Nothing else may be there.
        XCTAssertEqual(try listing(folder, "outbox").filter { $0 != "invoices.csv" && !Self.isTemporary($0, of: "invoices.csv") },
                       [], "\(what): a foreign file in the outbox")
        XCTAssertEqual(try listing(folder, "out").filter { $0 != "mismatches.csv" && !Self.isTemporary($0, of: "mismatches.csv") },
                       [], "\(what): a foreign file beside the export")
        try checkPrivate(folder, what)
    }

    private func listing(_ folder: URL, _ sub: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path).sorted()
    }

    /// `.invoices.csv.sverka-…` (an export's or the outbox's staging file) or `..invoices.csv.sverka-…`
    /// (the exporter's own temporary file of the outbox's staging file).
    private static func isTemporary(_ name: String, of target: String) -> Bool {
        name.hasPrefix(".\(target).sverka-") || name.hasPrefix("..\(target).sverka-")
    }

    /// The workspace, its -wal and -shm files (left by a kill) and the outbox file are the
    /// owner's only.
    private func checkPrivate(_ folder: URL, _ what: String) throws {
        for name in ["ws.db", "ws.db-wal", "ws.db-shm", Self.outbox] {
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, "\(what): \(name) has mode \(String(mode ?? 0, radix: 8))")
        }
    }
}

extension SplitMix: RandomNumberGenerator {}
