import Foundation

/// What a cell's number format says about its number: a date, a time, money with fixed places, …
enum XLSXNumberFormat: Equatable {
    case general
    /// Shown with this many decimal places (`0.00`, `#,##0.00 ₽`): the places a money column keeps.
    case fixed(decimals: Int)
    /// A date, perhaps with a time: the number is a serial day count.
    case date
    /// A time of day only (`h:mm`).
    case time
    /// Elapsed time (`[h]:mm:ss`): hours beyond a day.
    case duration
    /// Percentages, scientific, fractions, text: the number is kept as it is.
    case other

    var isTemporal: Bool { self == .date || self == .time || self == .duration }

    /// The meaning of a format by its id (0…163 are built in) or its custom format code.
    static func classify(id: Int, code: String?) -> XLSXNumberFormat {
        if let code { return classify(code: code) }
        switch id {
        case 0: return .general
        case 1, 3, 5, 6, 37, 38, 41, 42: return .fixed(decimals: 0)
        case 2, 4, 7, 8, 39, 40, 43, 44: return .fixed(decimals: 2)
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45, 47: return .time
        case 46: return .duration
        default: return .other
        }
    }

    /// Reads a custom code's first section, ignoring quoted text, escaped characters, fill and
    /// padding characters, and bracketed colours, locales and conditions.
    static func classify(code: String) -> XLSXNumberFormat {
        var plain = ""
        var elapsed = false
        var characters = code.makeIterator()
        var inQuotes = false
        while let character = characters.next() {
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": _ = characters.next()
            case ";": characters = "".makeIterator()  // only the first (positive) section matters
            case "[":
                var inside = ""
                while let next = characters.next(), next != "]" { inside.append(next) }
                let lower = inside.lowercased()
                if !lower.isEmpty, lower.allSatisfy({ $0 == "h" }) || lower.allSatisfy({ $0 == "m" })
                    || lower.allSatisfy({ $0 == "s" }) { elapsed = true }
            default: plain.append(character)
            }
        }
        let lower = plain.lowercased()
        if lower.trimmingCharacters(in: .whitespaces) == "general" { return .general }
        if lower.contains("y") || lower.contains("d") { return .date }
        if elapsed { return .duration }
        if lower.contains("h") || lower.contains("s") { return .time }
        if lower.contains("m") { return .date }  // `mmm yy` without y is rare; `mmmm` is a month name
        if lower.contains("%") || lower.contains("e+") || lower.contains("e-") || lower.contains("/") || lower.contains("@") {
            return .other
        }
        guard let point = lower.firstIndex(of: ".") else {
            return lower.contains("0") || lower.contains("#") ? .fixed(decimals: 0) : .general
        }
        let decimals = lower[lower.index(after: point)...].prefix { $0 == "0" || $0 == "#" || $0 == "?" }
        return .fixed(decimals: decimals.filter { $0 == "0" }.count)
    }
}
