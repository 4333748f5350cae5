import Foundation

/// Hashes a file on a thread of its own while the loader parses it, so the hash costs no load time
/// on a machine with a second core.
final class FileDigest: @unchecked Sendable {
    // Guarded by `lock`; `done` is signalled once `result` is final.
    private var result: String?
    private var cancelled = false
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    /// Starts hashing the open file in the background. It reads its own duplicate of the
    /// descriptor with pread, so it hashes the very file being parsed and leaves the parser's offset alone.
    static func start(descriptor: Int32) -> FileDigest {
        let digest = FileDigest()
        let own = dup(descriptor)
        let thread = Thread { digest.run(descriptor: own) }
        thread.name = "sverka.digest"
        thread.start()
        return digest
    }

    /// The SHA-256 hex digest; nil when the file could not be read to the end.
    func wait() -> String? {
        done.wait()
        done.signal()  // later waits return at once
        lock.lock()
        defer { lock.unlock() }
        return result
    }

    /// Stops reading early when the load failed and the hash is no longer wanted.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func run(descriptor fd: Int32) {
        defer { done.signal() }
        guard fd >= 0 else { return }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var offset: off_t = 0
        while true {
            let count = pread(fd, buffer, chunk, offset)
            if count < 0, errno == EINTR { continue }
            guard count >= 0, !isCancelled else { return }
            if count == 0 { break }
            offset += off_t(count)
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        let hex = hasher.finalize()
        lock.lock()
        result = hex
        lock.unlock()
    }
}
