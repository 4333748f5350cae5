/// The type a CSV column gets once every value has been seen, and the note that explains it.
///
/// A column is the type most of its values have (numbers, then dates, then bools). When a few
/// values do not fit — at most one in a thousand, and no more than a thousand — they are bad
/// values (a typo on line 70 001 of a money column), not a reason to make the column text;
/// more than that, and the column is text, with a note naming the first value that did not fit.
enum CSVColumnDecision {
    struct Context {
        var readings: NumberReadings
        var dateFormat: DateFormat?
        var habit: DecimalHabit
    }

    static func decide(_ state: CSVColumnInference, name: String, samples: [ValueKind: ValueSample],
                       context: Context) -> ColumnPlan {
        let empties = state.nulls > 0 ? "; \(state.nulls) empty → null" : ""
        if state.values == 0 { return .text(name, LoadNote("\(name): text (all values empty)")) }
        if state.counts[.identifier] > 0 {
            let typed = state.counts.sum(ValueKind.numbers + ValueKind.dates) + state.counts[.bool] > 0
            return .text(name, LoadNote("\(name): text\(identifierText(state.identifierReason, samples[.identifier], typed: typed))"))
        }
        let counts = state.counts
        let numbers = counts.sum(ValueKind.numbers)
        let dates = counts.sum(ValueKind.dates)
        let bools = counts[.bool]
        var proposal: Proposal
        if numbers > 0, numbers >= dates, numbers >= bools {
            proposal = numberProposal(state, name: name, context: context)
        } else if dates > 0, dates >= bools {
            proposal = dateProposal(state, name: name, context: context, samples: samples)
        } else if bools > 0 {
            proposal = boolProposal(state, name: name)
        } else {
            return .text(name, LoadNote("\(name): text"))
        }
        if let settled = proposal.plan { return settled }
        return settle(&proposal, state: state, name: name, samples: samples, empties: empties)
    }

    /// A typed reading of a column: which kinds it covers, the type, the note's format text.
    struct Proposal {
        var type: LogicalType
        var format: FieldFormat
        var covered: [ValueKind]
        /// `, decimal comma, space thousands` — after the type in the note.
        var details: String
        var notable: Bool
        /// Said after the details: why an ambiguous reading went the way it did.
        var remark = ""
        /// A decision already made (text for a reason of its own).
        var plan: ColumnPlan?
    }

    /// Applies the rule for values that fit no reading: bad values when rare, else text.
    private static func settle(_ proposal: inout Proposal, state: CSVColumnInference, name: String,
                               samples: [ValueKind: ValueSample], empties: String) -> ColumnPlan {
        let coveredCount = state.counts.sum(proposal.covered)
        let outliers = state.values - coveredCount
        let uncovered = ValueKind.allCases.filter { $0 != .empty && !proposal.covered.contains($0) }
        let first = uncovered.compactMap { samples[$0] }.min { $0.line < $1.line }
        let typeText = "\(proposal.type)"
        if outliers > 0, outliers > CSVColumnInference.outlierLimit || coveredCount < outliers * 1000 {
            var reason = ""
            if let first {
                let kind = uncovered.first { samples[$0]?.line == first.line }
                let what = kind == .commaNumber ? "a decimal comma where the others have a point"
                    : kind == .pointNumber ? "a decimal point where the others have a comma"
                    : "not \(expected(proposal.type))"
                reason = " (line \(first.line) has \(ColumnDecision.quoted(first.text)), \(what))"
            }
            return .text(name, .notable("\(name): text\(reason); to force: with (types: (\(quotedName(name)): \(typeText)))"))
        }
        var plan = ColumnPlan(column: ResultColumn(name: name, type: proposal.type), format: proposal.format,
                              note: LoadNote("\(name): \(typeText)\(proposal.details)\(proposal.remark)\(empties)",
                                             plain: !proposal.notable && proposal.remark.isEmpty))
        plan.summary = "\(typeText)\(proposal.details)"
        if outliers > 0 {
            plan.badValues = outliers
            plan.firstBad = first
            let values = outliers == 1 ? "1 value" : "\(outliers) values"
            plan.note = .notable(plan.note.text + "; \(values) it cannot hold (line \(first?.line ?? 0) first)")
        }
        return plan
    }

    static func expected(_ type: LogicalType) -> String {
        switch type {
        case .integer, .decimal, .number: return "a number"
        case .date, .datetime: return "a date"
        case .bool: return "true or false"
        case .text, .null: return "text"
        }
    }

    /// A column name as an option key: bare when it is a plain word, else back-quoted.
    static func quotedName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
            && !("0"..."9").contains(name.unicodeScalars.first ?? "0")
        return plain ? name : "`\(name)`"
    }

    private static func identifierText(_ reason: IdentifierReason?, _ sample: ValueSample?, typed: Bool) -> String {
        switch reason {
        case .leadingZeros?: return " (leading zeros)"
        case .tooLarge?: return " (numbers too large for 64 bits)"
        case .tooManyDecimals?: return " (more than \(LogicalType.maximumScale) decimal places)"
        case .formulaGuard?:
            // Worth a word only when the other values looked like numbers, dates or bools.
            guard typed, let sample else { return "" }
            return " (line \(sample.line) has \(ColumnDecision.quoted(sample.text)), text guarded against spreadsheet formulas)"
        case nil: return ""
        }
    }

    private static func boolProposal(_ state: CSVColumnInference, name: String) -> Proposal {
        let words = state.boolKinds == .trueFalse ? "" : " (\(state.boolKinds.text))"
        return Proposal(type: .bool, format: FieldFormat(type: .bool), covered: [.bool], details: words,
                        notable: !words.isEmpty)
    }
}
