import CSQLite
import Foundation

/// Cancels the statement running on a database from another thread (a Ctrl-C watcher).
///
/// Not for use inside a signal handler itself: it takes a lock, which is not async-signal-safe.
public struct InterruptHandle: Sendable {
    let target: InterruptTarget

    /// Makes the running statement fail with "query interrupted"; does nothing once the database is closed.
    public func interrupt() {
        target.interrupt()
    }
}

/// The connection pointer behind a lock, so an interrupt never reaches a closed connection.
final class InterruptTarget: @unchecked Sendable {
    // Guarded by `lock`: set to nil by the database's deinit before sqlite3_close_v2.
    private var handle: OpaquePointer?
    /// Set by every interrupt, so work outside SQLite (a load's first pass) can notice it too.
    private var requested = false
    private let lock = NSLock()

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    func interrupt() {
        lock.lock()
        defer { lock.unlock() }
        requested = true
        if let handle { sqlite3_interrupt(handle) }
    }

    /// True once interrupt() was called since the last reset.
    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    func resetRequest() {
        lock.lock()
        defer { lock.unlock() }
        requested = false
    }

    func detach() {
        lock.lock()
        defer { lock.unlock() }
        handle = nil
    }
}
