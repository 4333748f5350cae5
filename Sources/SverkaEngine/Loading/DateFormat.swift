/// The date formats a load reads. `yyyy-MM-dd` is always read; the option says how to read the
/// others where the values alone cannot (`05/06/2026` is May or June), and restricts date
/// columns to that format and ISO.
public enum DateFormat: String, Sendable, Hashable, CaseIterable {
    case iso = "yyyy-MM-dd"
    case dotted = "dd.MM.yyyy"
    case dottedShortYear = "dd.MM.yy"
    case monthFirst = "MM/dd/yyyy"
    case dayFirstSlashed = "dd/MM/yyyy"

    /// A pattern as users write it; a time part (`dd.MM.yyyy HH:mm:ss`) is allowed and ignored,
    /// since times are read whenever they are there.
    public init?(pattern: String) {
        var text = pattern.trimmingPrefix(while: { $0 == " " })
        if let space = text.firstIndex(of: " ") ?? text.firstIndex(of: "T") { text = text[..<space] }
        switch String(text) {
        case "yyyy-MM-dd", "iso": self = .iso
        case "dd.MM.yyyy", "d.M.yyyy": self = .dotted
        case "dd.MM.yy", "d.M.yy": self = .dottedShortYear
        case "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yy", "M/d/yy": self = .monthFirst
        case "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy": self = .dayFirstSlashed
        default: return nil
        }
    }

    var family: LocaleDate.Family {
        switch self {
        case .iso: return .iso
        case .dotted, .dottedShortYear: return .dotted
        case .monthFirst, .dayFirstSlashed: return .slashed
        }
    }

    public static let patternsText = "\"dd.MM.yyyy\", \"dd.MM.yy\", \"yyyy-MM-dd\", \"MM/dd/yyyy\" or \"dd/MM/yyyy\""
}

private extension StringProtocol {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> SubSequence {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
