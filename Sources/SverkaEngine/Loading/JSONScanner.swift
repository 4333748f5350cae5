import SverkaSyntax

/// A cursor over the bytes of a JSON text (already checked to be UTF-8): values, or the pieces
/// of objects and arrays for readers that walk a document without building all of it.
final class JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file as the user named it, for locations.
    let path: String
    var index: Int
    static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, start: Int = 0) {
        self.bytes = bytes
        self.path = path
        index = start
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    var atEnd: Bool { index >= bytes.count }

    @inline(__always)
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always)
    func skipWhitespace() {
        while index < bytes.count, JSONScanner.isWhitespace(bytes[index]) { index += 1 }
    }

    // MARK: values

    /// Reads the value at the cursor (after whitespace).
    func value(depth: Int = 0) throws(Diagnostic) -> JSONValue {
        skipWhitespace()
        guard let byte = peek() else { throw expected("a value", found: index) }
        switch byte {
        case UInt8(ascii: "{"):
            try checkDepth(depth)
            var members: [JSONMember] = []
            guard try openObject() else { return .object(members) }
            repeat {
                let key = try key()
                members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            } while try nextMember()
            return .object(members)
        case UInt8(ascii: "["):
            try checkDepth(depth)
            var elements: [JSONValue] = []
            guard try openArray() else { return .array(elements) }
            repeat {
                elements.append(try value(depth: depth + 1))
            } while try nextElement()
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: return try literal()
        }
    }

    /// Checks the value at the cursor and moves past it, building nothing.
    func skipValue(depth: Int = 0) throws(Diagnostic) {
        skipWhitespace()
        guard let byte = peek() else { throw expected("a value", found: index) }
        switch byte {
        case UInt8(ascii: "{"):
            try checkDepth(depth)
            guard try openObject() else { return }
            repeat {
                try skipString()
                try colon()
                try skipValue(depth: depth + 1)
            } while try nextMember()
        case UInt8(ascii: "["):
            try checkDepth(depth)
            guard try openArray() else { return }
            repeat { try skipValue(depth: depth + 1) } while try nextElement()
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberEnd()
        default: _ = try literal()
        }
    }

    private func literal() throws(Diagnostic) -> JSONValue {
        for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
        where matches(word) {
            index += word.utf8.count
            return value
        }
        throw expected("a value (a string, number, object, array, true, false or null)", found: index)
    }

    private func matches(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard index + utf8.count <= bytes.count else { return false }
        return zip(utf8, bytes[index..<(index + utf8.count)]).allSatisfy { $0 == $1 }
    }

    private func checkDepth(_ depth: Int) throws(Diagnostic) {
        guard depth < JSONScanner.maximumDepth else {
            throw Diagnostic("the JSON is nested more than \(JSONScanner.maximumDepth) levels deep here",
                             location: location(of: index))
        }
    }

    // MARK: objects and arrays, piece by piece

    /// Consumes `{`; false when the object is empty (its `}` consumed too).
    func openObject() throws(Diagnostic) -> Bool {
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return false
        }
        return true
    }

    /// Reads a member's key and its colon.
    func key() throws(Diagnostic) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            var error = expected("a key in double quotes", found: index)
            if peek() == UInt8(ascii: "}") { error = error.hint("JSON allows no comma before '}'") }
            if peek() == UInt8(ascii: "'") { error = error.hint("JSON strings use double quotes") }
            throw error
        }
        let key = try string()
        try colon()
        return key
    }

    private func colon() throws(Diagnostic) {
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw expected("':' after the key", found: index) }
        index += 1
    }

    /// After a member: true at `,` (another follows), false at `}`.
    func nextMember() throws(Diagnostic) -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            index += 1
            return true
        case UInt8(ascii: "}"):
            index += 1
            return false
        default:
            throw expected("',' or '}' after a member of an object", found: index)
        }
    }

    /// Consumes `[`; false when the array is empty (its `]` consumed too).
    func openArray() throws(Diagnostic) -> Bool {
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return false
        }
        return true
    }

    /// After an element: true at `,`, false at `]`.
    func nextElement() throws(Diagnostic) -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                throw expected("a value", found: index).hint("JSON allows no comma before ']'")
            }
            return true
        case UInt8(ascii: "]"):
            index += 1
            return false
        default:
            throw expected("',' or ']' after an element of an array", found: index)
        }
    }

    // MARK: messages

    func location(of offset: Int) -> String {
        RowTableText.location(path, of: offset, in: bytes)
    }

    /// "invalid JSON: expected X, found Y" at the offset.
    func expected(_ what: String, found offset: Int) -> Diagnostic {
        Diagnostic("invalid JSON: expected \(what), found \(describe(at: offset))", location: location(of: offset),
                   hints: offset < bytes.count ? [] : ["the file may be cut short"])
    }

    /// What is at an offset, in words: `'x'`, "the end of the file", "a line break".
    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "a line break"
        case UInt8(ascii: "\t"): return "a tab"
        case 0..<0x20: return "the control character U+00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
        default:
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self))'"
        }
    }
}
