import Foundation
import SverkaSyntax

/// Reads a delimited file record by record, in chunks, without building strings.
///
/// It parses UTF-8 from a `CSVByteSource`, which transcodes other encodings on the way in. A
/// record's fields are byte ranges into the read buffer, valid until the next `nextRecord()`.
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

    let source: CSVByteSource
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
    private(set) var sawCRLF = false

    /// The code page to switch to at the first byte that is not UTF-8, as long as everything
    /// before it was ASCII; nil once used, or when the encoding was given or already seen.
    private var fallback: SingleByteCodePage?
    /// The line of the first character that shows the file is UTF-8 (see `UTF8Evidence`): after
    /// it, bytes that are not UTF-8 mean a file of mixed encodings, not one in another encoding.
    var utf8EvidenceLine: Int?
    /// The line where the reader switched to the fallback code page.
    private(set) var fellBackAtLine: Int?
    /// True when the encoding was asked for as UTF-8, for the hint an invalid byte gets.
    let encodingWasGiven: Bool

    static let chunkSize = 1 << 20
    /// A record may grow the buffer up to this; beyond it a quote is almost surely never closed,
    /// and reading on would hold the rest of the file in memory.
    let maximumRecordBytes: Int

    /// A reader of `source`; `fallback` is the code page to switch to when UTF-8 turns out wrong.
    init(source: CSVByteSource, dialect: CSVDialect, displayPath: String, fallback: SingleByteCodePage? = nil,
         encodingWasGiven: Bool = false, maximumRecordBytes: Int = 256 << 20) {
        self.source = source
        self.dialect = dialect
        self.displayPath = displayPath
        self.fallback = fallback
        self.encodingWasGiven = encodingWasGiven
        self.maximumRecordBytes = max(maximumRecordBytes, Self.chunkSize)
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
        classes = .allocate(capacity: 256)
        classes.initialize(from: dialect.byteClasses(), count: 256)
        spans = .allocate(capacity: spanCapacity)
    }

    /// A reader of a UTF-8 file from its start, skipping a byte order mark.
    convenience init(file: CSVInputFile, dialect: CSVDialect, displayPath: String,
                     maximumRecordBytes: Int = 256 << 20) throws(Diagnostic) {
        let bom = try file.bytes(at: 0, count: 3) == [0xEF, 0xBB, 0xBF]
        try self.init(source: CSVByteSource(file: file, encoding: .utf8, skip: bom ? 3 : 0), dialect: dialect,
                      displayPath: displayPath, maximumRecordBytes: maximumRecordBytes)
    }

    deinit {
        buffer.deallocate()
        classes.deallocate()
        spans.deallocate()
    }

    var fieldCount: Int { spanCount }

    /// File bytes read so far, for progress.
    var bytesRead: Int { source.fileOffset }

    /// The current record, as plain pointers for the hot loops.
    var record: CSVRecord {
        CSVRecord(bytes: buffer, spans: spans, count: spanCount, quote: dialect.quote, line: recordLine)
    }

    /// The current record's bytes as they are in the (transcoded) file, without its line end:
    /// what a rejected row keeps. Call before the record's fields are collapsed.
    var rawRecord: UnsafeBufferPointer<UInt8> {
        var stop = position
        while stop > recordStart, buffer[stop - 1] == UInt8(ascii: "\n") || buffer[stop - 1] == UInt8(ascii: "\r") {
            stop -= 1
        }
        return UnsafeBufferPointer(start: buffer + recordStart, count: stop - recordStart)
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
                try notUTF8(at: offset)
            case .textAfterQuote(let offset):
                throw CSVLoadError.textAfterClosingQuote(at: location(ofOffset: offset))
            }
        }
    }

    /// Bytes that are not UTF-8: the file is in the fallback code page when all before was
    /// ASCII (which reads the same in both), else an error that shows the bytes in hex.
    private func notUTF8(at offset: Int) throws(Diagnostic) {
        if let page = fallback, utf8EvidenceLine == nil {
            fellBackAtLine = position(of: offset, recordStart: position, recordLine: nextLine).line
            fallback = nil
            // From the record's start: a pair of its bytes may have passed for UTF-8 by chance.
            source.fallBack(to: page, pending: UnsafeBufferPointer(start: buffer + position, count: end - position))
            end = position
            atEOF = false
            return
        }
        throw CSVLoadError.invalidUTF8(UTF8Validation.hex(buffer, at: offset, end: end), at: location(ofOffset: offset),
                                       utf8Line: utf8EvidenceLine, encodingWasGiven: encodingWasGiven)
    }

    /// Keeps the unfinished record, moves it to the front and reads the next chunk after it.
    private func refill(openQuote: Int? = nil) throws(Diagnostic) {
        let kept = end - position
        // Checked before the record moves, while the offsets still point into it.
        if capacity - kept < CSVByteSource.minimumRoom, capacity * 2 > maximumRecordBytes {
            throw CSVLoadError.recordTooLong(maximumRecordBytes, quoted: openQuote != nil,
                                             at: location(ofOffset: openQuote ?? position))
        }
        if position > 0 {
            if kept > 0 { memmove(buffer, buffer + position, kept) }  // the regions may overlap
            end = kept
            position = 0
        }
        if capacity - end < CSVByteSource.minimumRoom {
            // One record larger than the buffer: grow rather than fail.
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try source.read(into: buffer + end, count: capacity - end)
        if count == 0 { atEOF = true }
        end += count
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
