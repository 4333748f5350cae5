import SverkaSyntax

/// Reads `export … with (…)` into export options, each value checked where it was written.
public enum ExportOptionReader {
    public static let known = ["format", "encoding", "delimiter", "decimal", "date", "header", "raw", "bom", "mask"]

    public static func read(_ entries: [OptionEntry]) throws(Diagnostic) -> ExportOptions {
        var options = ExportOptions()
        for entry in entries {
            let key = entry.key.text
            let value = try WrittenOption(entry)
            switch key {
            case "format":
                guard let format = ExportFormat(fileExtension: value.text) else {
                    throw value.invalid(entry, "one of " + ExportFormat.allCases.map { "\"\($0)\"" }.joined(separator: ", "))
                }
                options.format = format
            case "encoding":
                guard let encoding = ExportEncoding(name: value.text) else {
                    throw value.invalid(entry, "\"utf-8\" or \"windows-1251\" (also \"cp1251\")")
                }
                options.encoding = encoding
            case "delimiter":
                options.delimiter = try value.delimiter(entry)
            case "decimal":
                guard value.text == "." || value.text == "," else { throw value.invalid(entry, "\",\" or \".\"") }
                options.decimalComma = value.text == ","
            case "date":
                guard let style = ExportDateStyle(rawValue: value.text) ?? (value.text == "iso" ? .iso : nil) else {
                    throw value.invalid(entry, ExportDateStyle.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                }
                options.dateStyle = style
            case "mask":
                guard let level = value.flag.map({ $0 ? MaskLevel.on : .off }) ?? MaskLevel(rawValue: value.text.lowercased()) else {
                    throw value.invalid(entry, "true, false or \"names\" (also persons' names)")
                }
                options.mask = level
            case "header", "raw", "bom":
                guard let flag = value.flag else { throw value.invalid(entry, "true or false") }
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
}
