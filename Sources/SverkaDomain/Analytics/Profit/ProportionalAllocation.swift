/// Spreading an amount over weights exactly, by the largest-remainder method: each weight first
/// gets its proportional share rounded toward zero, then the kopecks still left go one each to
/// the shares with the largest remainders (equal remainders: earlier position first). The
/// shares always add up to the amount, and no share is more than a kopeck away from its exact
/// proportion.
public enum ProportionalAllocation {
    /// The shares of `amount` (minor units, either sign) in proportion to `weights`. Only
    /// positive weights take a share; nil when there is none (or for `Int64.min`,
    /// whose magnitude has no positive twin).
    public static func allocate(_ amount: Int64, weights: [Int64]) -> [Int64]? {
        let total = weights.reduce(UInt64(0)) { $0 + UInt64(max($1, 0)) }
        guard total > 0, amount != .min else { return nil }
        let magnitude = amount.magnitude
        var shares = [UInt64](repeating: 0, count: weights.count)
        var remainders = [UInt64](repeating: 0, count: weights.count)
        var given: UInt64 = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            // weight <= total, so the quotient fits: magnitude * weight / total <= magnitude.
            let (quotient, remainder) = total.dividingFullWidth(magnitude.multipliedFullWidth(by: UInt64(weight)))
            shares[index] = quotient
            remainders[index] = remainder
            given += quotient
        }
        let left = Int(magnitude - given)
        if left > 0 {
            let order = weights.indices.filter { weights[$0] > 0 }
                .sorted { remainders[$0] > remainders[$1] || (remainders[$0] == remainders[$1] && $0 < $1) }
            for index in order.prefix(left) { shares[index] += 1 }
        }
        return shares.map { amount < 0 ? -Int64($0) : Int64($0) }
    }
}
