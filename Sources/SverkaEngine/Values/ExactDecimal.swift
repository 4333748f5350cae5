/// An exact decimal number, `units / 10^scale`: money without binary rounding.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var units: Int64
    public var scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    static let powersOfTen: [Int64] = (0...18).map { exponent in
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    public static func powerOfTen(_ exponent: Int) -> Int64 { powersOfTen[exponent] }

    /// Parses `-1234.5`, `+7`, `.5`; nil for anything else, or when it does not fit 64 bits.
    public init?(parsing text: Substring) {
        var units: Int64 = 0
        var scale = 0
        var negative = false
        var digits = 0
        var seenPoint = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            negative = text[index] == "-"
            index = text.index(after: index)
        }
        while index < text.endIndex {
            let character = text[index]
            if character == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if let digit = character.wholeNumberValue, character.isASCII {
                let (shifted, o1) = units.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(Int64(digit))
                if o1 || o2 { return nil }
                units = sum
                digits += 1
                if seenPoint { scale += 1 }
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard digits > 0, scale <= 18 else { return nil }
        self.units = negative ? -units : units
        self.scale = scale
    }

    /// The same value with more decimal places; nil when it would not fit.
    public func rescaled(to newScale: Int) -> ExactDecimal? {
        if newScale == scale { return self }
        if newScale > scale {
            let (value, overflow) = units.multipliedReportingOverflow(by: Self.powerOfTen(newScale - scale))
            return overflow ? nil : ExactDecimal(units: value, scale: newScale)
        }
        // Fewer places: round half away from zero.
        let divisor = Self.powerOfTen(scale - newScale)
        let half = divisor / 2
        let rounded = units >= 0 ? (units + half) / divisor : -((-units + half) / divisor)
        return ExactDecimal(units: rounded, scale: newScale)
    }

    public var doubleValue: Double { Double(units) / Double(Self.powerOfTen(scale)) }

    public var description: String { formatted() }

    /// `1234567.5` with scale 2 → `1234567.50`; with a grouping separator → `1,234,567.50`.
    public func formatted(groupingSeparator: String? = nil, decimalSeparator: String = ".") -> String {
        let magnitude = units.magnitude
        let divisor = UInt64(Self.powerOfTen(scale))
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var wholeText = String(whole)
        if let separator = groupingSeparator, wholeText.count > 3 {
            var grouped = ""
            for (offset, character) in wholeText.enumerated() {
                if offset > 0, (wholeText.count - offset) % 3 == 0 { grouped += separator }
                grouped.append(character)
            }
            wholeText = grouped
        }
        var text = units < 0 ? "-" + wholeText : wholeText
        if scale > 0 {
            let fractionText = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: scale - fractionText.count) + fractionText
        }
        return text
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        guard let left = lhs.rescaled(to: scale), let right = rhs.rescaled(to: scale) else {
            return lhs.doubleValue < rhs.doubleValue
        }
        return left.units < right.units
    }
}
