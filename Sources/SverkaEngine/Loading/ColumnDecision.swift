/// The type a column gets at the end of the first pass, and the note that explains it.
enum ColumnDecision {
    static func decide(_ state: ColumnInference, name: String, override: LogicalType?) -> (type: LogicalType, note: String) {
        let empties = state.nulls > 0 ? "; \(state.nulls) empty → null" : ""
        if let override {
            return (override, "\(name): \(override) (as requested)\(empties)")
        }
        if state.values == 0 {
            return (.text, "\(name): text (all values empty)")
        }
        let candidates = state.candidates
        if candidates.contains(.number) {
            if !state.sawFraction { return (.integer, "\(name): integer\(empties)") }
            let scale = state.maxScale
            if state.decimalsFit(scale: scale) {
                let mixed = state.sawWhole ? " (whole numbers and decimals)" : ""
                return (.decimal(scale: scale), "\(name): decimal(\(scale))\(mixed)\(empties)")
            }
            return (.text, "\(name): text (numbers too large for decimal(\(scale)) in 64 bits)")
        }
        if candidates.contains(.date) { return (.date, "\(name): date\(empties)") }
        if candidates.contains(.dateTime) {
            let mixed = state.sawDateOnly ? " (dates without a time are midnight)" : ""
            return (.datetime, "\(name): datetime\(mixed)\(empties)")
        }
        if candidates.contains(.bool) { return (.bool, "\(name): bool\(empties)") }
        return (.text, "\(name): text\(reason(state.disqualifier))")
    }

    private static func reason(_ disqualifier: ColumnInference.Disqualifier?) -> String {
        guard let disqualifier else { return "" }
        switch disqualifier.reason {
        case .leadingZeros: return " (leading zeros)"
        case .tooLarge: return " (numbers too large for 64 bits)"
        case .tooManyDecimals: return " (more than \(LogicalType.maximumScale) decimal places)"
        case .other(let was):
            guard disqualifier.typedBefore > 0 else { return "" }
            let expected = was.contains(.number) ? "a number" : was.contains(.dateTime) ? "a date"
                : was.contains(.bool) ? "true or false" : "a value"
            return " (line \(disqualifier.line) has \(quoted(disqualifier.value)), not \(expected))"
        }
    }

    /// A value inside a message: quoted, control characters escaped, long values cut.
    static func quoted(_ value: String) -> String {
        var shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        shown = shown.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\"": return "\\\""
            default: return scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }.joined()
        return "\"\(shown)\""
    }
}
