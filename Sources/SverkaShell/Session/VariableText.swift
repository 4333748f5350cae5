import SverkaEngine

/// How a `--set name=value` is typed: whole numbers, exact decimals, dates, booleans, else text.
public enum VariableText {
    public static func value(of text: String) -> Value {
        let trimmed = Substring(text)
        if let number = Int64(trimmed), !(text.hasPrefix("0") && text.count > 1) { return .integer(number) }
        if text.contains("."), let decimal = ExactDecimal(parsing: trimmed), !text.hasPrefix("+"),
           decimal.scale <= LogicalType.maximumScale {
            return .decimal(decimal)
        }
        if let date = CalendarDate(iso: trimmed) { return .date(date) }
        if let datetime = CalendarDateTime(iso: trimmed) { return .datetime(datetime) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .text(text)
        }
    }

    /// Whether a name can be read back as `$name`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }
}
