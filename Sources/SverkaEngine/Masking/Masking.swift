/// Hides personal data in values: the rules of each column that is known to hold it, and for
/// every text (and whole number) the e-mail addresses, phone numbers and individuals' tax ids
/// found in it by their shape.
///
///     let masking = Masking(level: .on, columnRules: [nil, .taxID])
///     masking.mask([.text("ivan@example.com"), .text("500100732259")])
///     // [.text("i***@example.com"), .text("**********59")]
///
/// Masked values are text. Masking is idempotent: a masked value has nothing left to find, so
/// masking output twice (a rendered table, then its text) changes nothing more.
public struct Masking: Sendable {
    /// What replaces hidden characters.
    public static let mark = "***"

    public var level: MaskLevel
    /// By column position, the rule of each column known to hold personal data; nil, or a
    /// position past the end, means the column is judged by its values alone.
    public var columnRules: [MaskRule?]

    public init(level: MaskLevel, columnRules: [MaskRule?] = []) {
        self.level = level
        self.columnRules = columnRules
    }

    /// The row with every value masked by its column's rule and its content.
    public func mask(_ row: [Value]) -> [Value] {
        guard level.isOn else { return row }
        var masked = row
        for index in row.indices {
            masked[index] = mask(row[index], column: index)
        }
        return masked
    }

    /// One value of the column at `column`.
    public func mask(_ value: Value, column: Int) -> Value {
        guard level.isOn else { return value }
        let text: String
        switch value {
        case .text(let content): text = content
        // Phones and tax ids loaded without separators become whole numbers.
        case .integer(let number): text = String(number)
        default: return value
        }
        let rule = column < columnRules.count ? columnRules[column] : nil
        let ruled = rule.map { apply($0, to: text) } ?? text
        let masked = Self.maskText(ruled)
        if case .integer = value, masked == text { return value }
        return masked == text ? value : .text(masked)
    }

    private func apply(_ rule: MaskRule, to text: String) -> String {
        switch rule {
        case .email: return EmailMask.maskField(text)
        case .phone: return PhoneMask.maskField(text)
        case .taxID: return TaxIDMask.maskField(text)
        case .personName: return level == .names ? PersonNameMask.masked(text) : text
        case .organizationName(let prefixes):
            return level == .names ? PersonNameMask.maskedAfterPrefix(text, prefixes: prefixes) : text
        }
    }

    /// Free text with every e-mail address, phone number and individual's tax id in it masked:
    /// for messages, logs and cells no rule covers. See `PersonalDataScanner` for what is found.
    public static func maskText(_ text: String) -> String {
        PersonalDataScanner.maskAll(in: text)
    }

    /// What `maskText` changes in the text, where positions in it still matter (a diagnostic's caret).
    public static func edits(in text: String) -> TextEdits {
        PersonalDataScanner.edits(in: text)
    }
}
