/// UTF-8 checks at the byte level, so invalid input is reported with its position rather than
/// decoded into replacement characters.
enum UTF8Validation {
    /// Length of the multi-byte sequence that starts at `bytes[offset]` (a byte ≥ 0x80):
    /// 2…4 when valid, 0 when it is cut off by `end` (more input may complete it), -1 when invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafePointer<UInt8>, at offset: Int, end: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0  // no overlong forms
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F  // no surrogates
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
        default: return -1
        }
        guard offset + 1 < end else { return 0 }
        let second = bytes[offset + 1]
        guard second >= low, second <= high else { return -1 }
        var index = 2
        while index < length {
            guard offset + index < end else { return 0 }
            guard bytes[offset + index] & 0xC0 == 0x80 else { return -1 }
            index += 1
        }
        return length
    }

    /// The offending bytes in hex, for a message that must not show mojibake: `0xC8 0xE2`.
    static func hex(_ bytes: UnsafePointer<UInt8>, at offset: Int, end: Int) -> String {
        let count = min(4, end - offset)
        var parts: [String] = []
        for index in 0..<count {
            let byte = bytes[offset + index]
            if index > 0, byte < 0x80 { break }
            let digits = String(byte, radix: 16, uppercase: true)
            parts.append("0x" + (digits.count == 1 ? "0" + digits : digits))
        }
        return parts.joined(separator: " ")
    }
}
