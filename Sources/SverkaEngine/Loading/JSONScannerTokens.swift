import SverkaSyntax

/// Strings and numbers: the tokens whose bytes become field text.
extension JSONScanner {
    /// Reads a string at the cursor (its opening quote), unescaping it.
    func string() throws(Diagnostic) -> String {
        let opening = index
        index += 1
        let start = index
        // Fast path: no escapes, which is nearly every string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(at: index, opening: opening) }
            index += 1
        }
        guard index < bytes.count else { throw unterminatedString(opening) }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0..<0x20:
                throw controlCharacter(at: index, opening: opening)
            default:
                out.append(byte)
                index += 1
            }
        }
        throw unterminatedString(opening)
    }

    /// Moves past a string without building it.
    func skipString() throws(Diagnostic) {
        skipWhitespace()
        let opening = index
        guard peek() == UInt8(ascii: "\"") else { throw expected("a key in double quotes", found: index) }
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte < 0x20 { throw controlCharacter(at: index, opening: opening) }
            if byte == UInt8(ascii: "\\") {
                var discard: [UInt8] = []
                try escape(into: &discard)
            } else {
                index += 1
            }
        }
        throw unterminatedString(opening)
    }

    /// One escape sequence at the cursor (its backslash), appended as UTF-8.
    private func escape(into out: inout [UInt8]) throws(Diagnostic) {
        let start = index
        guard index + 1 < bytes.count else { throw unterminatedString(start) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(escapeAt: start)
            if (0xD800...0xDBFF).contains(code) {
                // A pair of escapes for one character beyond U+FFFF.
                guard matchesLowSurrogateEscape() else { throw badEscape(at: start, length: 6, "a lone half of a surrogate pair") }
                let low = try hex4(escapeAt: index - 2)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw badEscape(at: start, length: 6, "a lone half of a surrogate pair")
            }
            guard let scalar = Unicode.Scalar(code) else { throw badEscape(at: start, length: 6, "not a character") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw badEscape(at: start, length: 2, "an unknown escape")
        }
    }

    /// True (and past `\u`) when `\uDC00`…`\uDFFF` follows.
    private func matchesLowSurrogateEscape() -> Bool {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
              let first = hexValue(bytes[index + 2]), first == 0xD, let second = hexValue(bytes[index + 3]),
              second >= 0xC else { return false }
        index += 2
        return true
    }

    private func hex4(escapeAt start: Int) throws(Diagnostic) -> UInt32 {
        guard index + 4 <= bytes.count else { throw badEscape(at: start, length: 6, "it needs four hex digits") }
        var code: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = hexValue(bytes[index + offset]) else { throw badEscape(at: start, length: 6, "it needs four hex digits") }
            code = code << 4 | digit
        }
        index += 4
        return code
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - 55)
        default: return nil
        }
    }

    /// Reads a number token, as written.
    func number() throws(Diagnostic) -> String {
        let start = index
        let end = try numberEnd()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Checks JSON's number grammar at the cursor and moves past it: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.
    func numberEnd() throws(Diagnostic) -> Int {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), FieldSyntax.isDigit(first) else { throw badNumber(start) }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw badNumber(start) }
        }
        if let marker = peek(), marker | 0x20 == UInt8(ascii: "e") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw badNumber(start) }
        }
        if let next = peek(), FieldSyntax.isDigit(next) || next == UInt8(ascii: ".") { throw badNumber(start) }
        return index
    }

    @discardableResult
    private func skipDigits() -> Int {
        let start = index
        while let byte = peek(), FieldSyntax.isDigit(byte) { index += 1 }
        return index - start
    }

    // MARK: messages

    private func unterminatedString(_ opening: Int) -> Diagnostic {
        Diagnostic("invalid JSON: a string opened here is never closed", location: location(of: opening))
    }

    private func controlCharacter(at offset: Int, opening: Int) -> Diagnostic {
        let (line, column) = RowTableText.position(of: opening, in: bytes)
        return Diagnostic("invalid JSON: \(describe(at: offset)) inside a string", location: location(of: offset),
                          hints: ["is the closing quote of the string opened at \(line):\(column) missing?",
                                  "inside a JSON string, a line break is written \\n and a tab \\t"])
    }

    /// An escape sequence that is not one; `length` covers the backslash and what the escape reads.
    private func badEscape(at offset: Int, length: Int, _ reason: String) -> Diagnostic {
        let end = min(offset + length, bytes.count)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        return Diagnostic("invalid JSON: the escape \(ColumnDecision.quoted(text)) is \(reason)", location: location(of: offset),
                          hints: ["escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits"])
    }

    private func badNumber(_ start: Int) -> Diagnostic {
        var end = start
        while end < bytes.count, !JSONScanner.isWhitespace(bytes[end]),
              ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[end]), end - start < 40 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return Diagnostic("invalid JSON: \(ColumnDecision.quoted(text)) is not a number", location: location(of: start),
                          hints: ["JSON numbers look like -12, 12345.67 or 1.5e3: no leading zeros, no '+', a digit on each side of the point"])
    }
}
