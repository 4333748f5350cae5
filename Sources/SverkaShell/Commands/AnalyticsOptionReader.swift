import SverkaEngine
import SverkaSyntax

/// Reads the `with (…)` options of `report`, `chart` and `export dashboard`: whole numbers in a
/// range, dates, and words from a list, each error under the value the user wrote.
struct AnalyticsOptionReader {
    /// The command as the messages name it (`report clients`, `chart`).
    let command: String
    /// The options it takes, for "did you mean".
    let known: [String]
    let session: Session

    /// The option's key, lower-cased, after checking that the command takes it.
    func key(_ entry: OptionEntry) throws(Diagnostic) -> String {
        let key = entry.key.text.lowercased()
        guard known.contains(key) else {
            var error = Diagnostic("unknown \(command) option '\(entry.key.text)'", at: entry.key.span)
            if let suggestion = Suggestion.closest(to: entry.key.text, among: known) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            throw error.hint(known.isEmpty ? "\(command) takes no options" : "the options of \(command): " + known.joined(separator: ", "))
        }
        return key
    }

    /// A whole number in `range`: `width: 60`, `window: $months`.
    func integer(_ entry: OptionEntry, in range: ClosedRange<Int>, example: Int) throws(Diagnostic) -> Int {
        let expression = try single(entry)
        let value = try session.evaluate(expression)
        guard case .integer(let number) = value, number >= range.lowerBound, number <= range.upperBound else {
            throw Diagnostic("\(entry.key.text) takes a whole number from \(range.lowerBound) to \(range.upperBound), not \(Self.shown(value))",
                             at: expression.span)
                .hint("write \(entry.key.text): \(example)")
        }
        return Int(number)
    }

    /// A date: `as_of: @2026-11-30`, `as_of: $as_of`, or ISO text.
    func date(_ entry: OptionEntry) throws(Diagnostic) -> CalendarDate {
        let expression = try single(entry)
        if let date = IntegrationArguments.day(of: try session.evaluate(expression)) { return date }
        throw Diagnostic("\(entry.key.text) takes a date", at: expression.span).hint("write \(entry.key.text): @2026-11-30")
    }

    /// One of `choices`, quoted or bare: `revenue: "invoices"`.
    func choice(_ entry: OptionEntry, among choices: [String]) throws(Diagnostic) -> String {
        let written = try WrittenOption(entry)
        let word = written.text.lowercased()
        guard choices.contains(word) else {
            throw written.invalid(entry, choices.map { "\"\($0)\"" }.joined(separator: " or "))
        }
        return word
    }

    private func single(_ entry: OptionEntry) throws(Diagnostic) -> SverkaSyntax.Expression {
        guard case .expression(let expression) = entry.value else {
            throw Diagnostic("'\(entry.key.text)' takes a single value", at: entry.key.span)
        }
        return expression
    }

    private static func shown(_ value: Value) -> String {
        if case .text(let text) = value { return "\"\(text)\"" }
        return value.isNull ? "null" : value.description
    }
}
