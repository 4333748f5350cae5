/// How values read in a text export: exact decimals from their digits, the chosen decimal
/// separator and date layout, and no grouping (so the file loads back as numbers).
struct ExportCellText {
    var decimalComma = false
    var dateStyle: ExportDateStyle = .iso

    /// The text of a value; nil for null, which each format writes its own way.
    func text(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .decimal(let decimal): return decimal.formatted(decimalSeparator: decimalComma ? "," : ".")
        case .number(let number):
            let text = Self.number(number)
            return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
        case .text(let text): return text
        case .date(let date): return dateStyle.text(date)
        case .datetime(let datetime): return dateStyle.text(datetime)
        case .bool(let flag): return flag ? "true" : "false"
        }
    }

    /// A binary float in the shortest form that reads back to the same value (the screen's
    /// ten digits would lose precision a file must keep); whole numbers without `.0`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
