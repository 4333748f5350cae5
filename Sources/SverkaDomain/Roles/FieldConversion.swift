import SverkaEngine

/// How a source value becomes a canonical field's value in the role's query: ids and other text
/// fields as text, money as an exact decimal (`decimal(x)`, which rescales, rounds, or reads
/// text), dates as dates. Pipeline text in, pipeline text out.
struct FieldConversion {
    let field: CanonicalRole.Field
    /// The source's type; nil for a field left missing.
    let sourceType: LogicalType?

    /// Whether values of the source may fail to convert and must be counted (text read as a
    /// number or a date).
    var isChecked: Bool {
        guard sourceType == .text else { return false }
        switch field.type {
        case .decimal, .date: return true
        default: return false
        }
    }

    /// The expression for the field, given the source operand; `nil` operand for a missing
    /// field, which reads as a null of the field's type. nil when the source's type cannot
    /// become the field's (a date as money).
    func expression(of operand: String?) -> String? {
        guard let operand, let sourceType else { return typedNull }
        switch (field.type, sourceType) {
        case (.text, .text):
            return operand
        case (.text, _):
            return "text(\(operand))"
        case (.decimal(let places), .decimal(let scale)) where scale == places:
            return operand
        case (.decimal(let places), .integer), (.decimal(let places), .decimal),
             (.decimal(let places), .number), (.decimal(let places), .text), (.decimal(let places), .null):
            return places == 2 ? "decimal(\(operand))" : "decimal(\(operand), \(places))"
        case (.date, .date), (.datetime, .datetime), (.datetime, .date), (_, .null):
            return operand
        case (.date, .datetime), (.date, .text):
            return "date(\(operand))"
        default:
            return nil
        }
    }

    /// What the printout says about a conversion that changes or may lose something, given
    /// the source's name.
    func note(source: String) -> String? {
        guard let sourceType else { return nil }
        switch (field.type, sourceType) {
        case (.text, .decimal(let scale)) where scale > 0:
            return "\(sourceType) as text: 20 reads \"20.\(String(repeating: "0", count: scale))\"; "
                + "load it with types: (\(PipelineText.name(source) ?? source): text) to keep codes as written"
        case (.decimal(let places), .decimal(let scale)) where scale > places:
            return "\(sourceType) rounded to \(places) places"
        case (.decimal(let places), .number):
            return "floating point rounded to \(places) places"
        case (.date, .datetime):
            return "the time of day is dropped"
        case (.datetime, .date):
            return "a date: times read as 00:00"
        default:
            return nil
        }
    }

    /// The check that finds values that do not convert: the same conversion, of a text value.
    func checkExpression(of operand: String) -> String {
        if case .decimal(let places) = field.type {
            return places == 2 ? "decimal(\(operand))" : "decimal(\(operand), \(places))"
        }
        return "date(\(operand))"
    }

    /// What a value that fails the check is not: "amount", "date", "number".
    var expectedNoun: String {
        if case .decimal = field.type { return field.name == "rate" ? "number" : "amount" }
        return "date"
    }

    private var typedNull: String {
        switch field.type {
        case .text: return "text(null)"
        case .decimal(let places): return places == 2 ? "decimal(null)" : "decimal(null, \(places))"
        case .date: return "date(null)"
        default: return "null"
        }
    }

    static func noun(_ type: LogicalType) -> String {
        switch type {
        case .decimal(2): return "money"
        case .decimal: return "a decimal"
        case .date: return "a date"
        case .datetime: return "a date and time"
        default: return "\(type)"
        }
    }
}
