/// Individuals' tax ids (a twelve-digit ИНН) masked to their last two digits, `**********59`.
/// A company's ten-digit ИНН is public register data, not personal, and is kept.
enum TaxIDMask {
    private static let weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    private static let weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

    /// Twelve ASCII digits, not all zeros, whose two check digits agree (Σ digit × weight,
    /// mod 11, mod 10 — the Federal Tax Service's rule).
    static func isIndividual(_ digits: [UInt8]) -> Bool {
        guard digits.count == 12, digits.contains(where: { $0 != UInt8(ascii: "0") }) else { return false }
        let values = digits.map { Int($0) - 0x30 }
        return values[10] == checkDigit(values, weights11) && values[11] == checkDigit(values, weights12)
    }

    private static func checkDigit(_ digits: [Int], _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
    }

    /// Stars for all digits but the last two.
    static func masked(_ digits: [UInt8]) -> String {
        String(repeating: "*", count: max(1, digits.count - 2)) + String(decoding: digits.suffix(2), as: UTF8.self)
    }

    /// A value of a tax id column: kept when it is ten digits (spaces allowed between them),
    /// else masked if it has digits at all — an unusual value is not assumed to be a company's.
    static func maskField(_ text: String) -> String {
        var digits: [UInt8] = []
        var onlyDigitsAndSpaces = true
        for scalar in text.unicodeScalars {
            if scalar.value &- 0x30 < 10 {
                digits.append(UInt8(scalar.value))
            } else if !scalar.properties.isWhitespace {
                onlyDigitsAndSpaces = false
            }
        }
        if digits.isEmpty || (digits.count == 10 && onlyDigitsAndSpaces) { return text }
        return digits.count <= 2 ? Masking.mark : masked(digits)
    }
}
