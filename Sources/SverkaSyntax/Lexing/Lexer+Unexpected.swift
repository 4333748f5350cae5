extension Lexer {
    /// Reports a character no token can hold. A run of such characters becomes one token (so
    /// megabytes of binary garbage stay cheap) with one diagnostic at its first character.
    mutating func scanUnexpected(_ scalar: Unicode.Scalar, length: Int) {
        let start = position
        position += length
        while position < bytes.count, isGarbage(at: position) {
            position += UTF8Decoding.scalar(in: bytes, at: position).length
        }
        report(Self.unexpectedCharacter(scalar, at: Span(start: start, end: start + length)))
        emit(.invalid, from: start)
    }

    /// Control characters and non-letter, non-space non-ASCII: the things a garbage run is made of.
    private func isGarbage(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 {
            return (byte < 0x20 && byte != ASCII.tab && byte != ASCII.newline && byte != ASCII.carriageReturn)
                || byte == 0x7F
        }
        let scalar = UTF8Decoding.scalar(in: bytes, at: offset).scalar
        return !CharacterClass.isIdentifierStart(scalar) && !CharacterClass.isSpace(scalar)
    }

    static func unexpectedCharacter(_ scalar: Unicode.Scalar, at span: Span) -> Diagnostic {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let message = CharacterClass.isVisible(scalar)
            ? "unexpected character '\(Character(scalar))' (\(code))"
            : "unexpected character \(code)"
        var diagnostic = Diagnostic(message, at: span)
        if let hint = hint(for: scalar) { diagnostic = diagnostic.hint(hint) }
        return diagnostic
    }

    private static func hint(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "!": return "write 'not' to negate, and '!=' for 'not equal'"
        case "&": return "write 'and'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}":
            return "use straight quotes: \"text\""
        case "\u{FFFD}": return "the input is not valid UTF-8 here"
        default: return nil
        }
    }
}
