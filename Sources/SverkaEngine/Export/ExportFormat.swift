import SverkaSyntax

/// The kinds of file `export` writes, chosen by the target's extension (or `format:`).
public enum ExportFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    case csv
    case tsv
    case json
    case ndjson
    case markdown = "md"
    case xlsx

    public var description: String { rawValue }

    /// The format an extension names (`.csv`, `.jsonl`, `.markdown`, any case); nil for others.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "md", "markdown": self = .markdown
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// The format of a path, from its extension.
    public static func of(path: String) throws(Diagnostic) -> ExportFormat {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let known = ExportFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
        guard parts.count > 1, let written = parts.last, !written.isEmpty else {
            throw Diagnostic("'\(path)' has no extension to tell the format by")
                .hint("export writes \(known); or name the format: with (format: \"csv\")")
        }
        guard let format = ExportFormat(fileExtension: String(written)) else {
            throw Diagnostic("export cannot write .\(written) files")
                .hint("export writes \(known); or name the format: with (format: \"csv\")")
        }
        return format
    }

    /// Whether cells are text the user's spreadsheet might run as a formula.
    var guardsFormulas: Bool { self == .csv || self == .tsv || self == .xlsx }
}
