import Foundation
import XCTest

/// The issue's acceptance: a reconciliation built at the prompt, saved as a script, run
/// unattended twice against a workspace file.
final class SaveHistoryTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
        let data = GoldenTests.folder.appendingPathComponent("data")
        for name in ["recon_deals.csv", "recon_invoices.csv", "recon_payments.csv", "recon_matches.csv"] {
            try shell.write(String(contentsOf: data.appendingPathComponent(name), encoding: .utf8), to: name)
        }
        try FileManager.default.createDirectory(at: shell.folder.appendingPathComponent("outbox"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testAReconciliationBuiltAtThePromptRunsUnattendedAsASavedScript() throws {
        try shell.start()
        _ = try shell.run("param as_of date default @2026-11-30")
        for (file, table) in [("recon_deals.csv", "deals"), ("recon_invoices.csv", "invoices"),
                              ("recon_payments.csv", "payments"), ("recon_matches.csv", "matches")] {
            _ = try shell.run("load \"\(file)\" as \(table)")
        }
        _ = try shell.run("help param")
        _ = try shell.run("map deals as crm.deal")          // a typo: fails, left out
        _ = try shell.run("map deals as crm.deals")
        _ = try shell.run("map invoices as acc.invoices")
        _ = try shell.run("map payments as acc.payments")
        _ = try shell.run("tables")
        _ = try shell.run("reconcile as of $as_of")
        let apply = try shell.run("sync invoices as of $as_of apply to \"outbox/invoices.csv\"")
        XCTAssertTrue(apply.contains("sent 1 item"), apply)
        let saved = try shell.run("save history to \"nightly.sv\"")
        XCTAssertTrue(saved.contains("wrote nightly.sv: 10 statements"), saved)

        let script = try XCTUnwrap(shell.read("nightly.sv"))
        let statements = script.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        XCTAssertEqual(statements, [
            "param as_of date default @2026-11-30",
            "load \"recon_deals.csv\" as deals", "load \"recon_invoices.csv\" as invoices",
            "load \"recon_payments.csv\" as payments", "load \"recon_matches.csv\" as matches",
            "map deals as crm.deals", "map invoices as acc.invoices", "map payments as acc.payments",
            "reconcile as of $as_of", "sync invoices as of $as_of apply to \"outbox/invoices.csv\"",
        ])
        XCTAssertTrue(script.hasPrefix("# Saved by sverka from an interactive session on "), script)

        // Accounting took the file the interactive session sent.
        try FileManager.default.removeItem(at: shell.folder.appendingPathComponent("outbox/invoices.csv"))
        let arguments = ["run", "nightly.sv", "--workspace", "w.db", "--set", "as_of=2026-11-30", "--log", "run.jsonl"]
        let first = try SverkaProcess.run(arguments, in: shell.folder)
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("sent 1 item"), first.stderr)
        let second = try SverkaProcess.run(arguments, in: shell.folder)
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("nothing new to send"), second.stderr)
        let runs = try SverkaProcess.run(["-w", "w.db", "--format", "csv", "-c", "runs"], in: shell.folder)
        let rows = runs.stdout.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 2, runs.stdout)
        XCTAssertTrue(rows.allSatisfy { $0.contains("nightly.sv,as_of=2026-11-30,") && $0.contains(",succeeded,10,") }, runs.stdout)
        let log = try XCTUnwrap(shell.read("run.jsonl"))
        XCTAssertEqual(log.split(separator: "\n").count, 2 * (1 + 10 + 1))
    }
}
