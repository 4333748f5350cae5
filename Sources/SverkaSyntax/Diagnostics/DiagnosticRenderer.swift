/// Renders a diagnostic as the user sees it:
///
///     error: unknown column 'amont' in d
///      --> -c:2:16
///       |
///     2 | from d | where amont > 1
///       |                ^^^^^
///       = hint: did you mean 'amount'?
public struct DiagnosticRenderer: Sendable {
    public init() {}

    public func render(_ diagnostic: Diagnostic, in statementSource: SourceText?) -> String {
        let source = diagnostic.source ?? statementSource
        var out = "\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let location = diagnostic.location {
            out += " --> \(location)\n"
        } else if let span = diagnostic.span, let source {
            out += renderSnippet(span, in: source)
        } else if let source {
            out += " --> \(source.name)\n"
        }
        for hint in diagnostic.hints {
            out += "  = hint: \(hint)\n"
        }
        return out
    }

    private func renderSnippet(_ span: Span, in source: SourceText) -> String {
        let (lineNumber, column) = source.position(of: span.start)
        let (lineText, lineStart) = source.line(containing: span.start)
        let gutter = String(repeating: " ", count: String(lineNumber).count)
        let shownLine = Self.truncate(lineText, around: column)
        var out = "\(gutter)--> \(source.name):\(lineNumber):\(column)\n"
        out += "\(gutter) |\n"
        out += "\(lineNumber) | \(shownLine.text)\n"
        let prefixBytes = Array(source.bytes[lineStart..<min(span.start, source.bytes.count)])
        let prefix = String(decoding: prefixBytes, as: UTF8.self)
        let lineEndOffset = lineStart + lineText.utf8.count
        let coveredEnd = min(span.end, lineEndOffset)
        let covered = coveredEnd > span.start
            ? String(decoding: source.bytes[span.start..<coveredEnd], as: UTF8.self) : ""
        let pad = max(0, DisplayWidth.of(prefix) - shownLine.cut)
        let carets = max(1, DisplayWidth.of(covered))
        out += "\(gutter) | \(String(repeating: " ", count: pad))\(String(repeating: "^", count: min(carets, 120)))\n"
        return out
    }

    /// Very long lines (a 10 MB statement) are cut to a window around the column.
    private static func truncate(_ line: String, around column: Int) -> (text: String, cut: Int) {
        let limit = 200
        guard line.count > limit else { return (line, 0) }
        let chars = Array(line)
        let start = max(0, min(column - 1 - limit / 2, chars.count - limit))
        let end = min(chars.count, start + limit)
        let body = String(chars[start..<end])
        return (start > 0 ? "…" + body : body, start > 0 ? start - 1 : 0)
    }
}
