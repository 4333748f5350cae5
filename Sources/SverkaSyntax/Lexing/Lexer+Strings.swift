extension Lexer {
    /// A single- or double-quoted string; it may span lines, and CRLF inside it reads as LF.
    mutating func scanString(quote: UInt8) {
        let start = position
        position += 1
        let contentStart = position
        var buffer: [UInt8] = []
        var buffered = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                let content = buffered ? String(decoding: buffer, as: UTF8.self) : text(contentStart, position)
                position += 1
                emit(.string(content), from: start)
                return
            }
            let isEscape = byte == ASCII.backslash && position + 1 < bytes.count
            let isCRLF = byte == ASCII.carriageReturn && self.byte(at: position + 1) == ASCII.newline
            if (isEscape || isCRLF) && !buffered {
                buffer.append(contentsOf: bytes[contentStart..<position])
                buffered = true
            }
            if isEscape {
                Self.appendEscape(bytes[position + 1], to: &buffer)
                position += 2
            } else if isCRLF {
                position += 1
            } else {
                if buffered { buffer.append(byte) }
                position += 1
            }
        }
        let content = buffered ? String(decoding: buffer, as: UTF8.self) : text(contentStart, position)
        let closer = quote == ASCII.doubleQuote ? "\"" : "'"
        report(Diagnostic("unterminated string", at: Span(start: start, end: start + 1))
            .hint("close it with \(closer)"))
        emit(.unterminatedString(content), from: start)
    }

    /// Known escapes become their character; any other backslash is kept as written, so a
    /// pasted Windows path such as "C:\data" survives. (Print's templates read strings again.)
    static func appendEscape(_ byte: UInt8, to buffer: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "n"): buffer.append(ASCII.newline)
        case UInt8(ascii: "t"): buffer.append(ASCII.tab)
        case UInt8(ascii: "r"): buffer.append(ASCII.carriageReturn)
        case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backslash: buffer.append(byte)
        default:
            buffer.append(ASCII.backslash)
            buffer.append(byte)
        }
    }

    /// `` `Сумма с НДС` ``: a name with any characters except a newline.
    mutating func scanQuotedName() {
        let start = position
        if let name = scanBackQuotedText() {
            emit(.quotedIdentifier(name), from: start)
        } else {
            emit(.invalid, from: start)
        }
    }

    /// Reads `` `…` `` at the position; nil (with a diagnostic) when it is empty or unclosed.
    mutating func scanBackQuotedText() -> String? {
        let start = position
        var index = start + 1
        while index < bytes.count, bytes[index] != ASCII.backQuote, bytes[index] != ASCII.newline {
            index += 1
        }
        guard index < bytes.count, bytes[index] == ASCII.backQuote else {
            var end = index
            if end > start + 1, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
            position = end
            report(Diagnostic("unterminated name", at: Span(start: start, end: start + 1))
                .hint("close it with `"))
            return nil
        }
        position = index + 1
        guard index > start + 1 else {
            report(Diagnostic("empty name", at: Span(start: start, end: position))
                .hint("a back-quoted name needs at least one character: `Сумма с НДС`"))
            return nil
        }
        return text(start + 1, index)
    }
}
