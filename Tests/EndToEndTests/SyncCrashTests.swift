import Foundation
import XCTest

/// Kills `sync invoices apply` with SIGKILL at every stage and at random moments, and checks
/// what the next sverka sees: journal entries for the outbox file if and only if the file is
/// there, the file's rows and SHA-256 exactly what the journal recorded — and, after one more
/// apply, every invoice sent exactly once.
final class SyncCrashTests: XCTestCase {
    private var folder: URL!
    /// Invoices to send: D2 of the fixture and the won deals added below.
    private static let added = 150
    private static let apply = "sync invoices as of @2026-11-30 apply to \"outbox/invoices.csv\""

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        let data = GoldenTests.folder.appendingPathComponent("data")
        for name in ["recon_invoices.csv", "recon_payments.csv", "recon_matches.csv"] {
            try FileManager.default.copyItem(at: data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // More won deals without an invoice for matched clients, so the file has rows to write.
        var deals = try String(contentsOf: data.appendingPathComponent("recon_deals.csv"), encoding: .utf8)
        for number in 1...Self.added {
            deals += "X\(number),c\(1 + number % 4),won,\(number).50,RUB,2026-11-\(10 + number % 20)\n"
        }
        try deals.write(to: folder.appendingPathComponent("recon_deals.csv"), atomically: true, encoding: .utf8)
        let setup = try SverkaProcess.run(["-w", "base.db", "-c", """
            load "recon_deals.csv" as deals
            load "recon_invoices.csv" as invoices
            load "recon_payments.csv" as payments
            load "recon_matches.csv" as matches
            map deals as crm.deals
            map invoices as acc.invoices
            map payments as acc.payments
            """], in: folder)
        XCTAssertEqual(setup.exitCode, 0, setup.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A copy of the prepared workspace and an empty outbox for one run.
    private func fresh(_ name: String) throws -> URL {
        let run = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: run.appendingPathComponent("outbox"), withIntermediateDirectories: true)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: folder.appendingPathComponent("base.db" + suffix).path) {
            try FileManager.default.copyItem(at: folder.appendingPathComponent("base.db" + suffix),
                                             to: run.appendingPathComponent("ws.db" + suffix))
        }
        return run
    }

    /// Starts an apply that pauses at each stage; kills it when `stage` is announced, or after
    /// `delay` seconds, whichever the caller asks for. Returns whether it was killed, and the
    /// last stage it announced.
    private func killApply(in run: URL, atStage stage: String?, after delay: Double?) throws -> (killed: Bool, stage: String) {
        let process = Process()
        process.executableURL = SverkaProcess.binary
        process.arguments = ["-w", "ws.db", "-c", Self.apply]
        process.currentDirectoryURL = run
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        environment["SVERKA_TEST_APPLY_PAUSE"] = "60"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var killed = false
        var seen = ""
        let handle = errors.fileHandleForReading
        if let stage {
            while !seen.contains("apply: \(stage)\n") {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            XCTAssertTrue(seen.contains("apply: \(stage)\n"), "never reached \(stage): \(seen)")
            killed = kill(process.processIdentifier, SIGKILL) == 0
        } else if let delay {
            Thread.sleep(forTimeInterval: delay)
            killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        }
        process.waitUntilExit()
        seen += String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let last = seen.split(separator: "\n").last { $0.hasPrefix("apply: ") }.map { String($0.dropFirst(7)) } ?? "before staging"
        return (killed && process.terminationReason == .uncaughtSignal, last)
    }

    /// The journal's rows for the outbox file, as the next sverka reports them.
    private func journal(in run: URL) throws -> [[String: String]] {
        let result = try SverkaProcess.run(["-w", "ws.db", "--format", "csv", "-c", "journal"], in: run)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    private func sha256(_ file: URL) throws -> String? {
        for tool in [["/usr/bin/sha256sum"], ["/usr/bin/shasum", "-a", "256"]] where FileManager.default.fileExists(atPath: tool[0]) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool[0])
            process.arguments = Array(tool.dropFirst()) + [file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
        }
        return nil
    }

    /// Journal entries if and only if the file; when both, they describe each other exactly.
    private func checkConsistent(_ run: URL, _ what: String) throws {
        let file = run.appendingPathComponent("outbox/invoices.csv")
        let entries = try journal(in: run).filter { $0["file"] == "outbox/invoices.csv" }
        let exists = FileManager.default.fileExists(atPath: file.path)
        XCTAssertEqual(exists, !entries.isEmpty, "\(what): file \(exists ? "present" : "absent"), \(entries.count) journal entries")
        guard exists else { return }
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, entries.count, what)
        XCTAssertEqual(Set(rows.map { String($0.prefix { $0 != "," }) }), Set(entries.compactMap { $0["deal_id"] }), what)
        if let digest = try sha256(file) { XCTAssertEqual(Set(entries.compactMap { $0["file_sha256"] }), [digest], what) }
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, what)
    }

    /// After the crash, one more apply finishes the job: every invoice sent exactly once, and
    /// no staging file left behind.
    private func checkFinishes(_ run: URL, _ what: String) throws {
        let again = try SverkaProcess.run(["-w", "ws.db", "-c", Self.apply], in: run)
        let file = run.appendingPathComponent("outbox/invoices.csv")
        let alreadyThere = again.stderr.contains("nothing new to send")
        XCTAssertTrue(again.exitCode == 0 || again.stderr.contains("never overwritten"), "\(what): \(again.stderr)")
        XCTAssertTrue(alreadyThere || again.stderr.contains("sent \(Self.added + 1) items"), "\(what): \(again.stderr)")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, Self.added + 1, what)
        XCTAssertEqual(try journal(in: run).count, Self.added + 1, what)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("outbox").path), ["invoices.csv"], what)
    }

    func testKilledAtEveryStage() throws {
        for stage in ["staged", "journaled", "published", "sent"] {
            let run = try fresh("stage-\(stage)")
            let outcome = try killApply(in: run, atStage: stage, after: nil)
            XCTAssertTrue(outcome.killed, "not killed at \(stage)")
            XCTAssertEqual(outcome.stage, stage)
            try checkConsistent(run, "killed at \(stage)")
            try checkFinishes(run, "after a kill at \(stage)")
        }
    }

    func testKilledAtRandomMoments() throws {
        // How long a whole apply takes here, to spread the kills over it.
        let timing = try fresh("timing")
        let started = Date()
        XCTAssertEqual(try killApply(in: timing, atStage: nil, after: nil).stage, "sent")
        let whole = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String] = []
        for iteration in 1...10 {
            let run = try fresh("random-\(iteration)")
            let delay = Double.random(in: 0...whole, using: &generator)
            let outcome = try killApply(in: run, atStage: nil, after: delay)
            let what = "iteration \(iteration), \(outcome.killed ? "killed" : "finished") after \(String(format: "%.3f", delay)) s, "
                + "past \(outcome.stage)"
            outcomes.append(what)
            try checkConsistent(run, what)
            try checkFinishes(run, what)
        }
        // Most runs die somewhere: a test whose kills all came too late would prove nothing.
        XCTAssertGreaterThanOrEqual(outcomes.filter { $0.contains("killed") }.count, 5, outcomes.joined(separator: "\n"))
    }
}
