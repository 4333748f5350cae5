import SverkaEngine
import SverkaSyntax

/// Reads `load … with (…)` options into the loader's options, rejecting unknown ones by name.
enum LoadOptionReader {
    static let known = ["types"]

    static func read(_ entries: [OptionEntry]) throws(Diagnostic) -> LoadOptions {
        var options = LoadOptions()
        for entry in entries {
            switch entry.key.text {
            case "types":
                guard case .options(let columns, _) = entry.value else {
                    throw Diagnostic("types takes a list of column: type", at: entry.key.span)
                        .hint("write types: (inn: text, amount: money)")
                }
                for column in columns {
                    guard case .expression(let expression) = column.value, let type = logicalType(written: expression) else {
                        throw Diagnostic("unknown type for column '\(column.key.text)'", at: column.key.span)
                            .hint("types are integer, decimal(N), money, number, text, date, datetime, bool")
                    }
                    options.columnTypes[column.key.text] = type
                }
            default:
                var error = Diagnostic("unknown load option '\(entry.key.text)'", at: entry.key.span)
                if let suggestion = Suggestion.closest(to: entry.key.text, among: known) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("load's options: " + known.joined(separator: ", "))
            }
        }
        return options
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
