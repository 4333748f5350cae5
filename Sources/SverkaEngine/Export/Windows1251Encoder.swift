/// Windows-1251 (Cyrillic): the byte → character table of its upper half, and the reverse
/// lookup an encoder needs. The lower half is ASCII.
enum Windows1251Encoder {
    /// Characters of bytes 0x80…0xFF; 0 where the code page leaves a byte undefined (0x98).
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, // 80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F, // 88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90
        0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, // 98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, // A0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, // A8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, // B0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, // B8
    ] + (0x0410...0x044F).map { UInt16($0) } // C0…FF: А…я in order

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
