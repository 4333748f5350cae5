import SverkaSyntax

/// The messages of an export that stops part-way. Each says where in the result it stopped
/// and that the target was left alone.
enum ExportError {
    /// A character the chosen encoding has no byte for. `row` 0 is the header; `span` is where
    /// the encoding was chosen, the thing to change.
    static func unencodable(_ scalar: Unicode.Scalar, row: Int, column: String, encoding: ExportEncoding,
                            target: String, at span: Span?) -> Diagnostic {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let shown = scalar.properties.generalCategory == .control || scalar == " " ? "" : "'\(scalar)' "
        let place = row == 0 ? "the header, column '\(column)'" : "row \(row), column '\(column)'"
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        var error = Diagnostic("\(place): the character \(shown)(U+\(padded)) cannot be written in \(encoding)", at: span)
            .hint("write the file in UTF-8: with (encoding: \"utf-8\")")
        if !shown.isEmpty, row > 0 {
            error = error.hint("or change the text in the query first, e.g. replace(\(column), \"\(scalar)\", \"…\")")
        }
        return error.hint(unchanged(target))
    }

    static func tooManyRows(limit: Int, target: String) -> Diagnostic {
        Diagnostic("an xlsx sheet holds at most \(limit) rows; the result has more")
            .hint("take fewer rows (| take \(limit)), or export to .csv")
            .hint(unchanged(target))
    }

    static func cellTooLong(row: Int, column: String, target: String) -> Diagnostic {
        Diagnostic("row \(row), column '\(column)': the text is longer than the 32,767 characters an xlsx cell holds")
            .hint("shorten it in the query: substr(\(column), 1, 32767), or export to .csv")
            .hint(unchanged(target))
    }

    static func interrupted(target: String) -> Diagnostic {
        Diagnostic("export interrupted").hint(unchanged(target))
    }

    /// The reassurance every failed export owes: the target is as it was.
    static func unchanged(_ target: String) -> String {
        "nothing was written: '\(target)' is as it was"
    }
}
