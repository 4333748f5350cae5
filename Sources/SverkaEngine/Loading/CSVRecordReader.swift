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
        /// Holds doubled quotes, which `CSVRecord.field(_:)` collapses in place.
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

    /// Fields of the current record: `spans[0..<spanCount]`.
    var spans: UnsafeMutablePointer<FieldSpan>
    var spanCapacity = 64
    var spanCount = 0
    /// Where the current record starts in the buffer, and its physical line (1-based).
    var recordStart = 0
    private(set) var recordLine = 0
    /// The physical line the next record starts on.
    var nextLine = 1
    private(set) var skippedBOM = false
    private(set) var sawCRLF = false

    static let chunkSize = 1 << 20
    /// A record may grow the buffer up to this; beyond it a quote is almost surely never closed,
    /// and reading on would hold the rest of the file in memory.
    let maximumRecordBytes: Int

    init(file: CSVInputFile, dialect: CSVDialect, displayPath: String,
         maximumRecordBytes: Int = 256 << 20) throws(Diagnostic) {
        self.file = file
        self.dialect = dialect
        self.displayPath = displayPath
        self.maximumRecordBytes = max(maximumRecordBytes, Self.chunkSize)
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
        classes = .allocate(capacity: 256)
        classes.initialize(from: dialect.byteClasses(), count: 256)
        spans = .allocate(capacity: spanCapacity)
        try skipByteOrderMark()
    }

    deinit {
        buffer.deallocate()
        classes.deallocate()
        spans.deallocate()
    }

    var fieldCount: Int { spanCount }

    /// The current record, as plain pointers for the hot loops.
    var record: CSVRecord {
        CSVRecord(bytes: buffer, spans: spans, count: spanCount, quote: dialect.quote, line: recordLine)
    }

    /// Advances to the next record; nil at the end of the file. Lines with no bytes at all are skipped.
    func nextRecord() throws(Diagnostic) -> CSVRecord? {
        while true {
            switch parseRecord() {
            case .record(let next, let newlines):
                recordLine = nextLine
                nextLine += 1 + newlines
                position = next
                return record
            case .blankLine(let next):
                nextLine += 1
                position = next
            case .endOfFile:
                return nil
            case .needMore(let openQuote):
                try refill(openQuote: openQuote)
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
    private func refill(openQuote: Int? = nil) throws(Diagnostic) {
        // Checked before the record moves, while the offsets still point into it.
        if end - position == capacity, capacity * 2 > maximumRecordBytes {
            throw CSVLoadError.recordTooLong(maximumRecordBytes, quoted: openQuote != nil,
                                             at: location(ofOffset: openQuote ?? position))
        }
        if position > 0 {
            let kept = end - position
            if kept > 0 { memmove(buffer, buffer + position, kept) }  // the regions may overlap
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

    /// Room for more fields than any record so far had.
    func growSpans() -> UnsafeMutablePointer<FieldSpan> {
        let larger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
        larger.initialize(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = larger
        spanCapacity *= 2
        return larger
    }
}

