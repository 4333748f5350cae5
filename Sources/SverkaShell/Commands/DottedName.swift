import SverkaSyntax

/// The parts of a dotted name as written, with their spans: the parser joins `crm.deals.id`
/// into one name, and a back-quoted part may hold a dot of its own.
enum DottedName {
    static func parts(of name: Name, in source: SourceText) -> [Name] {
        let bytes = source.bytes
        guard name.span.start >= 0, name.span.end <= bytes.count, name.span.length > 0 else { return [name] }
        var parts: [Name] = []
        var index = name.span.start
        var partStart = index
        var text: [UInt8] = []
        var quoted = false
        func finish(at end: Int) {
            parts.append(Name(String(decoding: text, as: UTF8.self), span: Span(start: partStart, end: end)))
            text = []
        }
        while index < name.span.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "."), !quoted {
                finish(at: index)
                partStart = index + 1
            } else if quoted || !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) {
                text.append(byte)
            }
            index += 1
        }
        finish(at: index)
        return parts
    }
}
