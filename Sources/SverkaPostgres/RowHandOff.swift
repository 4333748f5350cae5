import Foundation

/// Carries a result from the task reading it to the thread that called `query`, a few batches
/// at a time, so that a result of millions of rows never sits in memory at once.
///
/// The reading task suspends (it never blocks a thread of the concurrency pool) while the queue
/// is full; the calling thread blocks while it is empty.
final class RowHandOff: @unchecked Sendable {
    enum Event {
        case columns([PostgresResultColumn])
        case rows([[String?]])
        case finished((any Error)?)
    }

    /// Rows per batch: large enough that locking costs nothing, small enough to stay cheap.
    static let batchSize = 1000
    /// Batches waiting at most; the reader stops asking the server for more until there is room.
    static let capacity = 4

    // Safe to share: everything below is only touched with `condition` locked.
    private let condition = NSCondition()
    private var events: [Event] = []
    private var waitingBatches = 0
    private var abandoned = false
    private var isFinished = false
    private var roomWaiter: CheckedContinuation<Void, Never>?

    // MARK: the reading task

    func deliver(columns: [PostgresResultColumn]) {
        append(.columns(columns))
    }

    /// Queues a batch once there is room; false when the caller no longer wants rows.
    func deliver(rows: [[String?]]) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waitForRoom(continuation)
        }
        return enqueue(rows)
    }

    private func waitForRoom(_ continuation: CheckedContinuation<Void, Never>) {
        condition.lock()
        if abandoned || waitingBatches < Self.capacity {
            condition.unlock()
            continuation.resume()
        } else {
            roomWaiter = continuation
            condition.unlock()
        }
    }

    private func enqueue(_ rows: [[String?]]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !abandoned else { return false }
        waitingBatches += 1
        events.append(.rows(rows))
        condition.signal()
        return true
    }

    /// The last event: nil when the result was read to its end.
    func finish(_ error: (any Error)?) {
        append(.finished(error))
    }

    private func append(_ event: Event) {
        condition.lock()
        if case .finished = event { isFinished = true }
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    // MARK: the calling thread

    func next() -> Event {
        condition.lock()
        while events.isEmpty { condition.wait() }
        let event = events.removeFirst()
        var waiter: CheckedContinuation<Void, Never>?
        if case .rows = event {
            waitingBatches -= 1
            waiter = roomWaiter
            roomWaiter = nil
        }
        condition.unlock()
        waiter?.resume()
        return event
    }

    /// The caller wants no more rows: drops what is queued and wakes the reader so that it stops.
    func abandon() {
        condition.lock()
        abandoned = true
        events.removeAll()
        waitingBatches = 0
        let waiter = roomWaiter
        roomWaiter = nil
        condition.unlock()
        waiter?.resume()
    }

    /// Waits until the reader has stopped.
    func waitUntilFinished() {
        condition.lock()
        while !isFinished { condition.wait() }
        condition.unlock()
    }
}
