import Foundation
import SverkaSyntax

/// Reads and writes the run records of a workspace. Each write is its own short statement
/// outside any user transaction, so the record of a failed statement survives its rollback.
public struct RunStore {
    let database: SQLiteDatabase

    public init(workspace: Workspace) {
        self.database = workspace.database
    }

    /// Starts a record and returns its id.
    public func begin(script: String, parameters: String, isDryRun: Bool, processID: Int32, user: String,
                      at moment: String) throws(Diagnostic) -> Int64 {
        try database.run("""
            INSERT INTO _sverka_runs(script, parameters, started_at, status, dry_run, pid, os_user)
            VALUES (?, ?, ?, 'running', ?, ?, ?)
            """, [.text(script), .text(parameters), .text(moment), .integer(isDryRun ? 1 : 0),
                  .integer(Int64(processID)), .text(user)])
        return database.lastInsertRowID
    }

    public func addStatement(run: Int64, _ record: RunStatementRecord) throws(Diagnostic) {
        try database.run("""
            INSERT INTO _sverka_run_statements(run_id, seq, source, line, statement, status, seconds, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(run), .integer(Int64(record.sequence)), .text(record.source), .integer(Int64(record.line)),
                  .text(record.statement), .text(record.status), .real(record.seconds),
                  record.error.map(StoredValue.text) ?? .null])
    }

    /// Brings the running totals up to date, so a killed run still shows how far it got.
    public func progress(run: Int64, statements: Int, rowsLoaded: Int, itemsSynced: Int) throws(Diagnostic) {
        try database.run("UPDATE _sverka_runs SET statements = ?, rows_loaded = ?, items_synced = ? WHERE id = ?",
                         [.integer(Int64(statements)), .integer(Int64(rowsLoaded)), .integer(Int64(itemsSynced)), .integer(run)])
    }

    public func finish(run: Int64, status: RunRecord.Status, error: String?, at moment: String) throws(Diagnostic) {
        try database.run("UPDATE _sverka_runs SET status = ?, error = ?, ended_at = ? WHERE id = ?",
                         [.text(status.rawValue), error.map(StoredValue.text) ?? .null, .text(moment), .integer(run)])
    }

    /// Marks runs left `running` by processes that no longer exist as killed. Called with the
    /// workspace lock held, so no live run of this workspace can be among them.
    public func settleAbandoned(isAlive: (Int32) -> Bool, at moment: String) throws(Diagnostic) {
        let running = try database.query("SELECT id, pid FROM _sverka_runs WHERE status = 'running'") { row in
            (row.int64(at: 0), Int32(truncatingIfNeeded: row.int64(at: 1)))
        }
        for (id, pid) in running where pid == getpid() || !isAlive(pid) {
            try database.run("""
                UPDATE _sverka_runs SET status = 'killed', ended_at = ?,
                    error = 'the process ended without finishing the run (killed or crashed)' WHERE id = ?
                """, [.text(moment), .integer(id)])
        }
    }

    /// The newest runs first.
    public func recent(limit: Int) throws(Diagnostic) -> [RunRecord] {
        try database.query("\(Self.select) ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))], row: Self.record)
    }

    public func run(id: Int64) throws(Diagnostic) -> RunRecord? {
        try database.query("\(Self.select) WHERE id = ?", [.integer(id)], row: Self.record).first
    }

    /// A run that is still going, for the "in use by" message of a second run.
    public func running() throws(Diagnostic) -> RunRecord? {
        try database.query("\(Self.select) WHERE status = 'running' ORDER BY id DESC LIMIT 1", row: Self.record).first
    }

    public func statements(run: Int64) throws(Diagnostic) -> [RunStatementRecord] {
        try database.query("""
            SELECT seq, source, line, statement, status, seconds, error FROM _sverka_run_statements
            WHERE run_id = ? ORDER BY seq
            """, [.integer(run)]) { row in
            RunStatementRecord(sequence: Int(row.int64(at: 0)), source: row.text(at: 1), line: Int(row.int64(at: 2)),
                               statement: row.text(at: 3), status: row.text(at: 4), seconds: row.double(at: 5),
                               error: row.isNull(at: 6) ? nil : row.text(at: 6))
        }
    }

    private static let select = """
        SELECT id, script, parameters, started_at, ended_at, status, statements, rows_loaded, items_synced,
               error, dry_run, pid, os_user FROM _sverka_runs
        """

    private static func record(_ row: PreparedStatement) -> RunRecord {
        RunRecord(id: row.int64(at: 0), script: row.text(at: 1), parameters: row.text(at: 2), startedAt: row.text(at: 3),
                  endedAt: row.isNull(at: 4) ? nil : row.text(at: 4),
                  status: RunRecord.Status(rawValue: row.text(at: 5)) ?? .failed,
                  statements: Int(row.int64(at: 6)), rowsLoaded: Int(row.int64(at: 7)), itemsSynced: Int(row.int64(at: 8)),
                  error: row.isNull(at: 9) ? nil : row.text(at: 9), isDryRun: row.int64(at: 10) != 0,
                  processID: Int32(truncatingIfNeeded: row.int64(at: 11)), user: row.text(at: 12))
    }
}
