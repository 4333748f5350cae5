import Foundation
import SverkaDomain
import XCTest

/// Properties of the name normalizer over thousands of generated names: it is idempotent, and
/// case, quotes, spacing, legal forms and Latin look-alike letters make no difference.
final class MatchingNormalizerPropertyTests: XCTestCase {
    private static let cyrillic = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    private static let latin = Array("abcdefghijklmnopqrstuvwxyz")
    private static let punctuation = Array(" -.,!?&/()+№:;")
    private static let quotes: [(String, String)] = [("«", "»"), ("\"", "\""), ("'", "'"), ("„", "“"), ("“", "”")]
    private static let forms = ["ООО", "ЗАО", "АО", "ПАО", "ИП", "OOO", "LLC", "Ltd", "Общество с ограниченной ответственностью",
                                "Акционерное общество"]
    /// Cyrillic letters with a Latin twin, and the twin.
    private static let twins: [Character: Character] = [
        "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c", "т": "T",
        "у": "y", "х": "x",
    ]

    private var random = MatchingRandom(seed: 2026)

    private func word(from alphabet: [Character]) -> String {
        String((0..<Int.random(in: 1...9, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "а" })
    }

    /// Any mix of letters of both alphabets, digits, punctuation, quotes and forms.
    private func anyName() -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4: parts.append(word(from: Self.cyrillic))
            case 4..<6: parts.append(word(from: Self.latin))
            case 6: parts.append(String(Int.random(in: 0...999, using: &random)))
            case 7: parts.append(String(Self.punctuation.randomElement(using: &random) ?? "-"))
            case 8: parts.append(Self.forms.randomElement(using: &random) ?? "ООО")
            default:
                let (open, close) = Self.quotes.randomElement(using: &random) ?? ("«", "»")
                parts.append(open + word(from: Self.cyrillic + Self.latin) + close)
            }
        }
        return parts.joined(separator: Bool.random(using: &random) ? " " : "")
    }

    /// Words of Cyrillic letters, each ending in a letter with no Latin twin (nor п, which could
    /// make "ип", a legal form).
    private func cyrillicWords() -> [String] {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in
            word(from: Self.cyrillic) + String("бгджзлфцчшщыэюя".randomElement(using: &random) ?? "л")
        }
    }

    func testIdempotent() {
        for _ in 0..<3_000 {
            let name = anyName()
            let once = NameNormalizer.normalize(name)
            XCTAssertEqual(NameNormalizer.normalize(once), once, name)
        }
    }

    func testCaseInsensitive() {
        for _ in 0..<3_000 {
            let name = anyName()
            let expected = NameNormalizer.normalize(name)
            XCTAssertEqual(NameNormalizer.normalize(name.uppercased()), expected, name)
            XCTAssertEqual(NameNormalizer.normalize(name.lowercased()), expected, name)
            XCTAssertEqual(NameNormalizer.normalize(name.capitalized), expected, name)
        }
    }

    func testQuoteAndSpacingInsensitive() {
        for _ in 0..<3_000 {
            let words = cyrillicWords() + (Bool.random(using: &random) ? [word(from: Self.latin)] : [])
            let plain = words.joined(separator: " ")
            let expected = NameNormalizer.normalize(plain)
            let (open, close) = Self.quotes.randomElement(using: &random) ?? ("«", "»")
            let start = Int.random(in: 0..<words.count, using: &random)
            let end = Int.random(in: start..<words.count, using: &random)
            var quoted = words
            quoted[start] = open + quoted[start]
            quoted[end] += close
            XCTAssertEqual(NameNormalizer.normalize(quoted.joined(separator: " ")), expected, plain)
            XCTAssertEqual(NameNormalizer.normalize("  " + words.joined(separator: "   ") + " "), expected, plain)
            XCTAssertEqual(NameNormalizer.normalize(words.joined(separator: " - ")), expected, plain)
        }
    }

    func testLegalFormsAnywhereMakeNoDifference() {
        for _ in 0..<3_000 {
            let words = cyrillicWords()
            let expected = NameNormalizer.normalize(words.joined(separator: " "))
            let form = Self.forms.randomElement(using: &random) ?? "ООО"
            var with = words
            with.insert(form, at: Int.random(in: 0...words.count, using: &random))
            XCTAssertEqual(NameNormalizer.normalize(with.joined(separator: " ")), expected, with.joined(separator: " "))
        }
    }

    /// In a Cyrillic name, any Cyrillic letter may be typed as its Latin twin.
    func testLatinLookalikesFold() {
        for _ in 0..<3_000 {
            let plain = cyrillicWords().joined(separator: " ")
            let mixed = String(plain.map { letter in
                guard let twin = Self.twins[letter], Bool.random(using: &random) else { return letter }
                return twin
            })
            XCTAssertEqual(NameNormalizer.normalize(mixed), NameNormalizer.normalize(plain), "\(plain) / \(mixed)")
        }
    }
}
