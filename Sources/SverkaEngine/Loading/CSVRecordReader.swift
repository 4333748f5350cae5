import Foundation
import SverkaSyntax

/// Reads a delimited UTF-8 file record by record, in chunks, without building strings.
///
/// A record's fields are byte ranges into the read buffer, valid until the next `nextRecord()`.
/// Memory stays at one chunk (1 MiB) unless a single record is larger.
final class CSVRecordReader {
    /// One field of the current record: the bytes between the quotes for a quoted field.
    struct FieldSpan {
        var start: Int
        var end: Int
        var quoted: Bool
        /// Holds doubled quotes that `field(_:)` collapses in place.
        var escaped: Bool
    }

    let file: CSVInputFile
    let dialect: CSVDialect
    /// The name used in locations (`deals.csv:12:5`): the path as the user wrote it.
    let displayPath: String

    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    /// Valid bytes are `buffer[0..<end]`; the next record starts at `position`.
    var end = 0
    var position = 0
    var atEOF = false
    let classes: UnsafeMutablePointer<UInt8>

    /// Fields of the current record.
    var spans: [FieldSpan] = []
    /// Where the current record starts in the buffer, and its physical line (1-based).
    var recordStart = 0
    private(set) var recordLine = 0
    /// The physical line the next record starts on.
    var nextLine = 1
    private(set) var skippedBOM = false
    private(set) var sawCRLF = false

    static let chunkSize = 1 << 20

    init(file: CSVInputFile, dialect: CSVDialect, displayPath: String) throws(Diagnostic) {
        self.file = file
        self.dialect = dialect
        self.displayPath = displayPath
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
        classes = .allocate(capacity: 256)
        classes.initialize(from: dialect.byteClasses(), count: 256)
        spans.reserveCapacity(64)
        try skipByteOrderMark()
    }

    deinit {
        buffer.deallocate()
        classes.deallocate()
    }

    var fieldCount: Int { spans.count }

    /// The field's bytes with doubled quotes collapsed. Collapsing happens in place and pads the
    /// field's unused tail with spaces, so positions of later fields stay exact.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        if span.escaped {
            var write = span.start
            var read = span.start
            while read < span.end {
                buffer[write] = buffer[read]
                read += buffer[read] == dialect.quote ? 2 : 1
                write += 1
            }
            for padding in write..<span.end { buffer[padding] = UInt8(ascii: " ") }
            spans[index].end = write
            spans[index].escaped = false
            return UnsafeBufferPointer(start: buffer + span.start, count: write - span.start)
        }
        return UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start)
    }

    /// The field as text for a message, without changing the buffer.
    func fieldText(_ index: Int) -> String {
        let span = spans[index]
        let raw = String(decoding: UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start), as: UTF8.self)
        return span.escaped ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// Advances to the next record; false at the end of the file. Lines with no bytes at all are skipped.
    func nextRecord() throws(Diagnostic) -> Bool {
        while true {
            switch parseRecord() {
            case .record(let next, let newlines):
                recordLine = nextLine
                nextLine += 1 + newlines
                position = next
                return true
            case .blankLine(let next):
                nextLine += 1
                position = next
            case .endOfFile:
                return false
            case .needMore:
                try refill()
            case .unterminatedQuote(let offset):
                throw CSVLoadError.unterminatedQuote(at: location(ofOffset: offset))
            case .invalidUTF8(let offset):
                throw CSVLoadError.invalidUTF8(UTF8Validation.hex(buffer, at: offset, end: end),
                                               at: location(ofOffset: offset))
            case .textAfterQuote(let offset):
                throw CSVLoadError.textAfterClosingQuote(at: location(ofOffset: offset))
            }
        }
    }

    /// Keeps the unfinished record, moves it to the front and reads the next chunk after it.
    private func refill() throws(Diagnostic) {
        if position > 0 {
            let kept = end - position
            if kept > 0 { buffer.update(from: buffer + position, count: kept) }
            end = kept
            position = 0
        }
        if end == capacity {
            // One record larger than the buffer: grow rather than fail.
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try file.read(into: buffer + end, count: capacity - end)
        if count == 0 { atEOF = true }
        end += count
    }

    private func skipByteOrderMark() throws(Diagnostic) {
        while end < 3, !atEOF { try refill() }
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            skippedBOM = true
        }
    }

    func noteLineEnding(crlf: Bool) {
        if crlf { sawCRLF = true }
    }
}

extension CSVRecordReader {
    /// The field's bytes as they are in the file (doubled quotes not collapsed); enough for
    /// inference, since a value holding a quote is text whatever else it holds.
    @inline(__always)
    func rawField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start)
    }
}
