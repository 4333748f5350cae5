/// What a tax id field holds, once checked.
public enum TaxIDStatus: Sendable, Hashable {
    /// Empty, or only spaces.
    case missing
    /// A Russian ИНН whose check digits agree: the digits alone, spaces removed.
    case valid(String)
    /// Anything else, as written (trimmed): wrong length, letters, a failed check digit.
    case invalid(String)

    /// The digits of a valid ИНН; nil otherwise, since only valid numbers may link records.
    public var validDigits: String? {
        if case .valid(let digits) = self { return digits }
        return nil
    }
}

/// Russian taxpayer numbers (ИНН): 10 digits for legal entities with one check digit, 12 for
/// individuals (entrepreneurs) with two. A mistyped number almost always fails its check, so a
/// number that passes can link records on its own.
public enum TaxID {
    private static let legalWeights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    private static let personWeights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    private static let personWeights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

    /// Checks a field as written. Spaces (also non-breaking) inside the number are ignored,
    /// since exports group digits; anything else that is not a digit makes it invalid.
    public static func check(_ text: String?) -> TaxIDStatus {
        guard let text else { return .missing }
        var digits: [Int] = []
        digits.reserveCapacity(12)
        var sawOther = false
        var sawSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits.append(Int(byte - 0x30))
            case 0x20, 0x09: sawSpace = true
            default: sawOther = true
            }
        }
        if sawOther {
            // Rare: other white space (a non-breaking space) is still a space; anything else is not a digit.
            let kept = text.unicodeScalars.filter { !$0.properties.isWhitespace }
            if kept.isEmpty { return .missing }
            if kept.allSatisfy({ $0.isASCII && (0x30...0x39).contains($0.value) }) {
                digits = kept.map { Int($0.value - 0x30) }
            } else {
                return .invalid(text.trimmingSpaces())
            }
        }
        if digits.isEmpty { return sawSpace || text.isEmpty ? .missing : .invalid(text.trimmingSpaces()) }
        guard isValid(digits) else { return .invalid(text.trimmingSpaces()) }
        return .valid(sawSpace || sawOther ? String(digits.map { Character(String($0)) }) : text)
    }

    /// True for 10 or 12 digits whose check digits agree. All zeros is a placeholder, not a number.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.contains(where: { $0 != 0 }) else { return false }
        switch digits.count {
        case 10:
            return digits[9] == checkDigit(digits, legalWeights)
        case 12:
            return digits[10] == checkDigit(digits, personWeights11) && digits[11] == checkDigit(digits, personWeights12)
        default:
            return false
        }
    }

    /// Σ digit × weight, mod 11, mod 10 — the rule of the Federal Tax Service.
    static func checkDigit(_ digits: [Int], _ weights: [Int]) -> Int {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += digit * weight }
        return sum % 11 % 10
    }

}

extension String {
    /// Without leading and trailing white space, without Foundation.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
