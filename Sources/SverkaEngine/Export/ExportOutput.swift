import Foundation
import SverkaSyntax

/// A file written through a buffer: text in the export's encoding, or bytes as they are.
/// Memory stays at the buffer's size however many rows pass through.
final class ExportOutput {
    private var descriptor: Int32
    private let displayPath: String
    let encoding: ExportEncoding
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    init(descriptor: Int32, displayPath: String, encoding: ExportEncoding = .utf8) {
        self.descriptor = descriptor
        self.displayPath = displayPath
        self.encoding = encoding
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }

    /// Text known to be ASCII (separators, quotes, XML markup): no encoding can refuse it.
    func write(ascii text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    func write(byte: UInt8) {
        buffer.append(byte)
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends text in the output's encoding; returns the first character it cannot encode
    /// (and writes nothing), else nil.
    func write(_ text: String) -> Unicode.Scalar? {
        encoding.append(text, to: &buffer)
    }

    /// Hands the buffer to the system when it is full; call between rows.
    func flushIfFull() throws(Diagnostic) {
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws(Diagnostic) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Diagnostic("cannot write '\(displayPath)': " + String(cString: strerror(errno)))
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws(Diagnostic) {
        try flush()
        let result = Foundation.close(descriptor)
        descriptor = -1
        if result != 0 {
            throw Diagnostic("cannot write '\(displayPath)': " + String(cString: strerror(errno)))
        }
    }
}
