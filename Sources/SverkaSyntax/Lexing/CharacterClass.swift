/// Byte values the lexer switches on, named so the switch reads as the grammar.
enum ASCII {
    static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
    static let bang = UInt8(ascii: "!"), doubleQuote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$"), percent = UInt8(ascii: "%"), singleQuote = UInt8(ascii: "'")
    static let leftParen = UInt8(ascii: "("), rightParen = UInt8(ascii: ")"), star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+"), comma = UInt8(ascii: ","), minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/"), zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9"), colon = UInt8(ascii: ":"), semicolon = UInt8(ascii: ";")
    static let less = UInt8(ascii: "<"), equals = UInt8(ascii: "="), greater = UInt8(ascii: ">")
    static let at = UInt8(ascii: "@"), leftBracket = UInt8(ascii: "["), backslash = UInt8(ascii: "\\")
    static let rightBracket = UInt8(ascii: "]"), underscore = UInt8(ascii: "_"), backQuote = UInt8(ascii: "`")
    static let pipe = UInt8(ascii: "|")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isWordStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == underscore }
    static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == underscore }
}

/// Which Unicode characters make names, which count as space, and which are visible.
enum CharacterClass {
    /// Letters of any script, and `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        // The Russian alphabet is most of the non-ASCII text sverka sees; skip the table lookup.
        if (0x0410...0x044F).contains(scalar.value) || scalar.value == 0x0401 || scalar.value == 0x0451 { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Letters, digits, `_`, and combining marks (a decomposed `й` is `и` plus a mark).
    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// No-break and other Unicode spaces, which arrive in text pasted from documents and chats,
    /// and a byte-order mark.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FEFF}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Whether quoting the character in a message shows the reader something.
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FFFD}" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator,
             .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark:
            return false
        default:
            return true
        }
    }
}

/// Decoding one scalar from raw bytes; malformed sequences read as U+FFFD, one byte long,
/// so that the lexer always moves forward.
enum UTF8Decoding {
    static func scalar(in bytes: [UInt8], at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        let initial: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; initial = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; initial = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; initial = UInt32(lead & 0x07)
        default: return (replacement, 1)
        }
        guard offset + length <= bytes.count else { return (replacement, 1) }
        var value = initial
        for index in (offset + 1)..<(offset + length) {
            let byte = bytes[index]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (replacement, 1) }
        return (scalar, length)
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"
}
