/// A value kept from the first pass for messages: where it is and what it says.
struct ValueSample: Sendable {
    var line: Int
    /// `path:line:column` of the field.
    var location: String
    var text: String
    var failure: FieldConverter.Failure = .invalid
}

/// One column as the first pass decided it: its type, how its values are written, the note
/// that explains it, and the values it cannot hold.
struct ColumnPlan: Sendable {
    var column: ResultColumn
    var format: FieldFormat
    var note: LoadNote
    /// Values its type cannot hold: bad rows, stopping the load or skipped into the rejects.
    var badValues = 0
    /// The first of them (by line).
    var firstBad: ValueSample?
    /// What the other values are, for the bad value's message: `decimal(2), decimal comma`.
    var summary: String = ""
    /// Non-empty values in the column.
    var values = 0

    init(column: ResultColumn, format: FieldFormat, note: LoadNote) {
        self.column = column
        self.format = format
        self.note = note
    }

    static func text(_ name: String, _ note: LoadNote) -> ColumnPlan {
        ColumnPlan(column: ResultColumn(name: name, type: .text), format: FieldFormat(type: .text), note: note)
    }
}

/// What the whole file says about decimal separators, for columns whose numbers could be read
/// either way (`1,234`): the separator most unambiguous columns use, else a guess from the
/// field separator.
struct DecimalHabit: Sendable {
    var separator: UInt8
    var reason: String
    /// True when other columns showed it; false for the guess from the field separator.
    var fromEvidence: Bool

    init(pointColumns: Int, commaColumns: Int, fieldSeparator: UInt8) {
        fromEvidence = pointColumns != commaColumns
        if commaColumns > pointColumns {
            separator = UInt8(ascii: ",")
            reason = "the file's other numbers use a decimal comma"
        } else if pointColumns > commaColumns {
            separator = UInt8(ascii: ".")
            reason = "the file's other numbers use a decimal point"
        } else if fieldSeparator == UInt8(ascii: ",") {
            separator = UInt8(ascii: ".")
            reason = "a comma-separated file rarely writes decimal commas"
        } else {
            separator = UInt8(ascii: ",")
            reason = "files separated by \(CSVSniffer.name(of: fieldSeparator)) usually write decimal commas"
        }
    }
}
