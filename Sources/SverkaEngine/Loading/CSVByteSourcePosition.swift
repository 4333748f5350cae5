/// Line and column of a byte of the file in its own encoding, for the rare message about bytes
/// that cannot be transcoded: the file is read again from the start up to that byte.
extension CSVByteSource {
    /// `path:line:column`: the physical line (CRLF and a lone CR each end one) and the character
    /// column, both 1-based, as the UTF-8 reader would count them.
    func location(ofFileOffset target: Int) -> String {
        let (line, column) = position(ofFileOffset: target)
        return "\(displayPath):\(line):\(column)"
    }

    func position(ofFileOffset target: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var afterCR = false
        var offset = start
        let unitWidth: Int
        var bigEndian = false
        switch decoding {
        case .utf16(let big):
            unitWidth = 2
            bigEndian = big
        case .utf8, .singleByte:
            unitWidth = 1
        }
        let isUTF8: Bool = { if case .utf8 = decoding { return true } else { return false } }()
        while offset < target {
            guard let chunk = try? file.bytes(at: offset, count: min(1 << 20, target - offset)), !chunk.isEmpty else { break }
            var index = 0
            while index + unitWidth <= chunk.count {
                let unit: UInt32 = unitWidth == 1 ? UInt32(chunk[index])
                    : bigEndian ? UInt32(chunk[index]) << 8 | UInt32(chunk[index + 1])
                    : UInt32(chunk[index + 1]) << 8 | UInt32(chunk[index])
                index += unitWidth
                if unit == 0x0A {
                    if !afterCR { line += 1 }
                    column = 1
                    afterCR = false
                } else if unit == 0x0D {
                    line += 1
                    column = 1
                    afterCR = true
                } else {
                    afterCR = false
                    // Continuation bytes (UTF-8) and low surrogates (UTF-16) belong to the character before.
                    let continues = isUTF8 ? unit & 0xC0 == 0x80 : unitWidth == 2 && (0xDC00...0xDFFF).contains(unit)
                    if !continues { column += 1 }
                }
            }
            offset += index
            if index == 0 { break }
        }
        return (line, column)
    }
}
