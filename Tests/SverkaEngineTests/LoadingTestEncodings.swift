/// Russian text as Windows-1251, KOI8-R and UTF-16 bytes, computed here from the code charts
/// rather than by the loader's tables, so that the tests compare two independent sources.
enum TestEncodings {
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: return UInt8(scalar.value)
            case 0x0410...0x044F: return UInt8(scalar.value - 0x0410 + 0xC0)  // А…я in order
            case 0x0401: return 0xA8  // Ё
            case 0x0451: return 0xB8  // ё
            case 0x00A0: return 0xA0  // no-break space
            case 0x2116: return 0xB9  // №
            case 0x00AB: return 0xAB  // «
            case 0x00BB: return 0xBB  // »
            case 0x2014: return 0x97  // —
            default: return UInt8(ascii: "?")
            }
        }
    }

    /// KOI8-R lays Cyrillic out by the Latin letter it sounds like: small letters from 0xC0,
    /// capitals from 0xE0, in this order.
    private static let koi8Order = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)

    static func koi8r(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            if scalar == "ё" { return 0xA3 }
            if scalar == "Ё" { return 0xB3 }
            if let index = koi8Order.firstIndex(of: scalar) { return UInt8(0xC0 + index) }
            let lower = Character(scalar).lowercased().unicodeScalars.first ?? scalar
            if let index = koi8Order.firstIndex(of: lower) { return UInt8(0xE0 + index) }
            return UInt8(ascii: "?")
        }
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }
}
