import Foundation

/// Hands a load's progress to the caller's callback, with the time since the load started.
struct LoadProgressTicker {
    let callback: (@Sendable (LoadProgress) -> Void)?
    let totalBytes: Int
    let started: UInt64

    init(_ callback: (@Sendable (LoadProgress) -> Void)?, totalBytes: Int, started: UInt64) {
        self.callback = callback
        self.totalBytes = totalBytes
        self.started = started
    }

    @inline(__always)
    func report(pass: Int, rows: Int, bytes: Int) {
        guard let callback else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        callback(LoadProgress(pass: pass, rows: rows, bytes: bytes, totalBytes: totalBytes, elapsed: elapsed))
    }
}
