import SverkaSyntax

/// One column visible to the expressions of a step.
struct ScopeColumn {
    /// The table (or alias) it came from, for `clients.id`; nil for computed columns.
    var qualifier: String?
    var name: String
    /// The SQL that produces it in the current SELECT.
    var sql: String
    var type: LogicalType
    var isAggregate = false
    /// Reachable only by its qualified name: the right side's copy of a `using` column.
    var isHidden = false
}

/// The columns a step can see, and how a name written by the user resolves to one of them.
struct Scope {
    var columns: [ScopeColumn]
    /// Where the columns came from, for messages: "in deals".
    var description: String

    func resolve(_ name: QualifiedName) throws(Diagnostic) -> ScopeColumn {
        let columnName = name.last.text
        let qualifier = name.qualifier.map(\.text).joined(separator: ".")
        let reachable = qualifier.isEmpty ? columns.filter { !$0.isHidden } : columns
        var candidates = reachable.filter { $0.name == columnName }
        if candidates.isEmpty {
            candidates = reachable.filter { $0.name.lowercased() == columnName.lowercased() }
        }
        if !qualifier.isEmpty {
            let qualified = candidates.filter { $0.qualifier == qualifier }
            if qualified.isEmpty {
                let known = Set(columns.compactMap(\.qualifier))
                if !known.contains(qualifier) {
                    var error = Diagnostic("unknown table '\(qualifier)' in this pipeline", at: name.span)
                    if let suggestion = Suggestion.closest(to: qualifier, among: Array(known)) {
                        error = error.hint("did you mean '\(suggestion).\(columnName)'?")
                    } else if !known.isEmpty {
                        error = error.hint("the pipeline reads " + known.sorted().map { "'\($0)'" }.joined(separator: ", "))
                    }
                    throw error
                }
                throw unknownColumn(columnName, in: qualifier, span: name.span,
                                    among: columns.filter { $0.qualifier == qualifier }.map(\.name))
            }
            candidates = qualified
        }
        if candidates.count > 1 {
            let qualifiers = candidates.compactMap(\.qualifier)
            throw Diagnostic("column '\(columnName)' is ambiguous: it is in "
                             + qualifiers.map { "'\($0)'" }.joined(separator: " and "), at: name.span)
                .hint("write \(qualifiers.map { "\($0).\(columnName)" }.joined(separator: " or "))")
        }
        guard let column = candidates.first else {
            throw unknownColumn(columnName, in: description, span: name.span, among: columns.map(\.name))
        }
        return column
    }

    private func unknownColumn(_ name: String, in place: String, span: Span, among names: [String]) -> Diagnostic {
        var error = Diagnostic("unknown column '\(name)' in \(place)", at: span)
        if let suggestion = Suggestion.closest(to: name, among: names) {
            error = error.hint("did you mean '\(suggestion)'?")
        } else if !names.isEmpty {
            let shown = names.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
            error = error.hint("the columns are \(shown)\(names.count > 12 ? ", …" : "")")
        }
        return error
    }
}
