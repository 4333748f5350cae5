import SverkaSyntax

/// The record of every statement that changed the workspace or wrote a file: who, when, the
/// statement (with secrets removed by the caller), the tables and rows it touched, and the file
/// it wrote with its SHA-256. Only appended to; `audit` reads it.
public struct AuditTrail {
    public struct Entry: Sendable, Equatable {
        public var sequence: Int64
        public var at: String
        public var user: String
        public var runID: Int64?
        public var statement: String
        /// `deals 1000, _sverka_journal 3`: the tables changed with their row counts.
        public var tables: String
        public var rows: Int
        public var file: String?
        public var fileSHA256: String?
    }

    let database: SQLiteDatabase

    public init(workspace: Workspace) {
        self.database = workspace.database
    }

    public func append(at moment: String, user: String, runID: Int64?, statement: String, tables: String, rows: Int,
                       file: String?, fileSHA256: String?) throws(Diagnostic) {
        try database.run("""
            INSERT INTO _sverka_audit(at, os_user, run_id, statement, tables, rows, file, file_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(moment), .text(user), runID.map(StoredValue.integer) ?? .null, .text(statement), .text(tables),
                  .integer(Int64(rows)), file.map(StoredValue.text) ?? .null, fileSHA256.map(StoredValue.text) ?? .null])
    }

    /// The newest entries, oldest first.
    public func recent(limit: Int) throws(Diagnostic) -> [Entry] {
        try database.query("""
            SELECT seq, at, os_user, run_id, statement, tables, rows, file, file_sha256
            FROM (SELECT * FROM _sverka_audit ORDER BY seq DESC LIMIT ?) ORDER BY seq
            """, [.integer(Int64(limit))]) { row in
            Entry(sequence: row.int64(at: 0), at: row.text(at: 1), user: row.text(at: 2),
                  runID: row.isNull(at: 3) ? nil : row.int64(at: 3), statement: row.text(at: 4), tables: row.text(at: 5),
                  rows: Int(row.int64(at: 6)), file: row.isNull(at: 7) ? nil : row.text(at: 7),
                  fileSHA256: row.isNull(at: 8) ? nil : row.text(at: 8))
        }
    }
}
