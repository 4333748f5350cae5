/// The text of one script, command line or typed statement, with the name it is reported under
/// (`-c`, `stdin`, a file path) and an index of line starts for rendering positions.
public struct SourceText: Sendable {
    public let name: String
    public let text: String
    public let bytes: [UInt8]
    /// The byte offset at which each line starts, with a first line number of `firstLine`.
    private let lineStarts: [Int]
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        self.firstLine = firstLine
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column (in characters, not bytes) of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).count + 1
        return (low + firstLine, column)
    }

    /// The text of the line (without its newline) that holds a byte offset, and that line's start.
    public func line(containing offset: Int) -> (text: String, start: Int) {
        let (line, _) = position(of: offset)
        let index = line - firstLine
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (String(decoding: bytes[start..<max(start, end)], as: UTF8.self), start)
    }

    /// The source text a span covers.
    public func slice(_ span: Span) -> String {
        let start = min(max(0, span.start), bytes.count)
        let end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
