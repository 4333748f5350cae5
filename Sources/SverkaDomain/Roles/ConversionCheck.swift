import SverkaEngine
import SverkaSyntax

/// Counts the values of text sources that do not read as what their field needs (an amount, a
/// date), with the first few and their row numbers. One pass over the table reads every
/// checked field; it runs only when some field's source is text.
struct ConversionCheck {
    /// How many examples each field keeps.
    static let exampleLimit = 3

    let runner: PipelineRunner
    /// The source table as pipeline text.
    let table: String
    /// The fields to check, with their source operands as pipeline text.
    let fields: [(assignment: FieldAssignment, operand: String)]

    func failures() throws(Diagnostic) -> [ConversionFailures] {
        guard !fields.isEmpty else { return [] }
        let counts = try badCounts()
        guard counts.contains(where: { $0 > 0 }) else { return [] }
        var found = zip(fields, counts).map { field, count in
            ConversionFailures(field: field.assignment.field.name, source: field.assignment.source ?? "",
                               expected: FieldConversion(field: field.assignment.field, sourceType: .text).expectedNoun,
                               count: count, examples: [])
        }
        try collectExamples(into: &found)
        return found.filter { $0.count > 0 }
    }

    /// A value that is there (not null, not blank: blank text reads as a missing value) and
    /// does not convert.
    private func isBad(_ index: Int) -> String {
        let field = fields[index]
        let conversion = FieldConversion(field: field.assignment.field, sourceType: .text)
        return "\(field.operand) != null and trim(\(field.operand)) != \"\" and \(conversion.checkExpression(of: field.operand)) == null"
    }

    /// How many bad values each field has: one aggregate query, so that the usual case (none)
    /// never brings the rows into Swift.
    private func badCounts() throws(Diagnostic) -> [Int] {
        let items = fields.indices.map { "b\($0) = count(if(\(isBad($0)), 1, null))" }
        let query = try runner.compile("from \(table) | group (" + items.joined(separator: ", ") + ")",
                                       name: "the check of \(table)")
        var counts = [Int](repeating: 0, count: fields.count)
        try runner.run(query) { row in
            for index in counts.indices { if case .integer(let n) = row[index] { counts[index] = Int(n) } }
        }
        return counts
    }

    /// The first few bad values of each field, with their row numbers: a pass in table order.
    private func collectExamples(into found: inout [ConversionFailures]) throws(Diagnostic) {
        let items = fields.indices.map { "v\($0) = \(fields[$0].operand), b\($0) = \(isBad($0))" }
        let query = try runner.compile("from \(table) | select " + items.joined(separator: ", "), name: "the check of \(table)")
        var row = 0
        try runner.run(query) { values in
            row += 1
            for index in found.indices where found[index].examples.count < Self.exampleLimit {
                guard values[2 * index + 1] == .bool(true), case .text(let text) = values[2 * index] else { continue }
                found[index].examples.append(ConversionFailures.Example(row: row, value: text))
            }
        }
    }
}
