/// The second stage of name normalization: one Latin spelling for Cyrillic and Latin words, so
/// that "Ромашка", "Romashka" and "Romaschka" compare equal.
///
/// Cyrillic is transliterated letter by letter, then both scripts go through the same
/// reductions that erase the usual differences between transliteration systems (kh/h, ts/c/tz,
/// shch/sch/sh, y/j/i, w/v, x/ks, doubled letters). The result is a comparison key, never shown:
/// it is deliberately lossy.
enum NameSkeleton {
    /// A word's bytes: ASCII for Latin and Cyrillic, UTF-8 for any other script.
    typealias Bytes = [UInt8]

    /// A word in Latin letters, reduced, with doubled letters kept (legal forms are matched on
    /// this form, where "ооо" is not the single letter "o").
    static func word(_ word: NameFolding.Word) -> Bytes {
        var bytes: Bytes = []
        bytes.reserveCapacity(word.count + 4)
        for scalar in word {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if NameFolding.isCyrillic(scalar) {
                bytes.append(contentsOf: cyrillic[Int(value - 0x430)])
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return reduced(bytes, collapsingDoubles: false)
    }

    /// Applies the reductions until nothing changes, so that reducing a result again changes
    /// nothing (the normalizer must be idempotent).
    static func reduced(_ input: Bytes, collapsingDoubles: Bool) -> Bytes {
        var current = input
        while true {
            var (next, changed) = rewrite(current)
            if collapsingDoubles {
                let collapsed = collapseDoubles(next)
                changed = changed || collapsed.count != next.count
                next = collapsed
            }
            if !changed { return current }
            current = next
        }
    }

    /// One left-to-right pass of the rules, digraphs before single letters at each position;
    /// and whether any applied.
    private static func rewrite(_ bytes: Bytes) -> (Bytes, Bool) {
        var out: Bytes = []
        out.reserveCapacity(bytes.count + 2)
        var index = 0
        var changed = false
        while index < bytes.count {
            let consumed = apply(at: index, in: bytes, to: &out)
            if consumed > 0 {
                index += consumed
                changed = true
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return (out, changed)
    }

    private static func ascii(_ text: String) -> Bytes { Array(text.utf8) }

    private static let s = UInt8(ascii: "s"), h = UInt8(ascii: "h"), c = UInt8(ascii: "c"), k = UInt8(ascii: "k")
    private static let i = UInt8(ascii: "i"), v = UInt8(ascii: "v"), f = UInt8(ascii: "f"), t = UInt8(ascii: "t")
    private static let z = UInt8(ascii: "z"), p = UInt8(ascii: "p")

    /// shch, sch → sh; kh → h; ts, tz → c; ph → f; ck → k; x → ks; w → v; q → k; j, y → i.
    /// Appends the replacement and returns how many bytes it replaced, 0 when no rule applies.
    /// A switch on the first byte, appending in place: this runs for every letter of every name.
    private static func apply(at index: Int, in bytes: Bytes, to out: inout Bytes) -> Int {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        switch bytes[index] {
        case s:
            if next == h, index + 3 < bytes.count, bytes[index + 2] == c, bytes[index + 3] == h {
                out.append(s)
                out.append(h)
                return 4
            }
            if next == c, index + 2 < bytes.count, bytes[index + 2] == h {
                out.append(s)
                out.append(h)
                return 3
            }
            return 0
        case k where next == h: out.append(h)
        case t where next == s || next == z: out.append(c)
        case p where next == h: out.append(f)
        case c where next == k: out.append(k)
        case UInt8(ascii: "x"):
            out.append(k)
            out.append(s)
            return 1
        case UInt8(ascii: "w"):
            out.append(v)
            return 1
        case UInt8(ascii: "q"):
            out.append(k)
            return 1
        case UInt8(ascii: "j"), UInt8(ascii: "y"):
            out.append(i)
            return 1
        default: return 0
        }
        return 2
    }

    /// "Кристалл" and "Kristal" are one name; digits are never collapsed ("Ромашка-11" is not
    /// "Ромашка-1"), nor bytes of other scripts.
    static func collapseDoubles(_ bytes: Bytes) -> Bytes {
        var out: Bytes = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if let last = out.last, last == byte, isASCIILetter(byte) { continue }
            out.append(byte)
        }
        return out
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// а…я then ѐ…џ (U+0430…U+045F), in a transliteration close to the passport one; й and ы go
    /// to "i" like и, since writers disagree on them; ъ and ь vanish.
    private static let cyrillic: [Bytes] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sh", "", "i", "", "e", "iu", "ia",
        "e", "e", "d", "g", "e", "s", "i", "i", "j", "l", "n", "c", "k", "i", "u", "dz",
    ].map(ascii)
}
