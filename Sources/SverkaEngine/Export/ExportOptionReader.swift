import SverkaSyntax

/// Reads `export … with (…)` into export options, each value checked where it was written.
public enum ExportOptionReader {
    public static let known = ["format", "encoding", "delimiter", "decimal", "date", "header", "raw", "bom"]

    public static func read(_ entries: [OptionEntry]) throws(Diagnostic) -> ExportOptions {
        var options = ExportOptions()
        for entry in entries {
            let key = entry.key.text
            let value = try scalar(entry)
            switch key {
            case "format":
                guard let format = ExportFormat(fileExtension: value.text) else {
                    throw invalid(entry, value, "one of " + ExportFormat.allCases.map { "\"\($0)\"" }.joined(separator: ", "))
                }
                options.format = format
            case "encoding":
                guard let encoding = ExportEncoding(name: value.text) else {
                    throw invalid(entry, value, "\"utf-8\" or \"windows-1251\" (also \"cp1251\")")
                }
                options.encoding = encoding
            case "delimiter":
                options.delimiter = try delimiter(entry, value)
            case "decimal":
                guard value.text == "." || value.text == "," else { throw invalid(entry, value, "\",\" or \".\"") }
                options.decimalComma = value.text == ","
            case "date":
                guard let style = ExportDateStyle(rawValue: value.text) ?? (value.text == "iso" ? .iso : nil) else {
                    throw invalid(entry, value, ExportDateStyle.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                }
                options.dateStyle = style
            case "header", "raw", "bom":
                guard let flag = value.flag else { throw invalid(entry, value, "true or false") }
                switch key {
                case "header": options.header = flag
                case "raw": options.raw = flag
                default: options.byteOrderMark = flag
                }
            default:
                var error = Diagnostic("unknown export option '\(key)'", at: entry.key.span)
                if let suggestion = Suggestion.closest(to: key, among: known) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("export's options: " + known.joined(separator: ", "))
            }
            options.spans[key] = entry.key.span
        }
        return options
    }

    /// An option's value as written: a string, a bare word, or true/false.
    private struct Written {
        var text: String
        var flag: Bool?
        var span: Span
    }

    private static func scalar(_ entry: OptionEntry) throws(Diagnostic) -> Written {
        guard case .expression(let expression) = entry.value else {
            throw Diagnostic("'\(entry.key.text)' takes a single value", at: entry.key.span)
                .hint("write \(entry.key.text): \"…\"")
        }
        switch expression.kind {
        case .literal(.string(let text)): return Written(text: text, span: expression.span)
        case .literal(.bool(let flag)): return Written(text: flag ? "true" : "false", flag: flag, span: expression.span)
        case .column(let name) where name.parts.count == 1: return Written(text: name.last.text, span: expression.span)
        default:
            throw Diagnostic("'\(entry.key.text)' takes a quoted value", at: expression.span)
                .hint("write \(entry.key.text): \"…\"")
        }
    }

    /// One ASCII character other than a quote or a line break; `"tab"` and `"\t"` are a tab.
    private static func delimiter(_ entry: OptionEntry, _ value: Written) throws(Diagnostic) -> UInt8 {
        let text = value.text.lowercased() == "tab" ? "\t" : value.text
        guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != UInt8(ascii: "\""),
              byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
            throw invalid(entry, value, "one character such as \",\", \";\", \"|\" or \"\\t\" (not a quote or a line break)")
        }
        return byte
    }

    private static func invalid(_ entry: OptionEntry, _ value: Written, _ expected: String) -> Diagnostic {
        Diagnostic("'\(entry.key.text)' cannot be \(shown(value))", at: value.span).hint("\(entry.key.text) takes \(expected)")
    }

    private static func shown(_ value: Written) -> String {
        value.flag.map { $0 ? "true" : "false" } ?? "\"\(value.text)\""
    }
}
