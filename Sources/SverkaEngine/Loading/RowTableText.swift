/// Text helpers shared by the structured readers.
enum RowTableText {
    /// The offset of the first byte that is not valid UTF-8, or nil when all of them are.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var index = start
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return index }
            index += length
        }
        return nil
    }

    /// Length of a valid multi-byte sequence starting at `offset`, or 0 (no overlongs, no
    /// surrogates, nothing above U+10FFFF, not cut off by the end).
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard offset + length <= bytes.count, (low...high).contains(bytes[offset + 1]) else { return 0 }
        for index in 2..<length where bytes[offset + index] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// `path:line:column` of a byte offset: the physical line (CRLF and a lone CR each end one)
    /// and the character column, both 1-based. Scans from the start; used only for messages.
    static func location(_ path: String, of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let (line, column) = position(of: offset, in: bytes)
        return "\(path):\(line):\(column)"
    }

    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let stop = min(offset, bytes.count)
        while index < stop {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
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

    /// Bytes in hex for a message that must not show mojibake: `0xC8 0xE2`.
    static func hex(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        var parts: [String] = []
        for index in offset..<min(offset + 4, bytes.count) {
            if index > offset, bytes[index] < 0x80 { break }
            let digits = String(bytes[index], radix: 16, uppercase: true)
            parts.append("0x" + (digits.count == 1 ? "0" + digits : digits))
        }
        return parts.joined(separator: " ")
    }
}
