/// The words a bool column may hold, in any case: true/false, yes/no, да/нет. `1` and `0`
/// are numbers unless a column is asked to be bool.
enum BoolWords {
    /// Which pairs a column used, for its note.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let trueFalse = Kinds(rawValue: 1)
        static let yesNo = Kinds(rawValue: 2)
        static let daNet = Kinds(rawValue: 4)

        var text: String {
            var words: [String] = []
            if contains(.trueFalse) { words.append("true/false") }
            if contains(.yesNo) { words.append("yes/no") }
            if contains(.daNet) { words.append("да/нет") }
            return words.joined(separator: ", ")
        }
    }

    private static let words: [([UInt8], Bool, Kinds)] = [
        (Array("true".utf8), true, .trueFalse), (Array("false".utf8), false, .trueFalse),
        (Array("yes".utf8), true, .yesNo), (Array("no".utf8), false, .yesNo),
        (Array("да".utf8), true, .daNet), (Array("нет".utf8), false, .daNet),
    ]

    /// The value of a bool word, and which pair it belongs to.
    static func value(_ field: UnsafeBufferPointer<UInt8>) -> (Bool, Kinds)? {
        let count = field.count
        guard count >= 2, count <= 6 else { return nil }
        var folded: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &folded) { raw -> (Bool, Kinds)? in
            var index = 0
            while index < count {
                let byte = field[index]
                if byte < 0x80 {
                    raw[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    index += 1
                    continue
                }
                // Cyrillic capitals А–П (D0 90–9F) and Р–Я (D0 A0–AF) to their small letters.
                guard byte == 0xD0 || byte == 0xD1, index + 1 < count else { return nil }
                var (lead, next) = (byte, field[index + 1])
                if lead == 0xD0, next >= 0x90, next <= 0x9F { next += 0x20 } else if lead == 0xD0, next >= 0xA0, next <= 0xAF {
                    lead = 0xD1
                    next -= 0x20
                }
                raw[index] = lead
                raw[index + 1] = next
                index += 2
            }
            for (word, value, kind) in words where word.count == count {
                if word.indices.allSatisfy({ raw[$0] == word[$0] }) { return (value, kind) }
            }
            return nil
        }
    }
}
