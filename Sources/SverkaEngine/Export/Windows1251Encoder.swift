/// Windows-1251 (Cyrillic): the byte → character table of its upper half, and the reverse
/// lookup an encoder needs. The lower half is ASCII.
enum Windows1251Encoder {
    /// Characters of bytes 0x80…0xFF; 0 where the code page leaves a byte undefined (0x98).
    static let upperHalf = CyrillicCodePages.windows1251UpperHalf

    /// Every character of the upper half → its byte: 256 entries in all with ASCII, the rest
    /// looked up here.
    private static let reverse: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, code) in upperHalf.enumerated() where code != 0 {
            table[UInt32(code)] = UInt8(0x80 + offset)
        }
        return table
    }()

    /// The byte for a character; nil when Windows-1251 has none.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        // А…я, the bulk of Russian text, sit in one run.
        if (0x0410...0x044F).contains(scalar.value) { return UInt8(scalar.value - 0x0410 + 0xC0) }
        return reverse[scalar.value]
    }
}
