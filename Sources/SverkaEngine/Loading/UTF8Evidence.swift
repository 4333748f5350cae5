/// Whether a valid UTF-8 sequence shows that a file really is UTF-8.
///
/// Windows-1251 text is almost never valid UTF-8, but now and then two of its bytes happen to
/// be: a capital letter before ё, », № or a no-break space (`Фё`, `С»` in `ООО «…С»`). Real UTF-8
/// shows itself otherwise: Cyrillic letters (lead byte D0 or D1) with any other second byte,
/// sequences of three or four bytes, or two non-ASCII characters in a row.
enum UTF8Evidence {
    @inline(__always)
    static func isEvidence(_ bytes: UnsafePointer<UInt8>, at offset: Int, length: Int, afterNonASCII: Bool) -> Bool {
        if length >= 3 || afterNonASCII { return true }
        let lead = bytes[offset]
        guard lead == 0xD0 || lead == 0xD1 else { return false }
        switch bytes[offset + 1] {
        case 0xA0, 0xA8, 0xB8, 0xB9, 0xBB: return false  // Windows-1251 NBSP, Ё, ё, №, » after Р or С
        default: return true
        }
    }
}
