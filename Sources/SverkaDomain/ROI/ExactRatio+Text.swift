import SverkaEngine

extension ExactRatio {
    /// Money as the tables show it: two places, rounded half away from zero; nil past 64 bits.
    public var money: ExactDecimal? { rounded(scale: 2) }

    /// As exact as it can be written in at most `places` decimals (more are rounded), with
    /// thousands separators: `920,000`, `1,234.5`, `0.3333`.
    public func formatted(places: Int = 4) -> String {
        let scale = min(exactScale ?? places, places)
        guard let decimal = rounded(scale: scale) else { return Value.format(doubleValue) }
        return decimal.formatted(groupingSeparator: ",")
    }

    /// The same number at `places` decimals, exact when it fits, as a table cell.
    public func decimal(places: Int) -> ExactDecimal? {
        rounded(scale: min(exactScale ?? places, places))
    }
}
