import Foundation

/// A ring of batches between the filling thread and the inserting one. The filler takes an
/// empty slot, fills it and marks it full; the inserter takes full slots in order and gives
/// them back. Each batch belongs to one side at a time, as the semaphores hand it over.
final class BatchRing: @unchecked Sendable {
    private let batches: [CSVRowBatch]
    private let empty: DispatchSemaphore
    private let full = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var cancelled = false

    init(size: Int, width: Int) {
        batches = (0..<size).map { _ in CSVRowBatch(width: width) }
        empty = DispatchSemaphore(value: size)
    }

    /// For the filler: the next slot once it is free; nil when the inserter has stopped.
    func nextEmpty(_ index: Int) -> CSVRowBatch? {
        empty.wait()
        return isCancelled ? nil : batches[index % batches.count]
    }

    func markFull() { full.signal() }

    /// For the inserter: the next filled slot, in order.
    func nextFull(_ index: Int) -> CSVRowBatch {
        full.wait()
        return batches[index % batches.count]
    }

    func release() { empty.signal() }

    /// The inserter is done (finished or failed): a filler waiting for a slot wakes and stops.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        for _ in batches { empty.signal() }
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// The thread that runs a filler over a ring until the file ends, an error, or cancellation.
final class FillerThread: @unchecked Sendable {
    // The filler and its reader are used by this thread only, from `start` until `join` returns.
    private let filler: CSVBatchFiller
    private let ring: BatchRing
    private let finished = DispatchSemaphore(value: 0)

    init(filler: CSVBatchFiller, ring: BatchRing) {
        self.filler = filler
        self.ring = ring
    }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            var index = 0
            while let batch = ring.nextEmpty(index) {
                filler.fill(batch)
                ring.markFull()
                if batch.isLast { return }
                index += 1
            }
        }
        thread.name = "sverka.load"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits for the thread to end; afterwards the filler is the caller's again.
    func join() {
        finished.wait()
    }
}
