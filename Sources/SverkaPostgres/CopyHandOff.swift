import Foundation
import NIOCore

/// Carries `COPY` data from the thread producing rows to the task writing them to the server,
/// in chunks of about `chunkSize` bytes, at most `capacity` of them waiting.
///
/// The producing thread blocks while the queue is full; the writing task suspends (never
/// blocks a thread of the concurrency pool) while it is empty.
final class CopyHandOff: @unchecked Sendable {
    static let chunkSize = 64 * 1024
    static let capacity = 4

    /// Why the writer stops asking for data before the producer has finished.
    struct ProducerFailed: Error {}

    // Safe to share: everything below is only touched with `condition` locked.
    private let condition = NSCondition()
    private var chunks: [ByteBuffer] = []
    private var producerDone = false
    private var producerFailed = false
    private var writerGone = false
    private var dataWaiter: CheckedContinuation<Void, Never>?

    // MARK: the producing thread

    /// Queues a chunk once there is room; false when the writer has stopped (the server
    /// refused the data), so the producer should stop too.
    func send(_ chunk: ByteBuffer) -> Bool {
        condition.lock()
        while chunks.count >= Self.capacity && !writerGone { condition.wait() }
        guard !writerGone else {
            condition.unlock()
            return false
        }
        chunks.append(chunk)
        let waiter = dataWaiter
        dataWaiter = nil
        condition.unlock()
        waiter?.resume()
        return true
    }

    /// No more chunks; `failed` when the producer threw, so the copy must be abandoned.
    func finish(failed: Bool) {
        condition.lock()
        producerDone = true
        producerFailed = failed
        let waiter = dataWaiter
        dataWaiter = nil
        condition.unlock()
        waiter?.resume()
    }

    // MARK: the writing task

    /// The next chunk; nil at the end of the data. Throws when the producer failed.
    func next() async throws -> ByteBuffer? {
        while true {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                waitForData(continuation)
            }
            switch try take() {
            case .chunk(let chunk): return chunk
            case .end: return nil
            case .none: continue
            }
        }
    }

    private enum Taken { case chunk(ByteBuffer), end }

    private func waitForData(_ continuation: CheckedContinuation<Void, Never>) {
        condition.lock()
        if chunks.isEmpty && !producerDone {
            dataWaiter = continuation
            condition.unlock()
        } else {
            condition.unlock()
            continuation.resume()
        }
    }

    private func take() throws -> Taken? {
        condition.lock()
        defer { condition.unlock() }
        if producerFailed { throw ProducerFailed() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.signal()
            return .chunk(chunk)
        }
        return producerDone ? .end : nil
    }

    /// The writer has ended, well or not: a producer waiting for room must not wait forever.
    func writerStopped() {
        condition.lock()
        writerGone = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
