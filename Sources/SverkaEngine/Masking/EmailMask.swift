/// E-mail addresses masked to the first character of their local part, `i***@example.com`: the
/// domain stays, since it names the company rather than the person.
enum EmailMask {
    /// The addresses in the text, each with its masked form, in order.
    static func find(in scalars: [Unicode.Scalar]) -> [PersonalDataScanner.Replacement] {
        var found: [PersonalDataScanner.Replacement] = []
        var searchFrom = 0
        for at in scalars.indices where scalars[at] == "@" && at >= searchFrom {
            var localStart = at
            while localStart > searchFrom, isLocal(scalars[localStart - 1]) { localStart -= 1 }
            while localStart < at, scalars[localStart] == "." { localStart += 1 }
            var domainEnd = at + 1
            while domainEnd < scalars.count, isDomain(scalars[domainEnd]) { domainEnd += 1 }
            while domainEnd > at + 1, scalars[domainEnd - 1] == "." || scalars[domainEnd - 1] == "-" { domainEnd -= 1 }
            guard localStart < at, isDomainName(scalars[(at + 1)..<domainEnd]) else { continue }
            var masked = String.UnicodeScalarView()
            masked.append(scalars[localStart])
            masked.append(contentsOf: (Masking.mark + "@").unicodeScalars)
            masked.append(contentsOf: scalars[(at + 1)..<domainEnd])
            found.append(.init(range: localStart..<domainEnd, text: String(masked)))
            searchFrom = domainEnd
        }
        return found
    }

    /// A value of a column that holds e-mail addresses: the addresses found in it masked;
    /// failing that (`ivan@localhost`, `ivan at mail.ru`), all but its first character up to
    /// any `@`.
    static func maskField(_ text: String) -> String {
        let found = PersonalDataScanner.maskAll(in: text)
        guard found == text, let first = text.first, !text.allSatisfy(\.isWhitespace) else { return found }
        guard let at = text.firstIndex(of: "@") else { return String(first) + Masking.mark }
        return at == text.startIndex ? Masking.mark + text[at...] : String(first) + Masking.mark + text[at...]
    }

    /// Letters of any script, ASCII digits and `._%+-`. Not `*`, so a masked address is never
    /// found again.
    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "_", "%", "+", "-": return true
        default: return scalar.value &- 0x30 < 10 || scalar.properties.isAlphabetic
        }
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "-" || scalar.value &- 0x30 < 10 || scalar.properties.isAlphabetic
    }

    /// Labels separated by single dots, at least two, the last all letters and two or more long.
    private static func isDomainName(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let labels = scalars.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != "-" }), let top = labels.last else { return false }
        return top.count >= 2 && top.allSatisfy { $0.properties.isAlphabetic }
    }
}
