import SverkaEngine
import SverkaSyntax

/// A typed parameter a script declares at its top: `param as_of date default today()`. The
/// command line's `--set as_of=2026-11-30` overrides the default; the type decides how that
/// text is read, so a typo is a usage error before anything runs.
public struct ScriptParameter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case date, datetime, integer, decimal, number, text, bool
    }

    public var name: String
    public var kind: Kind
    /// The default as written, for `--help`; nil when the parameter must be given.
    public var defaultText: String?
    /// The comment line just above the declaration, if any: what the parameter means.
    public var summary: String?

    /// Every `param` statement of a parsed script, in order.
    public static func declared(in script: Script) -> [ScriptParameter] {
        script.statements.compactMap { statement in
            guard case .command(let invocation) = statement.kind, invocation.name.text == "param",
                  case .word(let name)? = invocation.argument("name")?.value,
                  case .word(let type)? = invocation.argument("type")?.value,
                  let kind = Kind(rawValue: type.text.lowercased()) else { return nil }
            var defaultText: String?
            if let clause = invocation.clause("default"), case .expression(let expression) = clause.value {
                defaultText = script.source.slice(expression.span)
            }
            return ScriptParameter(name: name.text, kind: kind, defaultText: defaultText,
                                   summary: comment(above: statement.span, in: script.source))
        }
    }

    /// Reads `--set` text as this parameter's type; nil when it is not one.
    public func value(from text: String) -> Value? {
        let trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        switch kind {
        case .date: return CalendarDate(iso: trimmed).map(Value.date)
        case .datetime:
            if let moment = CalendarDateTime(iso: trimmed) { return .datetime(moment) }
            return CalendarDate(iso: trimmed).flatMap { CalendarDateTime(date: $0, hour: 0, minute: 0, second: 0) }.map(Value.datetime)
        case .integer: return Int64(trimmed).map(Value.integer)
        case .decimal: return ExactDecimal(parsing: trimmed).map(Value.decimal)
        case .number: return Double(trimmed).map(Value.number)
        case .text: return .text(text)
        case .bool:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": return .bool(true)
            case "false", "no", "off", "0": return .bool(false)
            default: return nil
            }
        }
    }

    /// Whether a value (a default's result) fits the declared type, converted when it must be.
    public func accepting(_ value: Value) -> Value? {
        switch (kind, value) {
        case (_, .null): return .null
        case (.date, .date), (.datetime, .datetime), (.integer, .integer), (.decimal, .decimal),
             (.number, .number), (.text, .text), (.bool, .bool):
            return value
        case (.date, .datetime(let moment)): return .date(moment.date)
        case (.datetime, .date(let day)): return CalendarDateTime(date: day, hour: 0, minute: 0, second: 0).map(Value.datetime)
        case (.decimal, .integer(let number)): return .decimal(ExactDecimal(units: number, scale: 0))
        case (.number, .integer(let number)): return .number(Double(number))
        case (.number, .decimal(let number)): return .number(number.doubleValue)
        default: return nil
        }
    }

    /// An example as a default is written in a script: `@2026-11-30`, `"text"`.
    public var literalExample: String {
        switch kind {
        case .date, .datetime: return "@" + example
        case .text: return "\"text\""
        default: return example
        }
    }

    /// An example of the type as `--set` takes it: `2026-11-30`, `42`.
    public var example: String {
        switch kind {
        case .date: return "2026-11-30"
        case .datetime: return "2026-11-30T09:00:00"
        case .integer: return "42"
        case .decimal: return "1250.00"
        case .number: return "0.15"
        case .text: return "text"
        case .bool: return "true"
        }
    }

    private static func comment(above span: Span, in source: SourceText) -> String? {
        let lineStart = source.line(containing: span.start).start
        guard lineStart > 0 else { return nil }
        let previous = source.line(containing: lineStart - 1).text.trimmingCharacters(in: .whitespaces)
        guard previous.hasPrefix("#") else { return nil }
        let text = previous.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
