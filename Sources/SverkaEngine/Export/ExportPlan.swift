import SverkaSyntax

/// The options checked against the format before anything is written: an option the format
/// cannot honour is an error naming it, never silently ignored.
struct ExportPlan {
    var format: ExportFormat
    var options: ExportOptions
    /// The CSV/TSV field separator actually used.
    var delimiter: UInt8
    var notes: [String] = []

    init(path: String, options: ExportOptions) throws(Diagnostic) {
        guard !path.isEmpty else { throw Diagnostic("the file name is empty").hint("write: export deals to \"deals.csv\"") }
        var format = options.format ?? .csv
        if options.format == nil { format = try ExportFormat.of(path: path) }
        self.format = format
        self.options = options
        delimiter = format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        try checkApplicable()
        if let chosen = options.delimiter {
            delimiter = chosen
            if options.decimalComma, chosen == UInt8(ascii: ",") {
                notes.append("fields holding a decimal comma are quoted, since ',' also separates fields")
            }
        } else if options.decimalComma, format == .csv {
            delimiter = UInt8(ascii: ";")
            notes.append("delimiter ';' since decimals are written with ','; with (delimiter: \",\") would quote them instead")
        }
        if let masking = options.appliedMasking {
            notes.append("personal data masked: \(masking.level.coverage)")
        }
        if options.dateStyle == .dayMonthShortYear {
            notes.append("dates with two-digit years (dd.MM.yy) leave the century to whoever reads them")
        }
    }

    /// Options by the formats they apply to.
    private static let applicable: [String: Set<ExportFormat>] = [
        "encoding": [.csv, .tsv, .markdown],
        "bom": [.csv, .tsv, .markdown],
        "delimiter": [.csv, .tsv],
        "decimal": [.csv, .tsv, .markdown],
        "header": [.csv, .tsv, .xlsx],
        "raw": [.csv, .tsv, .xlsx],
    ]

    private func checkApplicable() throws(Diagnostic) {
        for name in options.givenNames {
            guard let formats = Self.applicable[name], !formats.contains(format) else { continue }
            let list = ExportFormat.allCases.filter(formats.contains).map(\.rawValue).joined(separator: ", ")
            var error = Diagnostic("the option '\(name)' does not apply to \(format) files", at: options.spans[name])
                .hint("'\(name)' applies to \(list)")
            if name == "encoding", format == .json || format == .ndjson {
                error = error.hint("JSON is always UTF-8")
            }
            throw error
        }
        if options.byteOrderMark, options.encoding != .utf8 {
            throw Diagnostic("a byte order mark is for UTF-8 files; \(options.encoding) has none", at: options.spans["bom"])
        }
    }
}
