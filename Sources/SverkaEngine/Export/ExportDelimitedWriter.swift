import SverkaSyntax

/// Writes CSV or TSV: RFC 4180 quoting (a field with the delimiter, a quote or a line break is
/// quoted, quotes doubled), `\n` line ends, a null as an empty field and empty text as `""`
/// so the two stay apart when loaded back.
struct ExportDelimitedWriter: ExportWriter {
    private let output: ExportOutput
    private let context: ExportContext
    private let cellText: ExportCellText
    /// One ASCII byte: the option reader refuses anything else.
    private let delimiter: UInt8
    private var names: [String] = []

    init(output: ExportOutput, context: ExportContext, delimiter: UInt8) {
        self.output = output
        self.context = context
        cellText = context.cellText
        self.delimiter = delimiter
    }

    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic) {
        names = columns.map(\.name)
        if context.options.byteOrderMark { output.write(bytes: [0xEF, 0xBB, 0xBF]) }
        // No columns, no line: a lone empty line would read back as one empty field.
        guard context.options.header, !columns.isEmpty else { return }
        for (index, name) in names.enumerated() {
            if index > 0 { output.write(byte: delimiter) }
            try field(context.guardsFormulas ? FormulaInjectionGuard.guarded(name) : name, row: 0, column: index)
        }
        output.write(byte: UInt8(ascii: "\n"))
    }

    mutating func write(_ row: [Value], number: Int) throws(Diagnostic) {
        guard !names.isEmpty else { return }
        for index in names.indices {
            if index > 0 { output.write(byte: delimiter) }
            let value = index < row.count ? row[index] : .null
            guard var text = cellText.text(value) else { continue }
            if case .text = value {
                if text.isEmpty {
                    output.write(ascii: "\"\"")
                    continue
                }
                if context.guardsFormulas { text = FormulaInjectionGuard.guarded(text) }
            }
            try field(text, row: number, column: index)
        }
        output.write(byte: UInt8(ascii: "\n"))
        try output.flushIfFull()
    }

    mutating func finish() throws(Diagnostic) {}

    private func field(_ text: String, row: Int, column: Int) throws(Diagnostic) {
        let unencodable: Unicode.Scalar?
        if needsQuotes(text) {
            var quoted = "\""
            for scalar in text.unicodeScalars {
                if scalar == "\"" { quoted += "\"" }
                quoted.unicodeScalars.append(scalar)
            }
            quoted += "\""
            unencodable = output.write(quoted)
        } else {
            unencodable = output.write(text)
        }
        if let unencodable {
            throw ExportError.unencodable(unencodable, row: row, column: names[column], encoding: output.encoding,
                                          target: context.displayPath, at: context.options.spans["encoding"])
        }
    }

    private func needsQuotes(_ text: String) -> Bool {
        text.utf8.contains { byte in
            byte == delimiter || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
    }
}
