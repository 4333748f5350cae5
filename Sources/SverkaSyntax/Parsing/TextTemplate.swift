/// A quoted string with `{$name}` placeholders, as `print` reads it: `"loaded {$n} deals"`.
/// `{{` and `}}` are literal braces. It is read from the string as written, not from its value,
/// so that an error can point at the very placeholder, escapes and all.
public struct TextTemplate: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        /// `{$name}`: the name, spanning `$name` in the source.
        case variable(Name)
    }

    public var parts: [Part]

    /// Reads the string literal whose token spans `span` in `source` (quotes included). `value`
    /// is the string's value, taken as plain text when the span does not hold a quoted string.
    public init(_ value: String, writtenAt span: Span, in source: SourceText) throws(Diagnostic) {
        let bytes = source.bytes
        guard span.start >= 0, span.end <= bytes.count, span.length >= 2,
              [ASCII.doubleQuote, ASCII.singleQuote].contains(bytes[span.start]), bytes[span.end - 1] == bytes[span.start] else {
            parts = [.text(value)]
            return
        }
        var reader = TemplateReader(bytes: bytes, start: span.start + 1, end: span.end - 1)
        parts = try reader.read()
    }

    /// The variables it names, in order.
    public var variables: [Name] {
        parts.compactMap { part in
            if case .variable(let name) = part { return name }
            return nil
        }
    }
}

/// Walks a string's bytes as written, resolving escapes as the lexer does.
private struct TemplateReader {
    let bytes: [UInt8]
    let start: Int
    let end: Int
    var parts: [TextTemplate.Part] = []
    var buffer: [UInt8] = []

    init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
    }

    mutating func read() throws(Diagnostic) -> [TextTemplate.Part] {
        var index = start
        while index < end {
            let byte = bytes[index]
            let next = index + 1 < end ? bytes[index + 1] : nil
            switch byte {
            case ASCII.backslash where next != nil:
                Lexer.appendEscape(bytes[index + 1], to: &buffer)
                index += 2
            case ASCII.carriageReturn where next == ASCII.newline:
                index += 1
            case Self.open where next == Self.open, Self.close where next == Self.close:
                buffer.append(byte)
                index += 2
            case Self.open:
                index = try placeholder(at: index)
            case Self.close:
                throw Diagnostic("a '}' with no '{' before it", at: Span(start: index, end: index + 1))
                    .hint("write }} to print a '}'")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        flush()
        return parts
    }

    /// `{ $name }` from the `{` at `index`; returns the index after its `}`.
    private mutating func placeholder(at index: Int) throws(Diagnostic) -> Int {
        guard let closing = (index + 1..<end).first(where: { bytes[$0] == Self.close }) else {
            throw Diagnostic("this '{' is not closed", at: Span(start: index, end: index + 1))
                .hint("write {$name} to print a variable, or {{ to print a '{'")
        }
        let whole = Span(start: index, end: closing + 1)
        var position = skipSpaces(from: index + 1)
        let dollar = position
        guard position < closing, bytes[position] == ASCII.dollar, position + 1 < closing,
              CharacterClass.isIdentifierStart(UTF8Decoding.scalar(in: bytes, at: position + 1).scalar) else {
            throw notAVariable(whole)
        }
        position += 1
        while position < closing {
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: position)
            guard CharacterClass.isIdentifierContinue(scalar) else { break }
            position += length
        }
        let name = String(decoding: bytes[(dollar + 1)..<position], as: UTF8.self)
        guard skipSpaces(from: position) == closing else { throw notAVariable(whole) }
        flush()
        parts.append(.variable(Name(name, span: Span(start: dollar, end: position))))
        return closing + 1
    }

    private func notAVariable(_ span: Span) -> Diagnostic {
        Diagnostic("only a variable can go between { and } in print, such as {$total}", at: span)
            .hint("compute the value first: let n = rows(deals), then print \"… {$n} …\"")
            .hint("write {{ and }} to print braces")
    }

    private func skipSpaces(from index: Int) -> Int {
        var position = index
        while position < end, bytes[position] == ASCII.space || bytes[position] == ASCII.tab { position += 1 }
        return position
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        parts.append(.text(String(decoding: buffer, as: UTF8.self)))
        buffer = []
    }

    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")
}
