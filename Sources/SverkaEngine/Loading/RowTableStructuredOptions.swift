import Foundation

/// Options of the structured loaders (JSON, Excel) that CSV's `LoadOptions` do not cover.
public struct StructuredLoadOptions: Sendable, Hashable {
    /// Where a JSON document holds its array of records, as keys joined by dots (`_embedded.leads`);
    /// a numeric part picks an array element (`results.0.rows`). nil: the top level, or the only
    /// array of records in it.
    public var path: String?
    /// An Excel sheet by name, or by 1-based position (`"2"`); nil: the first visible sheet.
    public var sheet: String?
    /// JSON with one object per line; nil: decided by extension (.ndjson, .jsonl) or by content.
    public var ndjson: Bool?

    public init(path: String? = nil, sheet: String? = nil, ndjson: Bool? = nil) {
        self.path = path
        self.sheet = sheet
        self.ndjson = ndjson
    }

    /// The parts of the stored options text these options add (`path: _embedded.leads`).
    var canonicalParts: [String] {
        var parts: [String] = []
        if let path { parts.append("path: \(path)") }
        if let sheet { parts.append("sheet: \(sheet)") }
        if let ndjson { parts.append("ndjson: \(ndjson)") }
        return parts
    }
}

/// The formats the structured loaders read, recognised by extension and first bytes, so the
/// `load` command can pick a loader.
public enum StructuredFormat: String, Sendable, Hashable {
    case json
    case xlsx
    case bankStatement

    /// The format of a file, or nil when it is none of these (CSV, TSV, plain text).
    /// Reads at most the first 4 KB.
    public static func detect(path: String) -> StructuredFormat? {
        var prefix: [UInt8] = []
        if let handle = FileHandle(forReadingAtPath: path) {
            prefix = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
            try? handle.close()
        }
        return detect(path: path, prefix: prefix)
    }

    /// The format from a file name and its first bytes.
    public static func detect(path: String, prefix: [UInt8]) -> StructuredFormat? {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        // The 1C marker wins over any extension: such files are saved as .txt, .dat, or nothing.
        if BankStatementText.startsWithMarker(prefix) { return .bankStatement }
        switch fileExtension {
        case "xlsx", "xlsm", "xls": return .xlsx
        case "json", "ndjson", "jsonl": return .json
        case "csv", "tsv", "tab", "txt": return nil
        default: break
        }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        var index = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < prefix.count, JSONScanner.isWhitespace(prefix[index]) { index += 1 }
        if index < prefix.count, prefix[index] == UInt8(ascii: "{") || prefix[index] == UInt8(ascii: "[") { return .json }
        return nil
    }
}
