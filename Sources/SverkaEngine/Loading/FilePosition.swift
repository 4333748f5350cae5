/// Physical line and character column of a byte in the current record, computed only for messages.
extension CSVRecordReader {
    /// `path:line:column` of a byte in the record being parsed (the one after the current record).
    func location(ofOffset offset: Int) -> String {
        let (line, column) = position(of: offset, recordStart: recordStart, recordLine: nextLine)
        return "\(displayPath):\(line):\(column)"
    }

    /// `path:line:column` of the first character of a field of the current record (its opening quote, if quoted).
    func location(ofField index: Int) -> String {
        let span = spans[index]
        return location(ofRecordOffset: span.quoted ? span.start - 1 : span.start)
    }

    /// `path:line:column` of any byte of the current record, e.g. where it ends.
    func location(ofRecordOffset offset: Int) -> String {
        let (line, column) = position(of: offset, recordStart: recordStart, recordLine: recordLine)
        return "\(displayPath):\(line):\(column)"
    }

    /// Where the current record's last field ends: where a missing field would have been.
    var endOfRecordOffset: Int {
        guard spanCount > 0 else { return recordStart }
        let last = spans[spanCount - 1]
        return last.quoted ? last.end + 1 : last.end
    }

    /// Records begin at line starts, so counting from the record's start is enough. Columns count
    /// characters (Unicode scalars), 1-based; CRLF and a lone CR each end one line.
    func position(of offset: Int, recordStart: Int, recordLine: Int) -> (line: Int, column: Int) {
        var line = recordLine
        var column = 1
        var index = recordStart
        while index < offset {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 >= end || buffer[index + 1] != UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
