import Foundation
import SverkaSyntax

/// The second pass: records converted to their columns' stored form and inserted through one
/// prepared statement; bad rows stop the load or go to the rejects.
///
/// With two cores, reading and converting run on a thread of their own while this thread
/// inserts: batches of a few thousand rows pass between them through a small ring, so SQLite
/// (the larger half of the work) never waits for the parser, and memory stays at a few batches.
enum CSVSecondPass {
    struct Outcome {
        var rows = 0
        var rejected = 0
    }

    /// Batches in flight: enough that neither side waits for the other's hiccups.
    static let ringSize = 4

    static func run(_ reader: CSVRecordReader, plan: CSVPlan, header: Bool, insert: PreparedStatement, rejects: CSVRejects?,
                    database: SQLiteDatabase, progress: LoadProgressTicker) throws(Diagnostic) -> Outcome {
        let filler = CSVBatchFiller(reader: reader, plan: plan, header: header, skipsBadRows: rejects != nil)
        let inserter = Inserter(insert: insert, rejects: rejects, database: database, progress: progress)
        if ProcessInfo.processInfo.activeProcessorCount < 2 {
            let batch = CSVRowBatch(width: plan.columns.count)
            repeat {
                filler.fill(batch)
                try inserter.insert(batch)
            } while !batch.isLast
        } else {
            try runOnTwoThreads(filler, inserter: inserter, width: plan.columns.count)
        }
        guard inserter.records == plan.records else { throw CSVLoadError.changedDuringLoad(reader.displayPath) }
        return Outcome(rows: inserter.rows, rejected: rejects?.count ?? 0)
    }

    /// The filler on a thread of its own, the inserts here; the filler is joined before return.
    private static func runOnTwoThreads(_ filler: CSVBatchFiller, inserter: Inserter, width: Int) throws(Diagnostic) {
        let ring = BatchRing(size: ringSize, width: width)
        let worker = FillerThread(filler: filler, ring: ring)
        worker.start()
        defer {
            ring.cancel()
            worker.join()
        }
        var index = 0
        while true {
            let batch = ring.nextFull(index)
            try inserter.insert(batch)
            // Read before the slot goes back: the filler may refill it at once.
            let last = batch.isLast
            ring.release()
            if last { return }
            index += 1
        }
    }

    /// The inserting half: binds each batch's rows, steps, and keeps count.
    final class Inserter {
        let insert: PreparedStatement
        let rejects: CSVRejects?
        let database: SQLiteDatabase
        let progress: LoadProgressTicker
        private(set) var rows = 0
        private(set) var records = 0

        init(insert: PreparedStatement, rejects: CSVRejects?, database: SQLiteDatabase, progress: LoadProgressTicker) {
            self.insert = insert
            self.rejects = rejects
            self.database = database
            self.progress = progress
        }

        func insert(_ batch: CSVRowBatch) throws(Diagnostic) {
            // SQLite forgets an interrupt that arrives between steps, which is most of the time here.
            if database.isInterruptRequested { throw CSVLoadError.interrupted() }
            for row in 0..<batch.count {
                try batch.bind(row: row, to: insert)
                _ = try insert.step()
                insert.reset()
            }
            for reject in batch.rejects {
                try reject.raw.withUnsafeBufferPointer { raw throws(Diagnostic) in
                    try rejects?.add(line: reject.line, raw: raw, reason: reject.reason)
                }
            }
            rows += batch.count
            records += batch.records
            if let error = batch.error { throw error }
            progress.report(pass: 2, rows: records, bytes: batch.bytesRead)
        }
    }
}
