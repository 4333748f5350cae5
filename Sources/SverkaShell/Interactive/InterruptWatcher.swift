import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C during a running statement into a call of the statement's interrupt action
/// (SQLite's interrupt), made from a watcher thread, so the query stops and the shell lives on.
///
/// There is one SIGINT per process, so there is one watcher: `InterruptWatcher.shared`.
public final class InterruptWatcher: @unchecked Sendable {
    public static let shared = InterruptWatcher()

    // Guarded by `lock`: the action of the statement running now, nil between statements.
    private var action: (@Sendable () -> Void)?
    private let lock = NSLock()
    private var started = false

    private init() {}

    /// Runs `body` (a statement) with Ctrl-C calling `onInterrupt` from the watcher thread.
    /// Once this returns, `onInterrupt` is never called again. `onInterrupt` must not call
    /// back into the watcher; it runs while the watcher holds its lock.
    public func whileRunning<T>(
        onInterrupt: @escaping @Sendable () -> Void,
        _ body: () throws -> T
    ) rethrows -> T {
        startIfNeeded()
        InterruptSignal.takePending()
        lock.lock()
        // A statement may run others (a script); the outer one's action comes back after.
        let outer = action
        action = onInterrupt
        lock.unlock()
        defer {
            // Taking the lock also waits for an action the watcher is calling right now.
            lock.lock()
            action = outer
            lock.unlock()
        }
        return try body()
    }

    /// Whether Ctrl-C was pressed during the current statement: for Swift loops (a CSV load,
    /// rendering) that SQLite's interrupt cannot reach and that should stop on their own.
    public var isInterruptRequested: Bool {
        InterruptSignal.isPending
    }

    private func startIfNeeded() {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        InterruptSignal.install()
        let descriptor = InterruptSignal.wakeDescriptor
        guard descriptor >= 0 else { return }
        let thread = Thread { [self] in watch(descriptor) }
        thread.name = "sverka-interrupt-watcher"
        thread.start()
    }

    /// The watcher thread: sleeps in `read` until the handler writes a byte.
    private func watch(_ descriptor: Int32) {
        // SIGINT must land on the main thread, where it interrupts libedit's read at the prompt.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &bytes, bytes.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            // Bytes from Ctrl-C at the prompt wait in the pipe until a statement runs; the flag,
            // cleared when the statement began, tells a fresh Ctrl-C from those.
            guard InterruptSignal.isPending else { continue }
            lock.lock()
            let current = action
            current?()
            lock.unlock()
        }
    }
}
