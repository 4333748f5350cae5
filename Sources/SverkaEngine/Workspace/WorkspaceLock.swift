import Foundation
import SverkaSyntax

/// Keeps two unattended runs from writing one workspace at once: an exclusive `flock` on the
/// workspace file, held for the whole run. flock and SQLite's own (fcntl) locks do not interact
/// on Linux, so SQLite keeps working inside the run; the lock is released by the kernel when the
/// process ends, even by SIGKILL, so a crashed run never leaves a stale lock behind.
public final class WorkspaceLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock, waiting up to `wait` seconds (0: do not wait) for the run holding it.
    /// `holder` describes who holds it, for the error; it is asked only on failure.
    public static func acquire(path: String, wait: Double, holder: () -> String?) throws(Diagnostic) -> WorkspaceLock {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic("cannot open '\(path)' to lock it: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let code = errno
                close(descriptor)
                if code != EWOULDBLOCK {
                    throw Diagnostic("cannot lock '\(path)': \(String(cString: strerror(code)))")
                }
                let who = holder().map { " by \($0)" } ?? " by another sverka"
                var diagnostic = Diagnostic("the workspace '\(path)' is in use\(who)")
                diagnostic = wait > 0
                    ? diagnostic.hint("waited \(Self.seconds(wait)); wait longer with --wait SECONDS, or run later")
                    : diagnostic.hint("wait for it with --wait SECONDS (e.g. --wait 600), or run later")
                throw diagnostic.hint("two runs never write one workspace at once")
            }
            usleep(100_000)
        }
        return WorkspaceLock(descriptor: descriptor)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
