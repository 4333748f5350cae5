import SverkaDomain

/// The lines `map` prints on stderr: what the role reads, field by field, and what to look at.
struct MappingReportText {
    let report: MappingReport

    var lines: [String] {
        let mapping = report.mapping
        let replacing = report.previousTable.map { " (replacing \($0))" } ?? ""
        var lines = ["mapped \(mapping.table) as \(mapping.role.name)\(replacing): \(report.rows) rows, "
                     + "\(mapping.mappedFields.count) of \(mapping.assignments.count) fields"]
        let fieldWidth = mapping.assignments.map(\.field.name.count).max() ?? 0
        let sourceWidth = mapping.assignments.compactMap { $0.source?.count }.max() ?? 0
        for assignment in mapping.assignments {
            let field = assignment.field.name.padding(toLength: fieldWidth)
            let arrow = assignment.isMapped ? "←" : " "
            let source = (assignment.source ?? "").padding(toLength: sourceWidth)
            var how = assignment.origin.phrase
            if let note = report.conversionNotes[assignment.field.name] { how += "; \(note)" }
            if assignment.field.name == "stage", let stages = report.stages {
                how += "; \(stages.won) won, \(stages.lost) lost, \(stages.open) open"
            }
            lines.append("  \(field) \(arrow) \(source)  \(how)")
        }
        lines += stageAdvice + nullValues
        if !report.unusedColumns.isEmpty {
            lines.append("  unused columns: " + report.unusedColumns.joined(separator: ", "))
        }
        return lines
    }

    /// The raw values read as open, and a warning when nothing is won or lost.
    private var stageAdvice: [String] {
        guard let stages = report.stages else { return [] }
        var lines: [String] = []
        if !stages.openValues.isEmpty {
            let shown = stages.openValues.prefix(8).map { "\($0.value.map { "\"\($0)\"" } ?? "(no stage)") \($0.count)" }
            let more = stages.openValues.count > 8 ? ", …" : ""
            lines.append("  read as open: " + shown.joined(separator: ", ") + more)
        }
        if stages.won == 0 || stages.lost == 0, stages.open > 0 {
            let missing = [stages.won == 0 ? "won" : nil, stages.lost == 0 ? "lost" : nil].compactMap { $0 }
            lines.append("  no deal is \(missing.joined(separator: " or ")): if some stages mean it, say which: "
                         + "with (\(missing.map { "\($0): (\"…\")" }.joined(separator: ", ")))")
        }
        return lines
    }

    private var nullValues: [String] {
        report.nullValues.map { failure in
            "  \(failure.field): \(failure.verdict) and read as null (\(failure.exampleList))"
        }
    }
}

extension String {
    /// The text followed by spaces up to `length` characters.
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
