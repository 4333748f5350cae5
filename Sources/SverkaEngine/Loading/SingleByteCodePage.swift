/// A single-byte Cyrillic code page as a 256-entry table of ready-made UTF-8: each entry packs
/// up to three UTF-8 bytes in its low 24 bits and their count in the top 8, so transcoding is
/// one lookup and one to three stores per byte.
struct SingleByteCodePage: Sendable {
    let name: String
    /// Entry 0 marks a byte the code page leaves undefined (0x98 in Windows-1251).
    let utf8: [UInt32]

    init(name: String, upperHalf: [UInt16]) {
        self.name = name
        var table = (0..<128).map { UInt32($0) | 1 << 24 }
        for code in upperHalf {
            table.append(code == 0 ? 0 : SingleByteCodePage.pack(UInt32(code)))
        }
        utf8 = table
    }

    /// The UTF-8 bytes of a BMP character, packed: little-endian bytes, count in the top byte.
    private static func pack(_ scalar: UInt32) -> UInt32 {
        if scalar < 0x80 { return scalar | 1 << 24 }
        if scalar < 0x800 {
            return (0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8 | 2 << 24
        }
        return (0xE0 | scalar >> 12) | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16 | 3 << 24
    }

    static func table(for encoding: TextEncoding) -> SingleByteCodePage? {
        switch encoding {
        case .windows1251: return windows1251
        case .koi8r: return koi8r
        default: return nil
        }
    }

    /// Windows-1251 (what 1C and Russian Excel write); 0x98 is undefined.
    static let windows1251 = SingleByteCodePage(name: "Windows-1251", upperHalf: CyrillicCodePages.windows1251UpperHalf)

    /// KOI8-R (older Unix mail and some bank systems); every byte is defined.
    static let koi8r = SingleByteCodePage(name: "KOI8-R", upperHalf: [
        0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, // 80
        0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590, // 88
        0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, // 90
        0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, // 98
        0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, // A0
        0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E, // A8
        0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, // B0
        0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9, // B8
        0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, // C0
        0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, // C8
        0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, // D0
        0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A, // D8
        0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, // E0
        0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, // E8
        0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, // F0
        0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A, // F8
    ])
}
