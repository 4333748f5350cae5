import SverkaSyntax

/// What the first pass learns about a column whose type the user gave: which values convert
/// under each decimal separator, and the first that does not.
struct OverrideTally: Sendable {
    var convertibleWithPoint = 0
    var convertibleWithComma = 0
    var firstFailureWithPoint: ValueSample?
    var firstFailureWithComma: ValueSample?
    /// Values no reading converts (bool and date columns count only these).
    var hopeless = 0
    var firstHopeless: ValueSample?
}

/// A column with a type given in `types: (…)`: the type stands; the values show how they are
/// written (decimal comma, date order), and those the type cannot hold are bad values.
extension CSVColumnDecision {
    static func decide(override type: LogicalType, _ state: CSVColumnInference, tally: OverrideTally, name: String,
                       samples: [ValueKind: ValueSample], context: Context) throws(Diagnostic) -> ColumnPlan {
        let empties = state.nulls > 0 ? "; \(state.nulls) empty → null" : ""
        var plan = ColumnPlan(column: ResultColumn(name: name, type: type), format: FieldFormat(type: type),
                              note: LoadNote("\(name): \(type) (as requested)\(empties)"))
        plan.summary = "\(type)"
        switch type {
        case .text, .null:
            return plan
        case .integer, .decimal, .number:
            var proposal = numberProposal(state, name: name, context: context)
            proposal.format.type = type
            plan.format = proposal.format
            let comma = proposal.format.decimal == UInt8(ascii: ",")
            plan.badValues = state.values - (comma ? tally.convertibleWithComma : tally.convertibleWithPoint)
            plan.firstBad = comma ? tally.firstFailureWithComma : tally.firstFailureWithPoint
            // The number's marks, without the inferred type's own words.
            let marks = proposal.details.replacingOccurrences(of: " (whole numbers and decimals)", with: "")
            // Asked for, two currencies still load, but not without a word.
            let mixed = state.otherCurrency.map { other in
                "; mixes currencies: \(state.currency?.text ?? "") on line \(state.currencyLine), \(other.text) on line \(state.otherCurrencyLine)"
            } ?? ""
            if !marks.isEmpty || !proposal.remark.isEmpty || !mixed.isEmpty {
                plan.note = .notable("\(name): \(type) (as requested)\(marks)\(mixed)\(proposal.remark)\(empties)")
                plan.summary = "\(type)\(marks)"
            }
        case .date, .datetime:
            let proposal = dateProposal(state, name: name, context: context, samples: samples)
            if proposal.plan != nil {
                throw Diagnostic("column '\(name)' is to be \(type), but its dates could be MM/dd/yyyy or dd/MM/yyyy",
                                 hints: ["say which: with (date: \"dd/MM/yyyy\") or with (date: \"MM/dd/yyyy\")"])
            }
            plan.format = proposal.format
            plan.format.type = type
            let covered = type == .date ? proposal.covered.filter { !$0.hasTime } : proposal.covered
            plan.badValues = state.values - state.counts.sum(covered)
            plan.firstBad = ValueKind.allCases.filter { $0 != .empty && !covered.contains($0) }
                .compactMap { samples[$0] }.min { $0.line < $1.line }
            let pattern = proposal.details.components(separatedBy: ", ").dropFirst().joined(separator: ", ")
            if !pattern.isEmpty {
                plan.note = .notable("\(name): \(type) (as requested), \(pattern)\(proposal.remark)\(empties)")
                plan.summary = "\(type), \(pattern)"
            }
        case .bool:
            plan.badValues = tally.hopeless
            plan.firstBad = tally.firstHopeless
        }
        return plan
    }
}
