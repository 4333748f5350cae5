import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reads `match clients with (threshold: 0.9, methods: (tax_id, name))`, and the record ids
/// that `link` and `unlink` take.
enum MatchOptionReader {
    static let known = ["threshold", "methods"]

    static func read(_ entries: [OptionEntry]) throws(Diagnostic) -> MatchOptions {
        var options = MatchOptions()
        for entry in entries {
            switch entry.key.text.lowercased() {
            case "threshold":
                guard case .expression(let expression) = entry.value, let value = number(expression), value > 0, value <= 1 else {
                    throw Diagnostic("threshold takes a number above 0 and at most 1", at: entry.key.span)
                        .hint("write threshold: 0.85 (or 85%)")
                }
                options.threshold = value
            case "methods":
                options.methods = try methods(entry)
            default:
                var error = Diagnostic("unknown match option '\(entry.key.text)'", at: entry.key.span)
                if let suggestion = Suggestion.closest(to: entry.key.text, among: known) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("match's options: " + known.joined(separator: ", "))
            }
        }
        return options
    }

    /// `methods: (tax_id, name)`, `methods: ("name")` or `methods: name`.
    private static func methods(_ entry: OptionEntry) throws(Diagnostic) -> Set<MatchMethod> {
        let values: [OptionValue]
        switch entry.value {
        case .list(let items, _): values = items
        case .expression: values = [entry.value]
        case .options: values = []
        }
        let names = MatchMethod.automatic.map(\.rawValue)
        var chosen = Set<MatchMethod>()
        for value in values {
            guard case .expression(let expression) = value, let word = word(expression),
                  let method = MatchMethod(rawValue: word.lowercased()), method != .manual else {
                throw Diagnostic("methods takes a list of " + names.joined(separator: ", "), at: entry.key.span)
                    .hint("write methods: (tax_id, name)")
            }
            chosen.insert(method)
        }
        guard !chosen.isEmpty else {
            throw Diagnostic("methods needs at least one of " + names.joined(separator: ", "), at: entry.key.span)
        }
        return chosen
    }

    private static func number(_ expression: SverkaSyntax.Expression) -> Double? {
        guard case .literal(let literal) = expression.kind else { return nil }
        switch literal {
        case .integer(let value): return Double(value)
        case .decimal(let units, let scale): return ExactDecimal(units: units, scale: scale).doubleValue
        default: return nil
        }
    }

    private static func word(_ expression: SverkaSyntax.Expression) -> String? {
        switch expression.kind {
        case .column(let name) where name.parts.count == 1: return name.last.text
        case .literal(.string(let text)): return text
        default: return nil
        }
    }

    /// A record id as written: a word, a quoted string, or a number or other unquoted text
    /// exactly as typed (`007` keeps its zeros, `К-000042` is one id, not a subtraction).
    static func recordID(_ argument: CommandArgument?, in source: SourceText?, what: String) throws(Diagnostic) -> String {
        guard let argument else { throw Diagnostic("\(what) needs an id") }
        switch argument.value {
        case .word(let name):
            return name.text
        case .string(let text, _):
            return text
        default:
            let written = source?.slice(argument.span) ?? ""
            guard !written.isEmpty, !written.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "\"" }) else {
                throw Diagnostic("cannot read this as a \(what) id", at: argument.span)
                    .hint("put the id in quotes: \"\(written)\"")
            }
            return written
        }
    }
}
