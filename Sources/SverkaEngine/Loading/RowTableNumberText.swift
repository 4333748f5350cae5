/// Number tokens as plain decimal text, the form column inference and conversion read.
///
/// JSON and Excel write numbers with exponents (`1.5E-3`); Excel also writes the shortest text of
/// a binary double, which for computed cells can be `0.30000000000000004`. The text is rewritten
/// digit by digit, never through a `Double`, so nothing is lost that the file did not lose.
enum RowTableNumberText {
    /// The token without an exponent, and rounded to `significantDigits` when given (Excel keeps
    /// 15, and shows no more); the token itself when it is already plain or is not a number.
    static func plain(_ token: String, significantDigits: Int? = nil) -> String {
        // Fast path, taken by nearly every cell: no exponent, and few enough digits to need no rounding.
        var hasExponent = false
        var digits = 0
        for byte in token.utf8 {
            if byte &- 48 < 10 {
                digits += 1
            } else if byte | 0x20 == UInt8(ascii: "e") {
                hasExponent = true
            }
        }
        if !hasExponent, digits <= (significantDigits ?? .max) { return token }
        guard var number = Parts(token) else { return token }
        var rewritten = hasExponent
        if let limit = significantDigits, number.digits.count > limit {
            number.round(to: limit)
            rewritten = true
        }
        // Plain and within the limit: the token as written keeps its scale (`1.50`).
        return rewritten ? number.text ?? token : token
    }

    /// A number as its significant digits and where the decimal point goes among them.
    struct Parts {
        var negative: Bool
        /// Significant digits, without leading zeros (empty for zero).
        var digits: [UInt8]
        /// The value is `0.digits × 10^point`.
        var point: Int

        init?(_ token: String) {
            var bytes = Array(token.utf8)[...]
            negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var exponent = 0
            if let marker = bytes.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
                guard let value = Int(String(decoding: bytes[(marker + 1)...], as: UTF8.self)),
                      value.magnitude < 10_000 else { return nil }
                exponent = value
                bytes = bytes[..<marker]
            }
            let dot = bytes.firstIndex(of: UInt8(ascii: "."))
            let whole = dot.map { bytes[..<$0] } ?? bytes
            let fraction = dot.map { bytes[($0 + 1)...] } ?? []
            guard !(whole.isEmpty && fraction.isEmpty),
                  (whole + fraction).allSatisfy({ $0 &- 48 < 10 }) else { return nil }
            var all = Array(whole + fraction)
            point = whole.count + exponent
            let leadingZeros = all.prefix { $0 == UInt8(ascii: "0") }.count
            all.removeFirst(leadingZeros)
            point -= leadingZeros
            while all.last == UInt8(ascii: "0") { all.removeLast() }
            digits = all
        }

        /// Rounds half away from zero to `count` significant digits.
        mutating func round(to count: Int) {
            let roundUp = digits[count] >= UInt8(ascii: "5")
            digits.removeSubrange(count...)
            if roundUp {
                var index = count - 1
                while index >= 0, digits[index] == UInt8(ascii: "9") {
                    digits[index] = UInt8(ascii: "0")
                    index -= 1
                }
                if index >= 0 {
                    digits[index] += 1
                } else {
                    digits.insert(UInt8(ascii: "1"), at: 0)
                    point += 1
                }
            }
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        }

        /// Plain decimal text; nil when it would be absurdly long.
        var text: String? {
            guard !digits.isEmpty else { return "0" }
            guard point > -400, point < 400 else { return nil }
            var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            if point <= 0 {
                out += Array("0.".utf8) + [UInt8](repeating: UInt8(ascii: "0"), count: -point) + digits
            } else if point >= digits.count {
                out += digits + [UInt8](repeating: UInt8(ascii: "0"), count: point - digits.count)
            } else {
                out += digits[..<point] + [UInt8(ascii: ".")] + digits[point...]
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
