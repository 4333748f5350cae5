/// Numbers: which decimal separator, which scale, and the marks found (thousands groups,
/// accounting negatives, a currency).
extension CSVColumnDecision {
    static func numberProposal(_ state: CSVColumnInference, name: String, context: Context) -> Proposal {
        let (decimal, remark) = decimalSeparator(state, context: context)
        let comma = decimal == UInt8(ascii: ",")
        let stats = comma ? state.comma : state.point
        var covered: [ValueKind] = [.number, .eitherComma, .eitherDot]
        covered.append(comma ? .commaNumber : .pointNumber)
        var format = FieldFormat(type: .integer)
        format.decimal = decimal
        format.thousands = comma ? context.readings.commaThousands : context.readings.pointThousands
        if let other = state.otherCurrency, let first = state.currency {
            var proposal = Proposal(type: .text, format: format, covered: covered, details: "", notable: true)
            proposal.plan = .text(name, .notable("\(name): text (mixes currencies: \(first.text) on line \(state.currencyLine), "
                                                 + "\(other.text) on line \(state.otherCurrencyLine))"))
            return proposal
        }
        var type = LogicalType.integer
        var mixed = ""
        if stats.sawFraction {
            guard stats.fits(scale: stats.maxScale) else {
                var proposal = Proposal(type: .text, format: format, covered: covered, details: "", notable: false)
                proposal.plan = .text(name, LoadNote("\(name): text (numbers too large for decimal(\(stats.maxScale)) in 64 bits)"))
                return proposal
            }
            type = .decimal(scale: stats.maxScale)
            if stats.sawWhole { mixed = " (whole numbers and decimals)" }
        }
        format.type = type
        var marks: [String] = []
        if comma { marks.append("decimal comma") }
        if stats.features.contains(.spaceThousands) { marks.append("space thousands") }
        if stats.features.contains(.commaThousands) { marks.append("comma thousands") }
        if stats.features.contains(.dotThousands) { marks.append("dot thousands") }
        if stats.features.contains(.parentheses) { marks.append("negatives in parentheses") }
        if stats.features.contains(.trailingMinus) { marks.append("trailing minus") }
        if let currency = state.currency { marks.append("currency \(currency.text)") }
        let details = mixed + marks.map { ", " + $0 }.joined()
        var proposal = Proposal(type: type, format: format, covered: covered, details: details, notable: !marks.isEmpty)
        proposal.remark = remark
        return proposal
    }

    /// The option, else what the column's own values say, else the file's habit — with a remark
    /// when values like `1,234` were read by the habit rather than by the column.
    static func decimalSeparator(_ state: CSVColumnInference, context: Context) -> (UInt8, String) {
        let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        if !context.readings.pointAllowed { return (comma, "") }
        if !context.readings.commaAllowed { return (point, "") }
        let counts = state.counts
        let byPoint = counts[.pointNumber], byComma = counts[.commaNumber]
        if byPoint > 0 || byComma > 0 { return (byComma > byPoint ? comma : point, "") }
        let ambiguousComma = counts[.eitherComma], ambiguousDot = counts[.eitherDot]
        guard ambiguousComma + ambiguousDot > 0 else { return (point, "") }
        var separator = context.habit.separator
        var reason = context.habit.reason
        if !context.habit.fromEvidence, ambiguousDot > 0 {
            // With nothing else to go by, a lone `1.500` is far more often 1.5 than 1500.
            separator = point
            reason = "nothing in the file says otherwise"
        }
        let example = ambiguousComma > 0 ? "\"1,234\"" : "\"1.500\""
        let reading = separator == comma ? "a decimal comma" : "a decimal point"
        let other = separator == comma ? "." : ","
        return (separator, "; values like \(example) read with \(reading), as \(reason);"
                + " to read them otherwise: with (decimal: \"\(other)\")")
    }
}
