import SverkaSyntax

/// How an export writes its file: the `with (…)` of `export … to "PATH"`. Every field has the
/// default a plain `export` uses; `spans` remembers where each option was written, so that an
/// error about one points at it.
public struct ExportOptions: Sendable {
    /// Overrides the format the extension implies.
    public var format: ExportFormat?
    public var encoding: ExportEncoding = .utf8
    /// The field separator, one ASCII character; nil means the format's own (`,` for csv, a
    /// tab for tsv), or `;` for csv when decimals are written with a comma.
    public var delimiter: UInt8?
    /// `","` writes `1234,50`; the default is a point.
    public var decimalComma = false
    public var dateStyle: ExportDateStyle = .iso
    /// Whether the first line (row) names the columns.
    public var header = true
    /// Writes text exactly as it is, without the leading `'` that keeps formulas from running.
    public var raw = false
    /// Starts a UTF-8 text file with a byte order mark, which Excel needs to read it as UTF-8.
    public var byteOrderMark = false
    /// `mask: true | false | "names"` as written; nil when not given.
    public var mask: MaskLevel?
    /// The masking applied to every row, with the rules of the columns known to hold personal
    /// data (the caller knows which those are); nil masks by `mask` and the values alone.
    public var masking: Masking?
    /// Where each option was written, by its name.
    public var spans: [String: Span] = [:]

    public init() {}

    /// The options given, in a fixed order, for messages.
    var givenNames: [String] { spans.keys.sorted() }

    /// What the rows are masked with, if at all.
    var appliedMasking: Masking? {
        if let masking { return masking.level.isOn ? masking : nil }
        guard let mask, mask.isOn else { return nil }
        return Masking(level: mask)
    }
}

/// The date layouts an export can write. Datetimes add ` HH:mm:ss` to the date.
public enum ExportDateStyle: String, Sendable, CaseIterable {
    case iso = "yyyy-MM-dd"
    case dayMonthYear = "dd.MM.yyyy"
    case dayMonthShortYear = "dd.MM.yy"
    case monthDayYear = "MM/dd/yyyy"

    /// The date as this style writes it.
    func text(_ date: CalendarDate) -> String {
        switch self {
        case .iso: return date.iso
        case .dayMonthYear: return "\(Self.two(date.day)).\(Self.two(date.month)).\(Self.four(date.year))"
        case .dayMonthShortYear: return "\(Self.two(date.day)).\(Self.two(date.month)).\(Self.two(date.year % 100))"
        case .monthDayYear: return "\(Self.two(date.month))/\(Self.two(date.day))/\(Self.four(date.year))"
        }
    }

    func text(_ datetime: CalendarDateTime) -> String {
        "\(text(datetime.date)) \(Self.two(datetime.hour)):\(Self.two(datetime.minute)):\(Self.two(datetime.second))"
    }

    /// The same layout as an Excel number format; separators escaped, since a bare `/` or `.`
    /// would become the reader's locale separator.
    var excelFormat: String {
        switch self {
        case .iso: return "yyyy\\-mm\\-dd"
        case .dayMonthYear: return "dd\\.mm\\.yyyy"
        case .dayMonthShortYear: return "dd\\.mm\\.yy"
        case .monthDayYear: return "mm\\/dd\\/yyyy"
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func four(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
