import Foundation

/// Runs async postgres-nio work for the shell's synchronous thread and blocks it until done.
///
/// Never call it from a task or an event loop: it parks the calling thread, which must be one
/// the concurrency runtime does not need (the shell's main thread, a test's thread).
enum BlockingWait {
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let outcome = Outcome<T>()
        Task {
            do {
                outcome.complete(.success(try await operation()))
            } catch {
                outcome.complete(.failure(error))
            }
        }
        return outcome.wait()
    }
}

/// One result, set by a task and awaited by a thread.
final class Outcome<T: Sendable>: @unchecked Sendable {
    // Safe to share: `result` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    func complete(_ value: Result<T, any Error>) {
        condition.lock()
        result = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Result<T, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            // Not `wait(until: .distantFuture)`: Foundation on Linux traps converting it.
            condition.wait()
        }
    }

    /// The result, or nil when it has not come by `deadline`.
    func wait(before deadline: Date) -> Result<T, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            if !condition.wait(until: deadline) { return result }
        }
    }
}
