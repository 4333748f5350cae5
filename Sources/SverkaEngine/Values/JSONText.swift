/// JSON spelling shared by the json renderer and the json exporter.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped; U+2028 and
    /// U+2029 too, since JavaScript source cannot hold them raw.
    public static func string(_ text: String) -> String {
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
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Object keys made unique: a join's second `id` becomes `id_2`, so no value is lost.
    public static func uniqueNames(_ names: [String]) -> [String] {
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
