import SverkaSyntax

/// Writes JSON — an array with one object per row — or NDJSON, one object per line:
///
///     [
///       {"deal_id": 101, "amount": 1250000.50, "closed_at": "2026-02-20", "won": true},
///       {"deal_id": 102, "amount": null, "closed_at": null, "won": false}
///     ]
///
/// Numbers are JSON numbers, decimals written from their digits (never through a Double), so
/// a reader that keeps decimals exact gets the kopecks exactly. Dates are strings. Repeated
/// column names (a join's two `id`s) become `id`, `id_2`, … so that every key stays reachable.
struct ExportJSONWriter: ExportWriter {
    private let output: ExportOutput
    private let lines: Bool
    private let cellText: ExportCellText
    private var keys: [[UInt8]] = []
    private var rowCount = 0

    /// `lines`: NDJSON rather than one array.
    init(output: ExportOutput, context: ExportContext, lines: Bool) {
        self.output = output
        self.lines = lines
        cellText = context.cellText
    }

    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic) {
        keys = JSONText.uniqueNames(columns.map(\.name)).map { Array((JSONText.string($0) + ": ").utf8) }
    }

    mutating func write(_ row: [Value], number: Int) throws(Diagnostic) {
        if !lines { output.write(ascii: rowCount == 0 ? "[\n  " : ",\n  ") }
        output.write(byte: UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { output.write(ascii: ", ") }
            output.write(bytes: key)
            _ = output.write(literal(index < row.count ? row[index] : .null))
        }
        output.write(byte: UInt8(ascii: "}"))
        if lines { output.write(byte: UInt8(ascii: "\n")) }
        rowCount += 1
        try output.flushIfFull()
    }

    mutating func finish() throws(Diagnostic) {
        if !lines { output.write(ascii: rowCount == 0 ? "[]\n" : "\n]\n") }
    }

    private func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer, .decimal: return cellText.text(value) ?? "null"
        // JSON has no NaN or infinity.
        case .number(let number): return number.isFinite ? ExportCellText.number(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .text(let text): return JSONText.string(text)
        case .date, .datetime: return JSONText.string(cellText.text(value) ?? "")
        }
    }
}
