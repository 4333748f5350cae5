import SverkaSyntax

/// The UTF-8 bytes a record reader parses: the file's own bytes when it is UTF-8, otherwise the
/// file transcoded to UTF-8 chunk by chunk (a table lookup per byte for the single-byte code
/// pages), so the parser and the converters only ever see UTF-8 and memory stays at one chunk.
final class CSVByteSource {
    enum Decoding {
        case utf8
        case singleByte(SingleByteCodePage)
        case utf16(bigEndian: Bool)
    }

    let file: CSVInputFile
    private(set) var decoding: Decoding
    /// Where decoding started: after the byte order mark.
    let start: Int
    /// The file offset just after the last byte read from the file (for progress).
    private(set) var fileOffset: Int

    /// File bytes read but not yet transcoded: `input[inputStart..<inputEnd]`, the first at file offset `inputOffset`.
    private var input: UnsafeMutablePointer<UInt8>
    private var inputCapacity = CSVByteSource.initialInputCapacity
    private static let initialInputCapacity = 256 << 10
    private var inputStart = 0
    private var inputEnd = 0
    private var inputOffset: Int
    private var inputEOF = false

    /// Room `read` needs at least: the longest UTF-8 sequence one input character can become.
    static let minimumRoom = 4

    init(file: CSVInputFile, encoding: TextEncoding, skip: Int) throws(Diagnostic) {
        self.file = file
        start = skip
        fileOffset = skip
        inputOffset = skip
        switch encoding {
        case .utf8: decoding = .utf8
        case .utf16, .utf16LE: decoding = .utf16(bigEndian: false)
        case .utf16BE: decoding = .utf16(bigEndian: true)
        case .windows1251: decoding = .singleByte(.windows1251)
        case .koi8r: decoding = .singleByte(.koi8r)
        }
        input = .allocate(capacity: Self.initialInputCapacity)
        try file.seek(to: skip)
    }

    deinit {
        input.deallocate()
    }

    var displayPath: String { file.displayPath }

    /// Up to `count` UTF-8 bytes (`count` ≥ `minimumRoom`); 0 only at the end of the file.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(Diagnostic) -> Int {
        if case .utf8 = decoding, inputStart == inputEnd {
            let got = try file.read(into: destination, count: count)
            fileOffset += got
            return got
        }
        while true {
            let written = try transcode(into: destination, count: count)
            if written > 0 { return written }
            if inputEOF {
                guard inputStart == inputEnd else { throw truncatedCharacter() }
                return 0
            }
            try refillInput()
        }
    }

    /// Switches a UTF-8 source to a single-byte code page at the first byte that is not UTF-8;
    /// `pending` are the bytes from there on that were already read, to be decoded first.
    /// Only valid while everything before them was ASCII, which reads the same in both.
    func fallBack(to page: SingleByteCodePage, pending: UnsafeBufferPointer<UInt8>) {
        decoding = .singleByte(page)
        // The UTF-8 path reads straight into the reader's buffer, so the input buffer is empty
        // and `pending` are the last bytes read from the file: at most one reader buffer, which
        // may be larger than the input buffer when a single record is huge.
        if pending.count > inputCapacity {
            input.deallocate()
            inputCapacity = pending.count
            input = .allocate(capacity: inputCapacity)
        }
        if let base = pending.baseAddress { input.update(from: base, count: pending.count) }
        inputStart = 0
        inputEnd = pending.count
        inputOffset = fileOffset - pending.count
        inputEOF = false
    }

    private func refillInput() throws(Diagnostic) {
        let kept = inputEnd - inputStart
        if kept > 0, inputStart > 0 { input.update(from: input + inputStart, count: kept) }
        inputOffset += inputStart
        inputStart = 0
        inputEnd = kept
        let got = try file.read(into: input + inputEnd, count: inputCapacity - inputEnd)
        fileOffset += got
        inputEnd += got
        if got == 0 { inputEOF = true }
    }

    private func transcode(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(Diagnostic) -> Int {
        switch decoding {
        case .utf8:
            let moved = min(count, inputEnd - inputStart)
            destination.update(from: input + inputStart, count: moved)
            inputStart += moved
            return moved
        case .singleByte(let page):
            return try transcodeSingleByte(page, into: destination, count: count)
        case .utf16(let bigEndian):
            return try transcodeUTF16(bigEndian: bigEndian, into: destination, count: count)
        }
    }

    private func transcodeSingleByte(_ page: SingleByteCodePage, into destination: UnsafeMutablePointer<UInt8>,
                                     count: Int) throws(Diagnostic) -> Int {
        var read = inputStart
        var written = 0
        let end = inputEnd
        let limit = count - 3
        try page.utf8.withUnsafeBufferPointer { table throws(Diagnostic) in
            while read < end, written <= limit {
                let byte = input[read]
                if byte < 0x80 {
                    destination[written] = byte
                    written += 1
                    read += 1
                    continue
                }
                let entry = table[Int(byte)]
                guard entry != 0 else {
                    inputStart = read
                    throw undefinedByte(byte, page: page, at: inputOffset + read)
                }
                let length = Int(entry >> 24)
                destination[written] = UInt8(truncatingIfNeeded: entry)
                destination[written + 1] = UInt8(truncatingIfNeeded: entry >> 8)
                if length == 3 { destination[written + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
                written += length
                read += 1
            }
        }
        inputStart = read
        return written
    }

    private func transcodeUTF16(bigEndian: Bool, into destination: UnsafeMutablePointer<UInt8>,
                                count: Int) throws(Diagnostic) -> Int {
        var read = inputStart
        var written = 0
        let end = inputEnd
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(input[at]) << 8 | UInt32(input[at + 1]) : UInt32(input[at + 1]) << 8 | UInt32(input[at])
        }
        while end - read >= 2, count - written >= 4 {
            var scalar = unit(read)
            var width = 2
            if scalar >= 0xD800, scalar <= 0xDFFF {
                guard scalar <= 0xDBFF else { throw loneSurrogate(scalar, bigEndian: bigEndian, at: inputOffset + read) }
                guard end - read >= 4 else {
                    if inputEOF { throw loneSurrogate(scalar, bigEndian: bigEndian, at: inputOffset + read) }
                    break  // the low half is in the next chunk
                }
                let low = unit(read + 2)
                guard low >= 0xDC00, low <= 0xDFFF else {
                    throw loneSurrogate(scalar, bigEndian: bigEndian, at: inputOffset + read)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                width = 4
            }
            written += Self.encodeUTF8(scalar, into: destination + written)
            read += width
        }
        inputStart = read
        return written
    }

    @inline(__always)
    private static func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            out[0] = UInt8(scalar)
            return 1
        }
        if scalar < 0x800 {
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        }
        if scalar < 0x10000 {
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        }
        out[0] = UInt8(0xF0 | scalar >> 18)
        out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[3] = UInt8(0x80 | scalar & 0x3F)
        return 4
    }

    // MARK: - Errors

    private var encodingName: String {
        switch decoding {
        case .utf8: return "UTF-8"
        case .singleByte(let page): return page.name
        case .utf16(let bigEndian): return bigEndian ? "UTF-16BE" : "UTF-16LE"
        }
    }

    private func undefinedByte(_ byte: UInt8, page: SingleByteCodePage, at offset: Int) -> Diagnostic {
        Diagnostic("the file is not valid \(page.name): byte \(CSVByteSource.hex(byte)) has no character in it",
                   location: location(ofFileOffset: offset),
                   hints: ["the file may be in another encoding: with (encoding: …) takes \(TextEncoding.namesText)"])
    }

    private func loneSurrogate(_ unit: UInt32, bigEndian: Bool, at offset: Int) -> Diagnostic {
        Diagnostic("the file is not valid \(encodingName): a lone surrogate \(CSVByteSource.hex16(unit)) here",
                   location: location(ofFileOffset: offset),
                   hints: ["a UTF-16 character above U+FFFF is written as two units, D800…DBFF then DC00…DFFF"])
    }

    private func truncatedCharacter() -> Diagnostic {
        Diagnostic("the file is not valid \(encodingName): it ends in the middle of a character",
                   location: location(ofFileOffset: inputOffset + inputStart),
                   hints: ["the file may be cut short, or not \(encodingName) at all"])
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// `0xD83D`: a UTF-16 unit in hex, for messages.
    static func hex16(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
