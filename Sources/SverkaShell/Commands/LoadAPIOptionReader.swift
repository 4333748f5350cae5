import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reads `load api "URL" … with (…)` into `RESTOptions`: a preset's shape first, then each
/// option written beside it, every value checked where it was written. Credentials come only
/// from where they are kept (`token_env:`, `password_file:`, `token: $secret`).
enum LoadAPIOptionReader {
    static let pagingStyles = ["next", "page", "offset", "cursor"]
    static let known = ["preset", "path", "next", "page", "offset", "cursor", "cursor_param", "limit", "size", "query",
                        "token", "token_env", "token_file", "auth_param", "user", "user_env", "user_file",
                        "password", "password_env", "password_file", "timeout", "retries", "max_pages", "ca_file", "types"]

    struct Read {
        var options: RESTOptions
        var columnTypes: [String: LogicalType] = [:]
    }

    static func read(_ entries: [OptionEntry], url: URL, vault: SecretVault,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> Read {
        var given: [String: OptionEntry] = [:]
        for entry in entries {
            let key = entry.key.text
            guard given[key] == nil else { throw Diagnostic("'\(key)' is given twice", at: entry.key.span) }
            guard known.contains(key) else { throw unknown(entry) }
            given[key] = entry
        }
        var options = RESTOptions(url: url)
        var shape = RESTShape()
        if let entry = given["preset"] {
            let value = try WrittenOption(entry)
            guard let preset = APIPreset.named(value.text) else {
                var error = Diagnostic("unknown preset \"\(value.text)\"", at: value.span)
                if let suggestion = Suggestion.closest(to: value.text, among: APIPreset.names) {
                    error = error.hint("did you mean \"\(suggestion)\"?")
                }
                throw error.hint("presets: " + APIPreset.names.joined(separator: ", ") + " (1c is odata)")
            }
            shape = preset.shape(for: url)
            options.preset = preset.rawValue
        }
        if let entry = given["path"] { shape.recordsPath = try dottedPath(entry) }
        options.recordsPath = shape.recordsPath
        options.paging = try paging(given, preset: shape.paging)
        options.query = shape.query.overridden(by: try query(given["query"]))
        options.credentials = try credentials(given, entries: entries, tokenParameter: shape.tokenParameter,
                                              tokenInPath: RESTURL.hasTokenPlaceholder(url), vault: vault, environment: environment)
        if let entry = given["retries"] { options.retries = try whole(entry, in: 0...10, example: "retries: 5") }
        if let entry = given["timeout"] { options.timeout = try seconds(entry) }
        if let entry = given["max_pages"] { options.maxPages = try whole(entry, in: 1...1_000_000, example: "max_pages: 10") }
        if let entry = given["ca_file"] {
            let value = try WrittenOption(entry)
            options.anchors = try RESTCertificateFile.read(value.text, at: value.span)
        }
        var read = Read(options: options)
        if let entry = given["types"] { read.columnTypes = try LoadOptionReader.readAll([entry]).options.columnTypes }
        return read
    }

    private static func unknown(_ entry: OptionEntry) -> Diagnostic {
        let key = entry.key.text
        if LoadOptionReader.known.contains(key) {
            return Diagnostic("the option '\(key)' applies to files, not to load api", at: entry.key.span)
                .hint("load api's options: " + known.joined(separator: ", "))
        }
        var error = Diagnostic("unknown load api option '\(key)'", at: entry.key.span)
        if let suggestion = Suggestion.closest(to: key, among: known) { error = error.hint("did you mean '\(suggestion)'?") }
        return error.hint("load api's options: " + known.joined(separator: ", "))
    }

    // MARK: - paging

    /// The paging: a style written here (`next`, `page`, `offset`, `cursor`), else the preset's,
    /// with `limit`, `size` and `cursor_param` applied to whichever it is.
    private static func paging(_ given: [String: OptionEntry], preset: RESTPaging) throws(Diagnostic) -> RESTPaging {
        let styles = pagingStyles.compactMap { given[$0] }.sorted { $0.key.span.start < $1.key.span.start }
        if styles.count > 1 {
            throw Diagnostic("'\(styles[0].key.text)' and '\(styles[1].key.text)' are two ways of paging; give one", at: styles[1].key.span)
                .hint("next: a link in each page; page: page numbers; offset: records skipped; cursor: a cursor in each page")
        }
        var paging = preset
        if let style = styles.first {
            let value = try WrittenOption(style)
            switch style.key.text {
            case "next": paging = .nextLink(path: try dottedPath(style))
            case "page": paging = .pageNumber(parameter: try parameter(value, style), first: 1, sizeParameter: nil, size: nil)
            case "offset": paging = .offset(parameter: try parameter(value, style), sizeParameter: nil, size: nil)
            default:
                // Sent back under the name it came by (`next_cursor`), unless cursor_param says otherwise.
                let path = try dottedPath(style)
                paging = .cursor(path: path, parameter: String(path.split(separator: ".").last ?? Substring(path)))
            }
        }
        return try sized(paging, given)
    }

    /// `limit`, `size` and `cursor_param` on top of a paging style.
    private static func sized(_ paging: RESTPaging, _ given: [String: OptionEntry]) throws(Diagnostic) -> RESTPaging {
        let limit = try given["limit"].map { entry throws(Diagnostic) in try parameter(try WrittenOption(entry), entry) }
        let size = try given["size"].map { entry throws(Diagnostic) in try whole(entry, in: 1...100_000, example: "size: 100") }
        if let entry = given["cursor_param"] {
            guard case .cursor(let path, _) = paging else {
                throw Diagnostic("cursor_param names the parameter a cursor is sent in; give cursor: too", at: entry.key.span)
                    .hint("cursor: \"meta.next_cursor\", cursor_param: \"cursor\"")
            }
            return .cursor(path: path, parameter: try parameter(try WrittenOption(entry), entry))
        }
        guard limit != nil || size != nil else { return paging }
        let key = given["size"] ?? given["limit"]
        switch paging {
        case .pageNumber(let parameter, let first, let oldLimit, let oldSize):
            return .pageNumber(parameter: parameter, first: first, sizeParameter: try both(limit ?? oldLimit, size ?? oldSize, given),
                               size: size ?? oldSize)
        case .offset(let parameter, let oldLimit, let oldSize):
            return .offset(parameter: parameter, sizeParameter: try both(limit ?? oldLimit, size ?? oldSize, given), size: size ?? oldSize)
        default:
            throw Diagnostic("'\(key?.key.text ?? "size")' applies to page or offset paging", at: key?.key.span)
                .hint("page: \"page\", limit: \"per_page\", size: 100 — or offset: \"$skip\", limit: \"$top\", size: 100")
        }
    }

    /// A page size needs both its parameter's name and the number.
    private static func both(_ limit: String?, _ size: Int?, _ given: [String: OptionEntry]) throws(Diagnostic) -> String? {
        if limit != nil, size == nil {
            throw Diagnostic("limit names the parameter that asks for a page size; give size: N too", at: given["limit"]?.key.span)
                .hint("limit: \"per_page\", size: 100")
        }
        if limit == nil, size != nil {
            throw Diagnostic("size: needs limit:, the name of the query parameter that asks for it", at: given["size"]?.key.span)
                .hint("limit: \"per_page\", size: 100")
        }
        return limit
    }

    // MARK: - values

    /// Keys joined by dots: `_embedded.leads`.
    private static func dottedPath(_ entry: OptionEntry) throws(Diagnostic) -> String {
        let value = try WrittenOption(entry)
        let parts = value.text.split(separator: ".", omittingEmptySubsequences: false)
        guard !value.text.isEmpty, !parts.contains(where: \.isEmpty) else {
            let example = ["next": "_links.next.href", "cursor": "meta.next_cursor"][entry.key.text] ?? "_embedded.leads"
            throw Diagnostic("'\(entry.key.text)' takes keys joined by single dots", at: value.span)
                .hint("write \(entry.key.text): \"\(example)\"")
        }
        return value.text
    }

    /// A query parameter's name.
    private static func parameter(_ value: WrittenOption, _ entry: OptionEntry) throws(Diagnostic) -> String {
        guard !value.text.isEmpty, !value.text.contains(where: { "&=#? ".contains($0) }) else {
            throw Diagnostic("'\(entry.key.text)' takes the name of a query parameter", at: value.span)
                .hint("write \(entry.key.text): \"page\"")
        }
        return value.text
    }

    /// `query: (limit: 50, filter: "won", "$orderby": "Date")`.
    private static func query(_ entry: OptionEntry?) throws(Diagnostic) -> [RESTQueryItem] {
        guard let entry else { return [] }
        guard case .options(let pairs, _) = entry.value else {
            throw Diagnostic("query takes a list of parameter: value", at: entry.key.span)
                .hint("write query: (limit: 50, \"filter[status]\": \"142\")")
        }
        var items: [RESTQueryItem] = []
        for pair in pairs {
            guard case .expression(let expression) = pair.value else {
                throw Diagnostic("the query parameter '\(pair.key.text)' takes a single value", at: pair.key.span)
            }
            let text: String
            switch expression.kind {
            case .literal(.string(let value)): text = value
            case .literal(.integer(let value)): text = String(value)
            case .literal(.decimal(let units, let scale)): text = ExactDecimal(units: units, scale: scale).description
            case .literal(.bool(let value)): text = value ? "true" : "false"
            case .column(let name) where name.parts.count == 1: text = name.last.text
            default:
                throw Diagnostic("the query parameter '\(pair.key.text)' takes a string, a number or true/false", at: expression.span)
            }
            items.append(RESTQueryItem(pair.key.text, text))
        }
        return items
    }

    /// Seconds: a positive number up to an hour.
    private static func seconds(_ entry: OptionEntry) throws(Diagnostic) -> Double {
        var value: Double?
        if case .expression(let expression) = entry.value {
            switch expression.kind {
            case .literal(.integer(let whole)): value = Double(whole)
            case .literal(.decimal(let units, let scale)): value = ExactDecimal(units: units, scale: scale).doubleValue
            default: break
            }
        }
        guard let value, value > 0, value <= 3600 else {
            throw Diagnostic("timeout takes seconds, more than 0 and at most 3600", at: entry.key.span).hint("write timeout: 60")
        }
        return value
    }

    private static func whole(_ entry: OptionEntry, in range: ClosedRange<Int>, example: String) throws(Diagnostic) -> Int {
        guard case .expression(let expression) = entry.value, case .literal(.integer(let value)) = expression.kind,
              range.contains(Int(value)) else {
            throw Diagnostic("\(entry.key.text) takes a whole number from \(range.lowerBound) to \(range.upperBound)", at: entry.key.span)
                .hint("write \(example)")
        }
        return Int(value)
    }
}
