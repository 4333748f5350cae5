import SverkaEngine
import SverkaSyntax

/// Reads `load … with (…)` and `append … with (…)` into the loaders' options, each value
/// checked where it was written and unknown options rejected by name.
enum LoadOptionReader {
    /// The options of CSV and TSV files.
    static let csvOptions = ["types", "delimiter", "header", "encoding", "decimal", "thousands", "date", "force", "on_error",
                             "max_errors"]
    /// The options of JSON and Excel files (with `types` and `force`).
    static let structuredOptions = ["path", "sheet", "ndjson"]
    static let known = csvOptions + structuredOptions

    /// What `with (…)` said: the options, and where each was written (for errors about one of them).
    struct Read {
        var options = LoadOptions()
        var structured = StructuredLoadOptions()
        var spans: [String: Span] = [:]
    }

    static func read(_ entries: [OptionEntry]) throws(Diagnostic) -> LoadOptions {
        try readAll(entries).options
    }

    static func readAll(_ entries: [OptionEntry]) throws(Diagnostic) -> Read {
        var read = Read()
        for entry in entries {
            let key = entry.key.text
            guard read.spans[key] == nil else {
                throw Diagnostic("'\(key)' is given twice", at: entry.key.span)
            }
            read.spans[key] = entry.key.span
            switch key {
            case "types":
                read.options.columnTypes = try types(entry)
            case "max_errors":
                guard case .expression(let expression) = entry.value, case .literal(.integer(let limit)) = expression.kind,
                      limit >= 0 else {
                    throw Diagnostic("max_errors takes a whole number, 0 or more", at: entry.key.span)
                        .hint("write max_errors: 10")
                }
                read.options.maxErrors = Int(limit)
            default:
                try scalarOption(entry, into: &read)
            }
        }
        guard let maxErrors = read.spans["max_errors"] else { return read }
        // A limit on skipped rows means skipping them, unless "stop" was asked for in so many words.
        if read.spans["on_error"] == nil { read.options.onError = .skip }
        if read.options.onError == .stop {
            throw Diagnostic("max_errors counts skipped rows, but on_error is \"stop\"", at: maxErrors)
                .hint("leave on_error out, or write on_error: \"skip\"")
        }
        return read
    }

    private static func scalarOption(_ entry: OptionEntry, into read: inout Read) throws(Diagnostic) {
        let key = entry.key.text
        let value = try WrittenOption(entry)
        switch key {
        case "delimiter":
            read.options.delimiter = try value.delimiter(entry)
        case "header", "force", "ndjson":
            guard let flag = value.flag else { throw value.invalid(entry, "true or false") }
            switch key {
            case "header": read.options.header = flag
            case "force": read.options.force = flag
            default: read.structured.ndjson = flag
            }
        case "encoding":
            guard let encoding = TextEncoding(name: value.text) else { throw value.invalid(entry, TextEncoding.namesText) }
            read.options.encoding = encoding
        case "decimal":
            guard value.text == "." || value.text == "," else { throw value.invalid(entry, "\",\" or \".\"") }
            read.options.decimal = value.text.utf8.first
        case "thousands":
            let text = value.text == "none" ? "" : value.text
            guard ["", " ", ",", ".", "\u{A0}", "\u{202F}"].contains(text) else {
                throw value.invalid(entry, "\" \" (a space; no-break spaces too), \",\", \".\" or \"\" for none")
            }
            read.options.thousands = text
        case "date":
            guard let format = DateFormat(pattern: value.text) else { throw value.invalid(entry, DateFormat.patternsText) }
            read.options.dateFormat = format
        case "on_error":
            guard let policy = LoadErrorPolicy(rawValue: value.text) else { throw value.invalid(entry, "\"stop\" or \"skip\"") }
            read.options.onError = policy
        case "path":
            read.structured.path = value.text
        case "sheet":
            read.structured.sheet = value.text
        default:
            var error = Diagnostic("unknown load option '\(key)'", at: entry.key.span)
            if let suggestion = Suggestion.closest(to: key, among: known) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            throw error.hint("load's options: " + csvOptions.joined(separator: ", ") + "; for JSON and Excel also "
                             + structuredOptions.joined(separator: ", "))
        }
        if read.options.decimal != nil, let thousands = read.options.thousands,
           thousands.utf8.first == read.options.decimal {
            throw Diagnostic("the thousands separator cannot be the decimal separator too", at: value.span)
        }
    }

    private static func types(_ entry: OptionEntry) throws(Diagnostic) -> [String: LogicalType] {
        guard case .options(let columns, _) = entry.value else {
            throw Diagnostic("types takes a list of column: type", at: entry.key.span)
                .hint("write types: (inn: text, amount: money)")
        }
        var types: [String: LogicalType] = [:]
        for column in columns {
            guard case .expression(let expression) = column.value, let type = logicalType(written: expression) else {
                throw Diagnostic("unknown type for column '\(column.key.text)'", at: column.key.span)
                    .hint("types are integer, decimal(N), money, number, text, date, datetime, bool")
            }
            types[column.key.text] = type
        }
        return types
    }

    /// `text`, `money`, or `decimal(3)` as written in an option.
    private static func logicalType(written expression: Expression) -> LogicalType? {
        switch expression.kind {
        case .column(let name):
            return LogicalType(catalogName: name.description)
        case .call(let name, let arguments):
            guard arguments.count == 1, case .literal(.integer(let scale)) = arguments[0].kind else { return nil }
            return LogicalType(catalogName: "\(name.text)(\(scale))")
        default:
            return nil
        }
    }
}
