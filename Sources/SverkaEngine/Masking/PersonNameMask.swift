import Foundation

/// Persons' names masked to initials, the first word also to its first letter:
/// `Иванов Иван Иванович` → `И*** И. И.`, `Сидоров С.С.` → `С*** С.С.`, `Smith J.` → `S*** J.`.
/// Which word is the surname is not guessed: the first is treated as one whatever the order.
enum PersonNameMask {
    static func masked(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let first = words.first?.first else { return name }
        let initials = words.dropFirst().map { word in
            word.split(separator: ".").compactMap(\.first).map { "\($0)." }.joined()
        }
        return ([String(first) + Masking.mark] + initials.filter { !$0.isEmpty }).joined(separator: " ")
    }

    /// An organisation's name that starts with one of `prefixes` (`ИП Сидоров С.С.`): the prefix
    /// as written, then the rest masked as a person's name. Any other name is kept.
    static func maskedAfterPrefix(_ text: String, prefixes: [String]) -> String {
        let trimmed = text.drop { $0.isWhitespace }
        for prefix in prefixes.sorted(by: { $0.count > $1.count }) {
            guard let range = trimmed.range(of: prefix, options: [.caseInsensitive, .anchored]) else { continue }
            let rest = trimmed[range.upperBound...]
            guard let next = rest.first, next.isWhitespace else { continue }
            let person = rest.trimmingCharacters(in: .whitespaces)
            guard !person.isEmpty else { return text }
            return String(trimmed[range]) + " " + masked(person)
        }
        return text
    }
}
