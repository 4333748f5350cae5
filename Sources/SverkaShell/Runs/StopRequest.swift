import Dispatch
import Foundation
import SverkaEngine

/// SIGINT and SIGTERM during an unattended run: the statement running is interrupted (SQLite
/// rolls it back, loaders stop and leave the table as it was), the script stops at that
/// boundary, the run is recorded as interrupted, and the process exits 130 or 143 — so cron,
/// systemd and a person at the terminal all see the conventional codes.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    /// The signal that asked the run to stop, if one did.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Starts listening; `interrupt` is called (on another thread) when a signal arrives.
    public func install(interrupt: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                if self.received == nil { self.received = number }
                self.lock.unlock()
                interrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The conventional exit code for a process stopped by `signal`: 128 + its number.
    public static func exitCode(for signal: Int32) -> Int32 { 128 + signal }

    /// `SIGINT`, `SIGTERM`.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
