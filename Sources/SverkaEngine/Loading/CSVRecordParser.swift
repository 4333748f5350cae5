/// The scanner proper: one record out of the buffer, RFC 4180 with a few tolerances
/// (a lone CR ends a line; a quote inside an unquoted field is kept as text).
extension CSVRecordReader {
    enum ParseOutcome {
        case record(next: Int, newlines: Int)
        case blankLine(next: Int)
        case endOfFile
        /// The record runs past the buffered bytes: refill and parse it again from its start.
        /// `openQuote` is where a quoted field still open at the end of the bytes began.
        case needMore(openQuote: Int?)
        case unterminatedQuote(Int)
        case invalidUTF8(Int)
        case textAfterQuote(Int)
    }

    /// How a field ended.
    private enum Terminator {
        case separator(next: Int)
        case endOfRecord(next: Int)
    }

    func parseRecord() -> ParseOutcome {
        let start = position
        let end = self.end
        let eof = atEOF
        let bytes = buffer
        if start >= end { return eof ? .endOfFile : .needMore(openQuote: nil) }
        // A line with no bytes: skipped, never a record.
        if bytes[start] == UInt8(ascii: "\n") { return .blankLine(next: start + 1) }
        if bytes[start] == UInt8(ascii: "\r") {
            if start + 1 < end { return .blankLine(next: bytes[start + 1] == UInt8(ascii: "\n") ? start + 2 : start + 1) }
            return eof ? .blankLine(next: start + 1) : .needMore(openQuote: nil)
        }

        // Locals, so the per-byte loop reads no class state.
        let classes = self.classes
        let quote = dialect.quote
        let separator = dialect.separator
        var fields = spans
        var capacity = spanCapacity
        var count = 0
        defer { spanCount = count }
        recordStart = start
        var p = start
        var newlines = 0
        while true {
            let terminator: Terminator
            if count == capacity {
                fields = growSpans()
                capacity = spanCapacity
            }
            if p < end, bytes[p] == quote {
                let open = p
                p += 1
                let inner = p
                var escaped = false
                scan: while true {
                    guard p < end else { return eof ? .unterminatedQuote(open) : .needMore(openQuote: open) }
                    let byteClass = classes[Int(bytes[p])]
                    switch byteClass {
                    case ByteClass.plain, ByteClass.separator:
                        p += 1
                    case ByteClass.quote:
                        if p + 1 < end {
                            guard bytes[p + 1] == quote else { break scan }
                            escaped = true
                            p += 2
                        } else if eof {
                            break scan
                        } else {
                            return .needMore(openQuote: open)
                        }
                    case ByteClass.lineFeed:
                        newlines += 1
                        p += 1
                    case ByteClass.carriageReturn:
                        guard p + 1 < end || eof else { return .needMore(openQuote: open) }
                        if p + 1 == end || bytes[p + 1] != UInt8(ascii: "\n") { newlines += 1 }
                        p += 1
                    default:
                        let length = UTF8Validation.sequenceLength(bytes, at: p, end: end)
                        if length > 0 {
                            if utf8EvidenceLine == nil,
                               UTF8Evidence.isEvidence(bytes, at: p, length: length, afterNonASCII: p > start && bytes[p - 1] >= 0x80) {
                                utf8EvidenceLine = nextLine
                            }
                            p += length
                        } else if length == 0, !eof {
                            return .needMore(openQuote: open)
                        } else {
                            return .invalidUTF8(p)
                        }
                    }
                }
                (fields + count).initialize(to: FieldSpan(start: inner, end: p, quoted: true, escaped: escaped))
                count += 1
                p += 1  // the closing quote
                guard let after = terminate(at: p, in: bytes, end: end, eof: eof, separator: separator) else {
                    // Only a CR at the very end of the buffer is undecided; anything else is misplaced text.
                    if p < end, bytes[p] != UInt8(ascii: "\r") { return .textAfterQuote(p) }
                    return .needMore(openQuote: nil)
                }
                terminator = after
            } else {
                let fieldStart = p
                scan: while p < end {
                    let byteClass = classes[Int(bytes[p])]
                    switch byteClass {
                    case ByteClass.plain, ByteClass.quote:
                        p += 1
                    case ByteClass.nonASCII:
                        let length = UTF8Validation.sequenceLength(bytes, at: p, end: end)
                        if length > 0 {
                            if utf8EvidenceLine == nil,
                               UTF8Evidence.isEvidence(bytes, at: p, length: length, afterNonASCII: p > start && bytes[p - 1] >= 0x80) {
                                utf8EvidenceLine = nextLine
                            }
                            p += length
                        } else if length == 0, !eof {
                            return .needMore(openQuote: nil)
                        } else {
                            return .invalidUTF8(p)
                        }
                    default:
                        break scan
                    }
                }
                guard p < end || eof else { return .needMore(openQuote: nil) }
                (fields + count).initialize(to: FieldSpan(start: fieldStart, end: p, quoted: false, escaped: false))
                count += 1
                guard let after = terminate(at: p, in: bytes, end: end, eof: eof, separator: separator) else {
                    return .needMore(openQuote: nil)
                }
                terminator = after
            }
            switch terminator {
            case .separator(let next):
                p = next
            case .endOfRecord(let next):
                return .record(next: next, newlines: newlines)
            }
        }
    }

    /// What follows a field: a separator, a line end, or the end of the file. nil when the bytes
    /// there are something else, or when more input is needed to tell.
    @inline(__always)
    private func terminate(at p: Int, in bytes: UnsafeMutablePointer<UInt8>, end: Int, eof: Bool,
                           separator: UInt8) -> Terminator? {
        guard p < end else { return eof ? .endOfRecord(next: p) : nil }
        let byte = bytes[p]
        if byte == separator { return .separator(next: p + 1) }
        if byte == UInt8(ascii: "\n") { return .endOfRecord(next: p + 1) }
        guard byte == UInt8(ascii: "\r") else { return nil }
        guard p + 1 < end else { return eof ? .endOfRecord(next: p + 1) : nil }
        if bytes[p + 1] == UInt8(ascii: "\n") {
            if !sawCRLF { noteLineEnding(crlf: true) }
            return .endOfRecord(next: p + 2)
        }
        return .endOfRecord(next: p + 1)
    }
}
