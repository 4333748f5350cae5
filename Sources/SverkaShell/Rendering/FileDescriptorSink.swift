import Foundation

/// A sink that writes text to a file descriptor: stdout, or stderr for messages.
///
/// Stdout is buffered, since a million-row csv would otherwise be a million system calls;
/// call `flush()` after each statement (renderers do when they finish). Stderr is written at
/// once, like C's stderr, so prompts and errors are never held back.
public final class FileDescriptorSink: TextSink {
    private let handle: FileHandle
    private let buffered: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// True once a write failed (a closed pipe); later output is dropped rather than retried.
    public private(set) var failed = false

    public init(fileDescriptor: Int32 = 1) {
        handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        buffered = fileDescriptor != 2
        buffer.reserveCapacity(capacity)
    }

    deinit {
        flush()
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if !buffered || buffer.count >= capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !failed else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failed = true
        }
    }
}
