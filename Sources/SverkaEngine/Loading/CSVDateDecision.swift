/// Dates: which way they are written, whether they carry times, and for `05/06/2026` which
/// number is the month — decided by a value that can only be read one way, or by the option.
extension CSVColumnDecision {
    static func dateProposal(_ state: CSVColumnInference, name: String, context: Context,
                             samples: [ValueKind: ValueSample]) -> Proposal {
        let counts = state.counts
        let slashedKinds: [ValueKind] = [.slashedDate, .slashedDateTime, .dayFirstDate, .dayFirstDateTime,
                                         .monthFirstDate, .monthFirstDateTime]
        var tallies: [(LocaleDate.Family, Int)] = [(.iso, counts[.isoDate] + counts[.isoDateTime]),
                                                   (.dotted, counts[.dottedDate] + counts[.dottedDateTime]),
                                                   (.slashed, counts.sum(slashedKinds))]
        if let option = context.dateFormat {
            tallies = tallies.filter { $0.0 == .iso || $0.0 == option.family }
        }
        let family = tallies.max { $0.1 < $1.1 }?.0 ?? .iso
        var format = FieldFormat(type: .date)
        format.dateFamily = family
        var covered: [ValueKind]
        var pattern = ""
        var order = ""
        switch family {
        case .iso:
            covered = [.isoDate, .isoDateTime]
        case .dotted:
            covered = [.dottedDate, .dottedDateTime]
            pattern = state.longYears ? "dd.MM.yyyy" + (state.shortYears ? " and dd.MM.yy" : "") : "dd.MM.yy"
        case .slashed:
            let dayFirst = counts[.dayFirstDate] + counts[.dayFirstDateTime]
            let monthFirst = counts[.monthFirstDate] + counts[.monthFirstDateTime]
            if let option = context.dateFormat, option.family == .slashed {
                format.monthFirst = option == .monthFirst
                order = " (as the date option says)"
            } else if dayFirst == 0, monthFirst == 0 {
                let example = samples[.slashedDate] ?? samples[.slashedDateTime]
                var proposal = Proposal(type: .text, format: format, covered: [], details: "", notable: true)
                proposal.plan = .text(name, .notable("\(name): text (dates like \(ColumnDecision.quoted(example?.text ?? "05/06/2026")) "
                                                     + "could be MM/dd/yyyy or dd/MM/yyyy); to choose: with (date: \"dd/MM/yyyy\")"))
                return proposal
            } else {
                format.monthFirst = monthFirst >= dayFirst
                let witness = format.monthFirst ? samples[.monthFirstDate] ?? samples[.monthFirstDateTime]
                    : samples[.dayFirstDate] ?? samples[.dayFirstDateTime]
                if let witness { order = " (line \(witness.line) has \(ColumnDecision.quoted(witness.text)))" }
            }
            covered = [.slashedDate, .slashedDateTime]
                + (format.monthFirst ? [.monthFirstDate, .monthFirstDateTime] : [.dayFirstDate, .dayFirstDateTime])
            let year = state.longYears ? "yyyy" : "yy"
            pattern = format.monthFirst ? "MM/dd/\(year)" : "dd/MM/\(year)"
        }
        let timed = covered.filter(\.hasTime).reduce(0) { $0 + counts[$1] }
        let untimed = covered.filter { !$0.hasTime }.reduce(0) { $0 + counts[$1] }
        let type: LogicalType = timed > 0 ? .datetime : .date
        format.type = type
        var details = timed > 0 && untimed > 0 ? " (dates without a time are midnight)" : ""
        if !pattern.isEmpty { details += ", \(pattern)\(order)" }
        var proposal = Proposal(type: type, format: format, covered: covered, details: details, notable: family != .iso)
        if state.shortYears, family != .iso { proposal.remark = "; two-digit years 69–99 are 19xx, 00–68 are 20xx" }
        return proposal
    }
}
