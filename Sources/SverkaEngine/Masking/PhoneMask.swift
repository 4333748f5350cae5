/// A phone number found in text, and how it is shown masked.
struct PhoneNumber {
    enum Form {
        /// Written with `+` and its country code.
        case international
        /// Eleven digits with the Russian trunk prefix 8 (or 7) in front.
        case trunk
        /// Ten digits: a Russian number without its prefix.
        case national
    }

    var digits: [UInt8]
    var form: Form
}

/// Phone numbers masked to one shape, `+7 *** ***-**-12`: the country code and the last two
/// digits stay, so a reader can still tell a Moscow client from a Minsk one and two numbers
/// apart at a glance; the shape is the same whatever the number's length or how it was written.
enum PhoneMask {
    static func masked(_ number: PhoneNumber) -> String {
        let country: String
        switch number.form {
        case .international: country = countryCode(number.digits)
        case .trunk, .national: country = "7"
        }
        return "+\(country) *** ***-**-" + String(decoding: number.digits.suffix(2), as: UTF8.self)
    }

    /// A value of a column that holds phone numbers: the numbers found in it masked; failing
    /// that, whatever digits it has, keeping the last two (`***-**-67`).
    static func maskField(_ text: String) -> String {
        let found = PersonalDataScanner.maskAll(in: text)
        if found != text { return found }
        let digits = text.utf8.filter { $0 &- UInt8(ascii: "0") < 10 }
        guard digits.count >= 2 else { return text }
        if digits.count >= 10 {
            let form: PhoneNumber.Form = text.hasPrefix("+") ? .international : digits.count == 10 ? .national : .trunk
            return masked(PhoneNumber(digits: Array(digits), form: form))
        }
        return "***-**-" + String(decoding: digits.suffix(2), as: UTF8.self)
    }

    /// The country code the digits begin with. Calling codes are prefix-free: 1 and 7 are the
    /// only one-digit codes, these are the two-digit ones, and every other is three digits.
    static func countryCode(_ digits: [UInt8]) -> String {
        let text = String(decoding: digits.prefix(3), as: UTF8.self)
        if text.hasPrefix("1") || text.hasPrefix("7") { return String(text.prefix(1)) }
        if twoDigitCodes.contains(String(text.prefix(2))) { return String(text.prefix(2)) }
        return text
    }

    private static let twoDigitCodes: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ]
}
