import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Records one unattended run (`sverka run`, `-c`, piped stdin): a row in `_sverka_runs` with
/// its statements and totals, and the `--log` file's lines. A failure to record (a full disk)
/// is said once on stderr and never stops the run itself.
public final class RunSupervisor: StatementObserver {
    let store: RunStore
    let log: RunLogFile?
    public let runID: Int64
    let script: String
    let started = Date()
    private var statements = 0
    private var firstError: String?
    private var recordingFailed = false
    private let messages: any TextSink

    /// Starts the record. `parameters` are the `--set` pairs as given.
    public init(session: Session, script: String, parameters: [(String, String)], logPath: String?) throws(Diagnostic) {
        store = RunStore(workspace: session.workspace)
        messages = session.messages
        self.script = script
        log = try logPath.map { path throws(Diagnostic) in try RunLogFile(path: path) }
        let text = parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "\n")
        runID = try store.begin(script: script, parameters: text, isDryRun: session.isDryRun,
                                processID: ProcessIdentity.processID, user: ProcessIdentity.userName,
                                at: ProcessIdentity.timestamp())
        log?.write([("event", .text("run_started")), ("run", .integer(Int(runID))), ("script", .text(script)),
                    ("parameters", .text(text)), ("dry_run", .integer(session.isDryRun ? 1 : 0)),
                    ("at", .text(ProcessIdentity.timestamp(started)))])
    }

    public func statementFinished(_ report: StatementReport, session: Session) {
        statements += 1
        if report.status == .failed, firstError == nil { firstError = report.error }
        recording { () throws(Diagnostic) in
            try store.addStatement(run: runID, RunStatementRecord(
                sequence: report.sequence, source: report.sourceName, line: report.line, statement: report.text,
                status: report.status.rawValue, seconds: report.seconds, error: report.error))
            try store.progress(run: runID, statements: statements, rowsLoaded: session.counters.rowsLoaded,
                               itemsSynced: session.counters.itemsSynced)
        }
        log?.write([("event", .text("statement")), ("run", .integer(Int(runID))), ("seq", .integer(report.sequence)),
                    ("source", .text(report.sourceName)), ("line", .integer(report.line)), ("statement", .text(report.text)),
                    ("status", .text(report.status.rawValue)), ("seconds", .seconds(report.seconds)),
                    ("error", .optional(report.error))])
    }

    /// Closes the record with the run's outcome.
    public func finish(_ outcome: RunOutcome, session: Session) {
        let status: RunRecord.Status
        var error = firstError
        switch outcome {
        case .success: status = .succeeded
        case .failed: status = .failed
        case .expectationFailed: status = .expectationFailed
        case .interrupted(let signal):
            status = .interrupted
            error = "stopped by \(StopRequest.name(of: signal))"
        }
        let ended = Date()
        recording { () throws(Diagnostic) in
            try store.progress(run: runID, statements: statements, rowsLoaded: session.counters.rowsLoaded,
                               itemsSynced: session.counters.itemsSynced)
            try store.finish(run: runID, status: status, error: error, at: ProcessIdentity.timestamp(ended))
        }
        log?.write([("event", .text("run_finished")), ("run", .integer(Int(runID))), ("script", .text(script)),
                    ("status", .text(status.rawValue)), ("exit_code", .integer(Int(outcome.exitCode))),
                    ("statements", .integer(statements)), ("rows_loaded", .integer(session.counters.rowsLoaded)),
                    ("items_synced", .integer(session.counters.itemsSynced)), ("error", .optional(error)),
                    ("seconds", .seconds(ended.timeIntervalSince(started))), ("at", .text(ProcessIdentity.timestamp(ended)))])
    }

    private func recording(_ body: () throws(Diagnostic) -> Void) {
        do throws(Diagnostic) {
            try body()
        } catch {
            guard !recordingFailed else { return }
            recordingFailed = true
            messages.write("warning: the run could not be recorded in the workspace: \(error.message)\n")
        }
    }
}
