import SverkaEngine

/// Sums of money in minor units: every amount of the analytics is an `ExactDecimal` of scale 2.
enum MinorUnits {
    static let scale = 2
    static let zero = ExactDecimal(units: 0, scale: scale)

    static func units(_ value: Int64) -> ExactDecimal { ExactDecimal(units: value, scale: scale) }

    static func sum<S: Sequence>(_ values: S) -> ExactDecimal where S.Element == ExactDecimal {
        units(values.reduce(Int64(0)) { $0 + $1.units })
    }
}
