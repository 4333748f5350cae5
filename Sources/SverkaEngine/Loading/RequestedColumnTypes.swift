import SverkaSyntax

/// The user's `types: (column: type, …)` matched to a file's column names, for every loader.
enum RequestedColumnTypes {
    /// One entry per column, nil where inference decides: exact name first, then ignoring case.
    static func resolve(_ requested: [String: LogicalType], names: [String], path: String) throws(Diagnostic) -> [LogicalType?] {
        var types = [LogicalType?](repeating: nil, count: names.count)
        for (column, type) in requested.sorted(by: { $0.key < $1.key }) {
            let index = names.firstIndex(of: column) ?? names.firstIndex { $0.lowercased() == column.lowercased() }
            guard let index else {
                var error = Diagnostic("no column '\(column)' in '\(path)' to give the type \(type)", location: path)
                if let suggestion = Suggestion.closest(to: column, among: names) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("its columns: \(names.prefix(20).joined(separator: ", "))\(names.count > 20 ? ", …" : "")")
            }
            guard type != .null else {
                throw Diagnostic("'null' is not a column type", location: path,
                                 hints: ["use integer, decimal(N), money, number, text, date, datetime or bool"])
            }
            types[index] = type
        }
        return types
    }
}
