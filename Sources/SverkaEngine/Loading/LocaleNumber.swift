/// Which characters may group thousands in a number (never the decimal separator).
struct ThousandsRule: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }
    /// A space, a no-break space U+00A0 or a narrow no-break space U+202F.
    static let space = ThousandsRule(rawValue: 1)
    static let comma = ThousandsRule(rawValue: 2)
    static let dot = ThousandsRule(rawValue: 4)
    static let any: ThousandsRule = [.space, .comma, .dot]

    /// The default for a decimal separator: any grouping character but that one.
    static func allowed(decimal: UInt8, option: String?) -> ThousandsRule {
        var rule = option.map(ThousandsRule.init(option:)) ?? .any
        if decimal == UInt8(ascii: ",") { rule.remove(.comma) }
        if decimal == UInt8(ascii: ".") { rule.remove(.dot) }
        return rule
    }

    /// `" "`, `","`, `"."`, or `""` for none.
    init(option: String) {
        switch option {
        case " ", "\u{A0}", "\u{202F}": self = .space
        case ",": self = .comma
        case ".": self = .dot
        default: self = []
        }
    }
}

/// What a number looked like, for the column's note.
struct NumberFeatures: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let spaceThousands = NumberFeatures(rawValue: 1)
    static let commaThousands = NumberFeatures(rawValue: 2)
    static let dotThousands = NumberFeatures(rawValue: 4)
    /// `(1 234,56)`: negative in accounting style.
    static let parentheses = NumberFeatures(rawValue: 8)
    /// `1 234,56-`: negative with the minus after the number.
    static let trailingMinus = NumberFeatures(rawValue: 16)
    static let currency = NumberFeatures(rawValue: 32)
}

/// A number as a locale writes it: `1 234 567,89`, `1,234.50`, `(1 234,56)`, `1 234,56-`,
/// `12 345 ₽`, `$1,234.56` — read exactly, digit by digit.
struct LocaleNumber {
    var negative = false
    /// The digits before the decimal separator.
    var integerPart: UInt64 = 0
    /// The digits after it without trailing zeros, and how many they are.
    var fraction: UInt64 = 0
    var significantScale = 0
    /// How many digits follow the decimal separator as written (`12,50` has 2).
    var writtenScale = 0
    var features: NumberFeatures = []
    var currency: CurrencyMark?

    /// The parse of one field under one decimal separator.
    enum Outcome {
        case number(LocaleNumber)
        /// A well-formed number whose integer part starts with a zero: an identifier.
        case leadingZero
        case tooLarge
        case tooManyDecimals
        case notNumber
    }

    /// The value in units of `scale` places, or why not.
    func units(scale: Int) -> FieldConverter.Converted {
        if significantScale > scale { return .failure(.tooManyDecimals(writtenScale)) }
        let (whole, o1) = integerPart.multipliedReportingOverflow(by: UInt64(ExactDecimal.powerOfTen(scale)))
        let (part, o2) = fraction.multipliedReportingOverflow(by: UInt64(ExactDecimal.powerOfTen(scale - significantScale)))
        let (magnitude, o3) = whole.addingReportingOverflow(part)
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !o1, !o2, !o3, magnitude <= limit else { return .failure(.outOfRange) }
        if magnitude == UInt64(Int64.max) + 1 { return .integer(Int64.min) }
        return .integer(negative ? -Int64(magnitude) : Int64(magnitude))
    }

    /// The same value written with the same number of places.
    func same(as other: LocaleNumber) -> Bool {
        negative == other.negative && integerPart == other.integerPart && fraction == other.fraction
            && writtenScale == other.writtenScale
    }

    /// The value as a binary floating-point number (for `number` columns).
    var double: Double {
        let value = Double(integerPart) + Double(fraction) / Double(ExactDecimal.powerOfTen(significantScale))
        return negative ? -value : value
    }
}
