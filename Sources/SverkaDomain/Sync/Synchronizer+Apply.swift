import Foundation
import SverkaEngine
import SverkaSyntax

extension Synchronizer {
    /// Proposes, writes the complete proposals to `target` and journals them — or, with
    /// nothing new to send, says so and writes no file.
    ///
    /// The order makes a kill at any point leave the journal and the outbox in agreement
    /// (docs/decisions.md): the file is written under a staging name; the items are committed
    /// to the journal as pending, naming that file; the file is linked into the outbox; the
    /// items are committed as sent. Recovery (at the start of every sync, reconcile and
    /// journal) settles pending items by whether the staging file is still there.
    /// `checkpoint` hears each stage as it passes.
    public func apply(_ request: SyncRequest, to target: OutboxTarget,
                      checkpoint: (ApplyStage) -> Void = { _ in }) throws(Diagnostic) -> ApplyReport {
        let started = Date()
        let journal = SyncJournal(workspace: workspace)
        try journal.recover()
        let outbox = try OutboxFile(target)
        outbox.removeLeftovers()
        let database = workspace.database
        // A power cut must not lose a commit the file's rename already depends on: full
        // syncs for the apply's few small transactions, the connection's level after.
        let level = try database.scalar("PRAGMA synchronous")
        try database.execute("PRAGMA synchronous = FULL")
        defer {
            if case .integer(let previous)? = level { try? database.execute("PRAGMA synchronous = \(previous)") }
        }
        var report: SyncReport
        var items = 0
        var digest: String?
        do {
            (report, items, digest) = try database.inTransaction { () throws(Diagnostic) -> (SyncReport, Int, String?) in
                let run = try prepare(request)
                let sendable = run.report.proposals - run.report.incomplete
                guard sendable > 0 else {
                    try run.scratch.dropAll()
                    return (run.report, 0, nil)
                }
                try outbox.ensureTargetFree()
                _ = try outbox.write(outboxQuery(run.plan), from: database)
                checkpoint(.staged)
                let sha = try outbox.sha256()
                let entries = try outboxItems()
                let delivery = SyncJournal.Delivery(applyID: outbox.applyID, file: target.path, filePath: outbox.target.filePath,
                                                    fileSHA256: sha, stagingPath: outbox.stagingPath)
                try journal.insertPending(kind: request.kind.itemKind, items: entries, delivery: delivery,
                                          at: ProcessIdentity.timestamp())
                try run.scratch.dropAll()
                return (run.report, entries.count, sha)
            }
        } catch {
            outbox.discard()
            throw error
        }
        report.seconds = Date().timeIntervalSince(started)
        guard items > 0 else { return ApplyReport(proposal: report, sent: 0, file: target.path, fileSHA256: nil) }
        checkpoint(.journaled)
        do {
            try outbox.publish()
        } catch {
            // Forget the items before removing the file: were the order reversed, a failure
            // in between would leave pending items whose file is gone, which recovery reads as
            // sent.
            do {
                try database.inTransaction { () throws(Diagnostic) in try journal.forget(applyID: outbox.applyID) }
                outbox.discard()
            } catch {}
            throw error
        }
        checkpoint(.published)
        try database.inTransaction { () throws(Diagnostic) in
            try journal.markSent(applyID: outbox.applyID)
            try journal.refreshTable()
        }
        checkpoint(.sent)
        report.seconds = Date().timeIntervalSince(started)
        return ApplyReport(proposal: report, sent: items, file: target.path, fileSHA256: digest,
                           journalInMemory: workspace.path == nil)
    }
}
