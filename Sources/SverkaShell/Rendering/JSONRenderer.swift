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
        keys = Self.uniqueNames(columns.map(\.name)).map { Self.string($0) + ": " }
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
        case .text(let text): return string(text)
        case .date, .datetime: return string(value.description)
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; U+2028 and
    /// U+2029 too, since JavaScript source cannot hold them raw.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func uniqueNames(_ names: [String]) -> [String] {
        var taken = Set(names)
        var seen: Set<String> = []
        return names.map { name in
            guard seen.contains(name) else {
                seen.insert(name)
                return name
            }
            var suffix = 2
            while taken.contains("\(name)_\(suffix)") { suffix += 1 }
            let unique = "\(name)_\(suffix)"
            taken.insert(unique)
            return unique
        }
    }
}
