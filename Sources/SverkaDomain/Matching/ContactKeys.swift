/// Comparison forms of e-mail addresses and phone numbers.
public enum ContactKeys {
    /// Lower case, without surrounding spaces or angle brackets; nil unless it has one `@` with
    /// text on both sides.
    public static func email(_ text: String?) -> String? {
        guard let text else { return nil }
        var address = text.trimmingSpaces().lowercased()
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        if address.hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        var ats = 0, atPosition = 0, length = 0
        for byte in address.utf8 {
            if byte <= 0x20 { return nil }  // white space inside: not one address
            if byte == UInt8(ascii: "@") {
                ats += 1
                atPosition = length
            }
            length += 1
        }
        guard ats == 1, atPosition > 0, atPosition < length - 1 else { return nil }
        return address
    }

    /// Digits only, a Russian number written with a leading 8 turned into 7, and ten digits
    /// given the country code 7: "+7 (495) 123-45-67", "8 495 1234567" and "4951234567" are one
    /// number. Fewer than ten digits (an extension alone, a typo) gives nil.
    public static func phone(_ text: String?) -> String? {
        guard let text else { return nil }
        var digits = text.utf8.filter { (0x30...0x39).contains($0) }
        if digits.count == 11, digits.first == UInt8(ascii: "8") { digits[0] = UInt8(ascii: "7") }
        if digits.count == 10 { digits.insert(UInt8(ascii: "7"), at: 0) }
        return digits.count >= 11 ? String(decoding: digits, as: UTF8.self) : nil
    }
}
