import SverkaEngine

/// Streams RFC 4180 csv: a header line, then one line per row, `\n` line ends.
///
/// Decimals are plain with their scale (`1234567.50`), dates ISO, a null is an empty field
/// and an empty text is `""`, so the two stay apart when read back.
struct CSVRenderer: ResultRenderer {
    private let sink: any TextSink
    private var columnCount = 0

    init(sink: any TextSink) {
        self.sink = sink
    }

    mutating func begin(_ columns: [ResultColumn]) {
        columnCount = columns.count
        // No columns, no line: a lone empty line would read back as one empty field.
        guard !columns.isEmpty else { return }
        sink.write(columns.map { Self.field($0.name) }.joined(separator: ",") + "\n")
    }

    mutating func row(_ values: [Value]) {
        guard columnCount > 0 else { return }
        var line = ""
        for index in 0..<columnCount {
            if index > 0 { line += "," }
            line += index < values.count ? Self.field(values[index]) : ""
        }
        line += "\n"
        sink.write(line)
    }

    mutating func finish() {
        sink.flush()
    }

    static func field(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .text(let text): return text.isEmpty ? "\"\"" : field(text)
        default: return field(value.description)
        }
    }

    /// Quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
