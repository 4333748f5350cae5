import SverkaEngine

/// An exact rational number, kept reduced over 128-bit integers: what a model's money and
/// effects are computed in, so that 1,100,000 a year over 7 months, or a monthly share of it,
/// is never a binary approximation. Arithmetic that would overflow throws instead of trapping.
public struct ExactRatio: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The result of an operation did not fit 128 bits.
    public struct Overflow: Error, Sendable {}

    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    public static let zero = ExactRatio(0)
    public static let one = ExactRatio(1)

    public init(_ integer: Int) {
        numerator = Int128(integer)
        denominator = 1
    }

    public init(_ integer: Int64) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// `numerator / denominator`, reduced; nil when the denominator is 0.
    public init?(_ numerator: Int128, over denominator: Int128) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int128(divisor)
        self.denominator = sign * denominator / Int128(divisor)
    }

    public init(_ decimal: ExactDecimal) {
        // 10^scale is never 0, so the ratio always exists; ExactDecimal's scale is at most 18.
        self = ExactRatio(Int128(decimal.units), over: Int128(ExactDecimal.powerOfTen(decimal.scale))) ?? .zero
    }

    /// A floating-point number at its shortest decimal spelling (`0.1` is one tenth, not the
    /// binary fraction nearest it); nil for infinities, NaN and magnitudes past 10^30.
    public init?(_ double: Double) {
        guard double.isFinite, double.magnitude < 1e30 else { return nil }
        guard let ratio = ExactRatio(decimalText: "\(double)") else { return nil }
        self = ratio
    }

    /// Parses `-12.5`, `1e-05`, `7.5E+3`.
    init?(decimalText text: String) {
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let written = Int(text[text.index(after: marker)...]), abs(written) <= 36 else { return nil }
            exponent = written
            mantissa = text[..<marker]
        }
        var negative = false
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") {
            negative = mantissa.hasPrefix("-")
            mantissa = mantissa.dropFirst()
        }
        var digits: Int128 = 0
        var places = 0
        var seenPoint = false
        var seenDigit = false
        for character in mantissa {
            if character == ".", !seenPoint {
                seenPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            guard digits < Int128(10).power(36) else { return nil }
            digits = digits * 10 + Int128(digit)
            seenDigit = true
            if seenPoint { places += 1 }
        }
        guard seenDigit else { return nil }
        let shift = exponent - places
        guard abs(shift) <= 36 else { return nil }
        let scale = Int128(10).power(abs(shift))
        let signed = negative ? -digits : digits
        guard let ratio = shift >= 0 ? ExactRatio(signed * scale, over: 1) : ExactRatio(signed, over: scale) else { return nil }
        self = ratio
    }

    // MARK: - Arithmetic

    public static func + (lhs: ExactRatio, rhs: ExactRatio) throws(Overflow) -> ExactRatio {
        try combine(lhs, rhs, sign: 1)
    }

    public static func - (lhs: ExactRatio, rhs: ExactRatio) throws(Overflow) -> ExactRatio {
        try combine(lhs, rhs, sign: -1)
    }

    public static func * (lhs: ExactRatio, rhs: ExactRatio) throws(Overflow) -> ExactRatio {
        // Cross-reducing first keeps the products as small as they can be.
        let first = gcd(lhs.numerator.magnitude, rhs.denominator.magnitude)
        let second = gcd(rhs.numerator.magnitude, lhs.denominator.magnitude)
        let numerator = try product(lhs.numerator / Int128(first), rhs.numerator / Int128(second))
        let denominator = try product(lhs.denominator / Int128(second), rhs.denominator / Int128(first))
        guard let result = ExactRatio(numerator, over: denominator) else { throw Overflow() }
        return result
    }

    /// nil when dividing by zero.
    public static func / (lhs: ExactRatio, rhs: ExactRatio) throws(Overflow) -> ExactRatio? {
        guard rhs.numerator != 0 else { return nil }
        let inverse = ExactRatio(unreduced: rhs.numerator < 0 ? -rhs.denominator : rhs.denominator,
                                 rhs.numerator.magnitude)
        return try lhs * inverse
    }

    /// Divided by a whole number other than 0 (a count of months, 12).
    public func divided(by divisor: Int) throws(Overflow) -> ExactRatio {
        precondition(divisor != 0, "divided by a count that is never 0")
        guard let result = ExactRatio(numerator, over: try Self.product(denominator, Int128(divisor))) else { throw Overflow() }
        return result
    }

    public static prefix func - (value: ExactRatio) -> ExactRatio {
        ExactRatio(unreduced: -value.numerator, value.denominator.magnitude)
    }

    private init(unreduced numerator: Int128, _ denominator: UInt128) {
        self.numerator = numerator
        self.denominator = Int128(denominator)
    }

    private static func combine(_ lhs: ExactRatio, _ rhs: ExactRatio, sign: Int128) throws(Overflow) -> ExactRatio {
        let common = gcd(lhs.denominator.magnitude, rhs.denominator.magnitude)
        let leftFactor = rhs.denominator / Int128(common)
        let rightFactor = lhs.denominator / Int128(common)
        let left = try product(lhs.numerator, leftFactor)
        let right = try product(rhs.numerator, rightFactor)
        let (sum, overflow) = left.addingReportingOverflow(sign * right)
        guard !overflow else { throw Overflow() }
        guard let result = ExactRatio(sum, over: try product(lhs.denominator, leftFactor)) else { throw Overflow() }
        return result
    }

    private static func product(_ lhs: Int128, _ rhs: Int128) throws(Overflow) -> Int128 {
        let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        guard !overflow, value != .min else { throw Overflow() }
        return value
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    // MARK: - Reading it

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var isZero: Bool { numerator == 0 }

    /// The largest whole number not above it.
    public var floor: Int128 {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }

    /// The smallest whole number not below it.
    public var ceiling: Int128 {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Rounded half away from zero to `scale` places; nil when that does not fit 64 bits.
    public func rounded(scale: Int) -> ExactDecimal? {
        let power = Int128(10).power(scale)
        let (scaled, overflow) = numerator.magnitude.multipliedReportingOverflow(by: UInt128(power))
        guard !overflow else { return nil }
        let magnitude = (scaled + denominator.magnitude / 2) / denominator.magnitude
        guard magnitude <= UInt128(Int64.max) else { return nil }
        let units = Int64(magnitude)
        return ExactDecimal(units: numerator < 0 ? -units : units, scale: scale)
    }

    /// The fewest decimal places (at most 18) that hold it exactly; nil when more are needed.
    public var exactScale: Int? {
        for scale in 0...18 {
            let power = Int128(10).power(scale)
            if (power % denominator) == 0 { return scale }
        }
        return nil
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    public static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        compare(lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator) < 0
    }

    /// Compares a/b with c/d (b, d > 0) through their continued fractions: no product, so no
    /// overflow however large the terms.
    private static func compare(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        let left = floorDivision(a, b), right = floorDivision(c, d)
        if left != right { return left < right ? -1 : 1 }
        let leftRest = a - left * b, rightRest = c - right * d
        if leftRest == 0 || rightRest == 0 {
            return leftRest == rightRest ? 0 : (leftRest == 0 ? -1 : 1)
        }
        // rest/b against rest/d: the larger fraction has the smaller reciprocal.
        return compare(d, rightRest, b, leftRest)
    }

    private static func floorDivision(_ a: Int128, _ b: Int128) -> Int128 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}

extension Int128 {
    /// self^exponent for small exponents (powers of ten up to 10^38).
    func power(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= self }
        return result
    }
}
