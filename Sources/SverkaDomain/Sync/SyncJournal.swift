import Foundation
import SverkaEngine
import SverkaSyntax

/// The sync journal (`_sverka_journal`): every item written to an outbox, under an idempotency
/// key, with the file it went into and that file's SHA-256.
///
/// An apply records its items as `pending` (with the temporary file's path) before the file is
/// renamed into the outbox, and as `sent` after. A process killed in between leaves pending
/// rows; `recover` settles them by looking at the temporary file — still there: the rename
/// never happened, so the rows go; gone: the rename happened, so they are sent. Every command
/// that reads the journal recovers first, so journal entries and outbox files always agree.
struct SyncJournal {
    static let tableName = "_sverka_journal"

    let workspace: Workspace

    private var database: SQLiteDatabase { workspace.database }

    // MARK: - Recovery

    /// Settles the pending items of applies that died. Runs in its own transaction, and removes
    /// temporary files only after the rows that named them are gone, so a second crash cannot
    /// leave a row pointing at a file that was deleted.
    @discardableResult
    func recover() throws(Diagnostic) -> (rolledBack: Int, completed: Int) {
        let pending = try database.query(
            "SELECT DISTINCT apply_id, staging_file, pid, file_path FROM _sverka_journal WHERE status = 'pending'"
        ) { row in (row.text(at: 0), row.text(at: 1), Int32(truncatingIfNeeded: row.int64(at: 2)), row.text(at: 3)) }
        var rolledBack = 0, completed = 0
        var leftovers: [String] = []
        for (apply, staging, pid, target) in pending where !ProcessIdentity.isAlive(pid) || pid == ProcessIdentity.processID {
            if Self.isSameFile(staging, target) {
                // Killed between linking the file into the outbox and removing the staging name.
                unlink(staging)
            }
            if FileManager.default.fileExists(atPath: staging) {
                try database.inTransaction { () throws(Diagnostic) in
                    try database.run("DELETE FROM _sverka_journal WHERE apply_id = ? AND status = 'pending'", [.text(apply)])
                }
                rolledBack += 1
                leftovers.append(staging)
            } else {
                try database.inTransaction { () throws(Diagnostic) in
                    try database.run("UPDATE _sverka_journal SET status = 'sent', staging_file = NULL WHERE apply_id = ? AND status = 'pending'",
                                     [.text(apply)])
                }
                completed += 1
            }
        }
        for path in leftovers { unlink(path) }
        return (rolledBack, completed)
    }

    /// Whether two paths name one file (a hard link made, its old name not yet removed).
    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard lstat(a, &first) == 0, lstat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    // MARK: - Apply

    /// One item of an apply, as recorded.
    struct Item {
        var key: String
        var dealID: String
        var payload: String
    }

    /// Where an apply writes, and what it wrote.
    struct Delivery {
        var applyID: String
        var file: String
        var filePath: String
        var fileSHA256: String
        var stagingPath: String
    }

    /// Records the items as pending, in the caller's transaction.
    func insertPending(kind: String, items: [Item], delivery: Delivery, at: String) throws(Diagnostic) {
        let insert = try database.prepare("""
            INSERT INTO _sverka_journal(idempotency_key, kind, deal_id, payload, payload_hash, file, file_path, file_sha256,
                                        apply_id, staging_file, pid, status, at, os_user)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
            """)
        let user = ProcessIdentity.userName
        for item in items {
            try insert.bind([.text(item.key), .text(kind), .text(item.dealID), .text(item.payload),
                             .text(SHA256.hex(of: Array(item.payload.utf8))), .text(delivery.file), .text(delivery.filePath),
                             .text(delivery.fileSHA256), .text(delivery.applyID), .text(delivery.stagingPath),
                             .integer(Int64(ProcessIdentity.processID)), .text(at), .text(user)])
            _ = try insert.step()
            insert.reset()
        }
    }

    /// The file is in the outbox: its items are sent.
    func markSent(applyID: String) throws(Diagnostic) {
        try database.run("UPDATE _sverka_journal SET status = 'sent', staging_file = NULL WHERE apply_id = ? AND status = 'pending'",
                         [.text(applyID)])
    }

    /// The file never reached the outbox: its items were not sent.
    func forget(applyID: String) throws(Diagnostic) {
        try database.run("DELETE FROM _sverka_journal WHERE apply_id = ? AND status = 'pending'", [.text(applyID)])
    }

    // MARK: - Delivery

    /// Marks sent invoices delivered when accounting's export now has an invoice for their
    /// deal, recording that invoice's id. `invoices` is a table with `id` and `deal_id`.
    func markDelivered(invoices: String) throws(Diagnostic) -> Int {
        let table = SQLiteDialect().quoteIdentifier(invoices)
        try database.run("""
            UPDATE _sverka_journal
            SET status = 'delivered', delivered_at = ?,
                delivered_ref = (SELECT min(i.id) FROM \(table) i WHERE i.deal_id = _sverka_journal.deal_id)
            WHERE kind = 'invoice' AND status = 'sent'
              AND EXISTS (SELECT 1 FROM \(table) i WHERE i.deal_id = _sverka_journal.deal_id)
            """, [.text(ProcessIdentity.timestamp())])
        return database.changes
    }

    // MARK: - Reading

    func entries() throws(Diagnostic) -> [JournalEntry] {
        try database.query("""
            SELECT seq, idempotency_key, kind, deal_id, status, file, file_sha256, payload_hash, at, os_user,
                   delivered_at, delivered_ref
            FROM _sverka_journal WHERE status <> 'pending' ORDER BY seq
            """) { row in
            JournalEntry(sequence: row.int64(at: 0), key: row.text(at: 1), kind: row.text(at: 2), dealID: row.text(at: 3),
                         status: JournalEntry.Status(rawValue: row.text(at: 4)) ?? .sent, file: row.text(at: 5),
                         fileSHA256: row.text(at: 6), payloadHash: row.text(at: 7), at: row.text(at: 8),
                         user: row.text(at: 9), deliveredAt: row.isNull(at: 10) ? nil : row.text(at: 10),
                         deliveredID: row.isNull(at: 11) ? nil : row.text(at: 11))
        }
    }

    /// Rewrites the result table `journal` from the system table, in the caller's transaction.
    func refreshTable() throws(Diagnostic) {
        let sql = DomainSQL(dialect: SQLiteDialect())
        try JournalTable.table.create(in: workspace, sql: sql)
        try database.run(JournalTable.table.insertPrefix(sql: sql) + JournalTable.select)
    }
}
