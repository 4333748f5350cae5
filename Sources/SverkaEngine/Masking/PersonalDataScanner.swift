/// Finds e-mail addresses, phone numbers and individuals' tax ids in free text by their shape,
/// and masks them.
///
/// - An e-mail address is `local@domain.tld`: letters (of any script), digits and `._%+-`
///   before the `@`; a domain of dot-separated labels whose last is two letters or more.
/// - A phone number is a run of digit groups joined by single separators (space, `-`, `.`,
///   brackets): `+` and 9–15 digits (`+7 …` exactly 11); or 11 digits starting with 7 or 8
///   whose first group is the trunk digit alone, four digits (`8916`) or all eleven; or ten
///   digits in two groups or more whose first has three (`(495) 123-45-67`). Ten digits
///   written together are not taken for a phone: a company's ИНН looks the same. Local numbers
///   (`123-45-67`) are too short to tell from other figures and are left as they are.
/// - An individual's ИНН is twelve digits standing alone whose two check digits agree; a
///   company's ten-digit ИНН is not personal data.
enum PersonalDataScanner {
    struct Replacement {
        var range: Range<Int>
        var text: String
    }

    static func maskAll(in text: String) -> String {
        edits(in: text).applied(to: text)
    }

    /// What masking the text changes.
    static func edits(in text: String) -> TextEdits {
        guard mayHoldPersonalData(text) else { return TextEdits() }
        let scalars = Array(text.unicodeScalars)
        let emails = EmailMask.find(in: scalars)
        let replacements = emails + numbers(in: scalars, outside: emails)
        return TextEdits.fromScalarRanges(replacements.map { ($0.range, $0.text) }, in: scalars)
    }

    /// One pass over the bytes: an `@`, or enough digits for the shortest phone number.
    private static func mayHoldPersonalData(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { return true }
            if byte &- UInt8(ascii: "0") < 10 {
                digits += 1
                if digits >= 9 { return true }
            }
        }
        return false
    }

    // MARK: - Numbers

    /// A run of digit groups and the separators between them.
    private struct NumberRun {
        /// Where the run starts: its `+` or `(`, else its first digit.
        var start: Int
        var startsWithPlus: Bool
        var groups: [Range<Int>]
    }

    private static func numbers(in scalars: [Unicode.Scalar], outside emails: [Replacement]) -> [Replacement] {
        var blocked = [Bool](repeating: false, count: scalars.count)
        for email in emails { for index in email.range { blocked[index] = true } }
        var replacements: [Replacement] = []
        var index = 0
        while index < scalars.count {
            guard !blocked[index], let run = run(at: index, in: scalars, blocked: blocked) else {
                index += 1
                continue
            }
            replacements += masked(run, in: scalars)
            index = run.groups[run.groups.count - 1].upperBound
        }
        return replacements
    }

    /// The run of digit groups starting at `index`, which must be a digit, or a `+` or `(`
    /// right before one; nil otherwise. A digit right before `index` would have started it.
    private static func run(at index: Int, in scalars: [Unicode.Scalar], blocked: [Bool]) -> NumberRun? {
        let first = scalars[index]
        var position = index
        let startsWithPlus = first == "+"
        if !isDigit(first) {
            guard first == "+" || first == "(" else { return nil }
            position += 1
            if startsWithPlus, position < scalars.count, scalars[position] == "(" { position += 1 }
            guard position < scalars.count, isDigit(scalars[position]) else { return nil }
        } else if index > 0, isDigit(scalars[index - 1]) {
            return nil
        }
        var groups: [Range<Int>] = []
        while position < scalars.count, !blocked[position], isDigit(scalars[position]) {
            let groupStart = position
            while position < scalars.count, isDigit(scalars[position]), !blocked[position] { position += 1 }
            groups.append(groupStart..<position)
            // A short stretch of separators joins the next group; anything else ends the run.
            var next = position
            while next < scalars.count, next - position < 3, !blocked[next], isSeparator(scalars[next]) { next += 1 }
            guard next > position, next < scalars.count, !blocked[next], isDigit(scalars[next]) else { break }
            position = next
        }
        return groups.isEmpty ? nil : NumberRun(start: index, startsWithPlus: startsWithPlus, groups: groups)
    }

    /// The phones and tax ids among a run's groups, masked.
    private static func masked(_ run: NumberRun, in scalars: [Unicode.Scalar]) -> [Replacement] {
        let groups = run.groups
        let digits = groups.map { scalars[$0].map { UInt8($0.value) } }
        var replacements: [Replacement] = []
        var group = 0
        while group < groups.count {
            if let (end, number) = phone(startingAt: group, digits: digits, afterPlus: group == 0 && run.startsWithPlus) {
                let start = group == 0 && run.startsWithPlus ? run.start : bracketed(groups[group], in: scalars)
                replacements.append(Replacement(range: start..<groups[end - 1].upperBound, text: PhoneMask.masked(number)))
                group = end
                continue
            }
            if digits[group].count == 12, TaxIDMask.isIndividual(digits[group]) {
                replacements.append(Replacement(range: groups[group], text: TaxIDMask.masked(digits[group])))
            }
            group += 1
        }
        return replacements
    }

    /// Where a phone starting with this group starts: at its `(` when the group is an area code
    /// in brackets, `(495) 111-22-33`; a bracket that opens a remark, `(8 916 …)`, stays.
    private static func bracketed(_ group: Range<Int>, in scalars: [Unicode.Scalar]) -> Int {
        let opened = group.lowerBound > 0 && scalars[group.lowerBound - 1] == "("
        let closed = group.upperBound < scalars.count && scalars[group.upperBound] == ")"
        return opened && closed ? group.lowerBound - 1 : group.lowerBound
    }

    /// The groups from `first` that make one phone number: where it ends and its digits.
    private static func phone(startingAt first: Int, digits: [[UInt8]], afterPlus: Bool) -> (Int, PhoneNumber)? {
        let lead = digits[first]
        if afterPlus {
            if lead[0] == UInt8(ascii: "7") { return take(exactly: 11, from: first, digits, .international) }
            var total = 0, end = first
            while end < digits.count, total + digits[end].count <= 15 {
                total += digits[end].count
                end += 1
            }
            guard total >= 9 else { return nil }
            return (end, PhoneNumber(digits: Array(digits[first..<end].joined()), form: .international))
        }
        if lead[0] == UInt8(ascii: "7") || lead[0] == UInt8(ascii: "8"), [1, 4, 11].contains(lead.count) {
            return take(exactly: 11, from: first, digits, .trunk)
        }
        if lead.count == 3, first + 1 < digits.count {
            return take(exactly: 10, from: first, digits, .national)
        }
        return nil
    }

    /// Whole groups from `first` adding up to exactly `count` digits.
    private static func take(exactly count: Int, from first: Int, _ digits: [[UInt8]],
                             _ form: PhoneNumber.Form) -> (Int, PhoneNumber)? {
        var total = 0, end = first
        while end < digits.count, total < count {
            total += digits[end].count
            end += 1
        }
        guard total == count else { return nil }
        return (end, PhoneNumber(digits: Array(digits[first..<end].joined()), form: form))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    /// What may stand between the groups of one phone number: spaces (also no-break), hyphens
    /// and dashes, dots and brackets.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\u{00A0}", "\u{202F}", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", ".", "(", ")": return true
        default: return false
        }
    }
}
