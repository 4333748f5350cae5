import SverkaEngine

/// Streams a JSON array with one object per row, keys in column order:
///
///     [
///       {"client_id": 17, "revenue": 12345.67},
///       {"client_id": 18, "revenue": null}
///     ]
///
/// Decimals are written from their digits, never through a Double. Repeated column names
/// (a join's two `id`s) become `id`, `id_2`, … so every key stays reachable.
struct JSONRenderer: ResultRenderer {
    private let sink: any TextSink
    private var keys: [String] = []
    private var rowCount = 0

    init(sink: any TextSink) {
        self.sink = sink
    }

    mutating func begin(_ columns: [ResultColumn]) {
        keys = JSONText.uniqueNames(columns.map(\.name)).map { JSONText.string($0) + ": " }
        rowCount = 0
    }

    mutating func row(_ values: [Value]) {
        var line = rowCount == 0 ? "[\n  {" : ",\n  {"
        for (index, key) in keys.enumerated() {
            if index > 0 { line += ", " }
            line += key
            line += Self.literal(index < values.count ? values[index] : .null)
        }
        line += "}"
        sink.write(line)
        rowCount += 1
    }

    mutating func finish() {
        sink.write(rowCount == 0 ? "[]\n" : "\n]\n")
        sink.flush()
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return String(number)
        case .decimal(let decimal): return decimal.formatted()
        // JSON has no NaN or infinity.
        case .number(let number): return number.isFinite ? Value.format(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .text(let text): return JSONText.string(text)
        case .date, .datetime: return JSONText.string(value.description)
        }
    }
}
