import SverkaSyntax

/// A `with (key: value)` option's value as written — a string, a bare word, or true/false —
/// with the checks and messages the load and export options share.
public struct WrittenOption: Sendable {
    public var text: String
    public var flag: Bool?
    public var span: Span

    /// Reads a single value; a list or nested options is an error at the key.
    public init(_ entry: OptionEntry) throws(Diagnostic) {
        guard case .expression(let expression) = entry.value else {
            throw Diagnostic("'\(entry.key.text)' takes a single value", at: entry.key.span)
                .hint("write \(entry.key.text): \"…\"")
        }
        switch expression.kind {
        case .literal(.string(let text)): (self.text, flag) = (text, nil)
        case .literal(.bool(let value)): (self.text, flag) = (value ? "true" : "false", value)
        case .column(let name) where name.parts.count == 1: (self.text, flag) = (name.last.text, nil)
        default:
            throw Diagnostic("'\(entry.key.text)' takes a quoted value", at: expression.span)
                .hint("write \(entry.key.text): \"…\"")
        }
        span = expression.span
    }

    /// One ASCII character other than a quote or a line break; `"tab"` and `"\t"` are a tab.
    public func delimiter(_ entry: OptionEntry) throws(Diagnostic) -> UInt8 {
        let character = text.lowercased() == "tab" ? "\t" : text
        guard character.utf8.count == 1, let byte = character.utf8.first, byte < 0x80, byte != UInt8(ascii: "\""),
              byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
            throw invalid(entry, "one character such as \",\", \";\", \"|\" or \"\\t\" (not a quote or a line break)")
        }
        return byte
    }

    /// "'KEY' cannot be VALUE", at the value, with what the option takes.
    public func invalid(_ entry: OptionEntry, _ expected: String) -> Diagnostic {
        let shown = flag.map { $0 ? "true" : "false" } ?? "\"\(text)\""
        return Diagnostic("'\(entry.key.text)' cannot be \(shown)", at: span).hint("\(entry.key.text) takes \(expected)")
    }
}
