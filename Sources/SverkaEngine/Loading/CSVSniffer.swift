import SverkaSyntax

/// How to read a file, decided from its first bytes before any record is parsed.
struct CSVFileShape {
    /// The encoding to transcode from (never `.utf16`: the byte order is resolved).
    var encoding: TextEncoding
    /// Bytes of a byte order mark to skip.
    var byteOrderMark: Int
    /// The code page a UTF-8 reading falls back to at the first byte that is not UTF-8.
    var fallback: SingleByteCodePage?
    var encodingNote: LoadNote
    var separator: UInt8
    var separatorNote: LoadNote
}

/// Reads the first 64 KiB of a file to settle its encoding (byte order mark, the option, zero
/// bytes of UTF-16, bytes that are not UTF-8) and its separator (the candidate that splits the
/// first rows into equally many fields).
enum CSVSniffer {
    static let sampleSize = 64 << 10
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static func sniff(_ file: CSVInputFile, options: LoadOptions, path: String) throws(Diagnostic) -> CSVFileShape {
        let sample = try file.bytes(at: 0, count: sampleSize)
        let whole = sample.count == file.size
        var shape = try encoding(of: sample, whole: whole, requested: options.encoding, path: path)
        let text = sniffText(sample.dropFirst(shape.byteOrderMark), encoding: shape.encoding)
        (shape.separator, shape.separatorNote) = separator(in: text, whole: whole, options: options, path: path)
        return shape
    }

    // MARK: - Encoding

    private static func encoding(of sample: [UInt8], whole: Bool, requested: TextEncoding?,
                                 path: String) throws(Diagnostic) -> CSVFileShape {
        var shape = CSVFileShape(encoding: .utf8, byteOrderMark: 0, fallback: nil, encodingNote: LoadNote("encoding: UTF-8"),
                                 separator: UInt8(ascii: ","), separatorNote: LoadNote("separator: ','"))
        let mark = byteOrderMark(sample)
        if let requested {
            try check(mark, against: requested, path: path)
            shape.encoding = requested == .utf16 ? (mark?.encoding ?? .utf16LE) : requested
            shape.byteOrderMark = mark?.length ?? 0
            shape.encodingNote = LoadNote("encoding: \(shape.encoding.displayName) (as requested)"
                                          + (mark == nil ? "" : ", byte order mark skipped"))
            return shape
        }
        if let mark {
            shape.encoding = mark.encoding
            shape.byteOrderMark = mark.length
            shape.encodingNote = mark.encoding == .utf8 ? LoadNote("encoding: UTF-8 (byte order mark skipped)")
                : .notable("encoding: \(mark.encoding.displayName) (from its byte order mark)")
            return shape
        }
        if let utf16 = utf16WithoutMark(sample) {
            shape.encoding = utf16
            shape.encodingNote = .notable("encoding: \(utf16.displayName) (no byte order mark; its zero bytes say so)"
                                          + "; to read it otherwise: with (encoding: …)")
            return shape
        }
        let scan = utf8Scan(sample, whole: whole)
        if let offset = scan.firstInvalid, scan.evidence == 0 {
            let line = sample[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            shape.encoding = .windows1251
            shape.encodingNote = windows1251Note(line: line)
        } else if scan.evidence == 0 {
            // Nothing shows UTF-8 yet: a later byte that is not UTF-8 still means Windows-1251.
            shape.fallback = .windows1251
        }
        return shape
    }

    /// The note when bytes that are not UTF-8 made the load read Windows-1251.
    static func windows1251Note(line: Int) -> LoadNote {
        .notable("encoding: Windows-1251 (detected: line \(line) is not UTF-8); if it is KOI8-R: with (encoding: \"koi8-r\")")
    }

    private struct Mark: Equatable {
        var encoding: TextEncoding
        var length: Int
    }

    private static func byteOrderMark(_ sample: [UInt8]) -> Mark? {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return Mark(encoding: .utf8, length: 3) }
        if sample.starts(with: [0xFF, 0xFE]) { return Mark(encoding: .utf16LE, length: 2) }
        if sample.starts(with: [0xFE, 0xFF]) { return Mark(encoding: .utf16BE, length: 2) }
        return nil
    }

    /// A byte order mark that contradicts the requested encoding is an error, not a guess.
    private static func check(_ mark: Mark?, against requested: TextEncoding, path: String) throws(Diagnostic) {
        guard let mark else { return }
        let fits = mark.encoding == requested || (requested == .utf16 && mark.encoding.isUTF16)
        guard !fits else { return }
        throw Diagnostic("'\(path)' starts with a \(mark.encoding.displayName) byte order mark, but encoding: \"\(requested)\" was asked for",
                         location: "\(path):1:1",
                         hints: ["leave the encoding out to read it as \(mark.encoding.displayName)"])
    }

    /// UTF-16 without a byte order mark: one byte of each pair is mostly zero in Latin and digits.
    private static func utf16WithoutMark(_ sample: [UInt8]) -> TextEncoding? {
        let pairs = min(sample.count, 1024) / 2
        guard pairs >= 2 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for pair in 0..<pairs {
            if sample[2 * pair] == 0 { evenZeros += 1 }
            if sample[2 * pair + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 10 >= pairs * 3, evenZeros * 20 < pairs { return .utf16LE }
        if evenZeros * 10 >= pairs * 3, oddZeros * 20 < pairs { return .utf16BE }
        return nil
    }

    /// What the sample's non-ASCII bytes are: valid UTF-8 sequences, those among them that show
    /// the file is UTF-8 (see `UTF8Evidence`), and the first byte that is not UTF-8. A sequence
    /// cut by the end of a partial sample counts as neither.
    private struct UTF8Scan {
        var valid = 0
        var evidence = 0
        var firstInvalid: Int?
    }

    /// Windows-1251 is the reading when some bytes are not UTF-8 and nothing shows UTF-8 text;
    /// UTF-8 text together with other bytes is a file of mixed encodings, reported as an error.
    private static func utf8Scan(_ sample: [UInt8], whole: Bool) -> UTF8Scan {
        sample.withUnsafeBufferPointer { bytes -> UTF8Scan in
            var scan = UTF8Scan()
            guard let base = bytes.baseAddress else { return scan }
            var index = 0
            var afterNonASCII = false
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                    afterNonASCII = false
                    continue
                }
                let length = UTF8Validation.sequenceLength(base, at: index, end: bytes.count)
                if length > 0 {
                    scan.valid += 1
                    if UTF8Evidence.isEvidence(base, at: index, length: length, afterNonASCII: afterNonASCII) { scan.evidence += 1 }
                    afterNonASCII = true
                    index += length
                } else if length == 0, !whole {
                    break
                } else {
                    if scan.firstInvalid == nil { scan.firstInvalid = index }
                    afterNonASCII = false
                    index += 1
                }
            }
            return scan
        }
    }

    /// The sample as bytes the separator count can read: ASCII-compatible encodings as they are.
    private static func sniffText(_ bytes: ArraySlice<UInt8>, encoding: TextEncoding) -> [UInt8] {
        guard encoding.isUTF16 else { return Array(bytes) }
        let bigEndian = encoding == .utf16BE
        var text: [UInt8] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let high = bigEndian ? bytes[index] : bytes[index + 1]
            let low = bigEndian ? bytes[index + 1] : bytes[index]
            // Only ASCII matters for quotes, line ends and separators; the rest stands in as 'x'.
            text.append(high == 0 && low < 0x80 ? low : UInt8(ascii: "x"))
            index += 2
        }
        return text
    }
}
