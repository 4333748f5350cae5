/// The fields of the record just read, as plain pointers into the reader's buffer: the hot loops
/// read them without touching the reader. Valid until the reader's next `nextRecord()`.
struct CSVRecord {
    let bytes: UnsafeMutablePointer<UInt8>
    let spans: UnsafeMutablePointer<CSVRecordReader.FieldSpan>
    let count: Int
    let quote: UInt8
    /// The physical line the record starts on, 1-based.
    let line: Int

    /// The field's bytes as they are in the file (doubled quotes not collapsed); enough for
    /// inference, since a value holding a quote is text whatever else it holds.
    @inline(__always)
    func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: bytes + span.start, count: span.end - span.start)
    }

    /// The field's value with doubled quotes collapsed. Collapsing happens in place and pads the
    /// field's unused tail with spaces, so the positions of later fields stay exact.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        guard span.escaped else { return UnsafeBufferPointer(start: bytes + span.start, count: span.end - span.start) }
        var write = span.start
        var read = span.start
        while read < span.end {
            bytes[write] = bytes[read]
            read += bytes[read] == quote ? 2 : 1
            write += 1
        }
        for padding in write..<span.end { bytes[padding] = UInt8(ascii: " ") }
        spans[index].end = write
        spans[index].escaped = false
        return UnsafeBufferPointer(start: bytes + span.start, count: write - span.start)
    }

    /// True when the field was written in quotes: `""` is empty text, an empty field is null.
    @inline(__always)
    func isQuoted(_ index: Int) -> Bool { spans[index].quoted }

    /// The value as text for a message, without changing the buffer.
    func text(_ index: Int) -> String {
        let span = spans[index]
        var value: [UInt8] = []
        var read = span.start
        while read < span.end {
            value.append(bytes[read])
            read += span.escaped && bytes[read] == quote ? 2 : 1
        }
        return String(decoding: value, as: UTF8.self)
    }
}
