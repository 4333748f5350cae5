import SverkaSyntax

/// Writes a GitHub-flavoured Markdown table, for people: numeric columns right-aligned, money
/// grouped by thousands (`1,234,567.50`, or `1 234 567,50` with a decimal comma), a null as an
/// empty cell, `|` escaped and line breaks as `<br>`. Cells are not padded, so rows stream.
struct ExportMarkdownWriter: ExportWriter {
    private let output: ExportOutput
    private let context: ExportContext
    private let cellText: ExportCellText
    private var names: [String] = []

    init(output: ExportOutput, context: ExportContext) {
        self.output = output
        self.context = context
        cellText = context.cellText
    }

    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic) {
        names = columns.map(\.name)
        if context.options.byteOrderMark { output.write(bytes: [0xEF, 0xBB, 0xBF]) }
        // A Markdown table needs at least one column.
        guard !columns.isEmpty else { return }
        try line(names, row: 0)
        output.write(ascii: "|" + columns.map { $0.type.isNumeric ? "--:" : "---" }.joined(separator: "|") + "|\n")
    }

    mutating func write(_ row: [Value], number: Int) throws(Diagnostic) {
        guard !names.isEmpty else { return }
        try line(names.indices.map { index in text(index < row.count ? row[index] : .null) }, row: number)
        try output.flushIfFull()
    }

    mutating func finish() throws(Diagnostic) {}

    private func text(_ value: Value) -> String {
        guard case .decimal(let decimal) = value else { return cellText.text(value) ?? "" }
        return context.options.decimalComma
            ? decimal.formatted(groupingSeparator: " ", decimalSeparator: ",")
            : decimal.formatted(groupingSeparator: ",")
    }

    private func line(_ cells: [String], row: Int) throws(Diagnostic) {
        output.write(ascii: "| ")
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.write(ascii: " | ") }
            if let unencodable = output.write(MarkdownText.cell(cell)) {
                throw ExportError.unencodable(unencodable, row: row, column: names[index], encoding: output.encoding,
                                              target: context.displayPath, at: context.options.spans["encoding"])
            }
        }
        output.write(ascii: " |\n")
    }
}
