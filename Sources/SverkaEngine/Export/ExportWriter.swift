import SverkaSyntax

/// Turns a result, row by row, into one format's bytes. `begin` once, `write` per row (numbered
/// from 1), `finish` once when every row was written; a writer never holds more than a buffer.
protocol ExportWriter {
    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic)
    mutating func write(_ row: [Value], number: Int) throws(Diagnostic)
    mutating func finish() throws(Diagnostic)
}

/// What every writer needs besides its output: the options, the columns and the target's name.
struct ExportContext {
    var options: ExportOptions
    var format: ExportFormat
    var displayPath: String
    var sheetName: String

    var cellText: ExportCellText { ExportCellText(decimalComma: options.decimalComma, dateStyle: options.dateStyle) }

    /// Whether text cells get the leading `'` that keeps formulas from running.
    var guardsFormulas: Bool { format.guardsFormulas && !options.raw }
}
