import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide SIGINT state: a flag the prompt reads and a pipe that wakes the watcher.
///
/// The handler does only async-signal-safe work (an atomic store and a `write` to a
/// non-blocking pipe); everything else happens on ordinary threads that read the flag or the pipe.
enum InterruptSignal {
    private static let flagCell = 0
    private static let wakeWriteCell = 1
    private static let wakeReadCell = 2

    /// Shared with the signal handler, so it is plain memory behind C atomics rather than a lock;
    /// allocated once and never freed. Set up before the handler is installed.
    nonisolated(unsafe) private static let cells: UnsafeMutablePointer<Int32> = {
        let cells = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
        cells.initialize(repeating: -1, count: 3)
        cells[flagCell] = 0
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            // A full pipe must never block the handler; the reader end stays blocking.
            _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            cells[wakeReadCell] = ends[0]
            cells[wakeWriteCell] = ends[1]
        }
        return cells
    }()

    private static let installation: Bool = {
        _ = cells
        return sverka_install_sigint_handler { _ in InterruptSignal.handle() } == 0
    }()

    /// Installs the handler once per process; later calls do nothing.
    @discardableResult
    static func install() -> Bool {
        installation
    }

    /// Runs inside the signal handler: only async-signal-safe calls.
    private static func handle() {
        let savedErrno = errno
        sverka_atomic_store(cells + flagCell, 1)
        var byte: UInt8 = 1
        _ = write(sverka_atomic_load(cells + wakeWriteCell), &byte, 1)
        errno = savedErrno
    }

    /// Whether a Ctrl-C arrived since the flag was last cleared.
    static var isPending: Bool {
        sverka_atomic_load(cells + flagCell) != 0
    }

    /// Clears the flag and tells whether it was set.
    @discardableResult
    static func takePending() -> Bool {
        sverka_atomic_exchange(cells + flagCell, 0) != 0
    }

    /// The read end of the wake pipe: one byte per Ctrl-C; -1 if the pipe could not be made.
    static var wakeDescriptor: Int32 {
        sverka_atomic_load(cells + wakeReadCell)
    }
}
