import Foundation
import SverkaSyntax

/// The columns a 1C statement becomes: fixed ones with English names for the fields every
/// payment has, then every other key under its own name, as text.
enum BankStatementColumns {
    /// A fixed column: the 1C keys it is read from (the first present wins) and its type.
    struct Fixed {
        var name: String
        var keys: [String]
        var type: LogicalType
    }

    static let fixed: [Fixed] = [
        Fixed(name: "number", keys: ["Номер"], type: .text),
        Fixed(name: "date", keys: ["Дата"], type: .date),
        Fixed(name: "amount", keys: ["Сумма"], type: .decimal(scale: 2)),
        // Плательщик1 is the bare name; Плательщик is often "ИНН 7701234567 ООО Ромашка".
        Fixed(name: "payer", keys: ["Плательщик1", "Плательщик"], type: .text),
        Fixed(name: "payer_inn", keys: ["ПлательщикИНН"], type: .text),
        Fixed(name: "payer_account", keys: ["ПлательщикСчет"], type: .text),
        Fixed(name: "payee", keys: ["Получатель1", "Получатель"], type: .text),
        Fixed(name: "payee_inn", keys: ["ПолучательИНН"], type: .text),
        Fixed(name: "payee_account", keys: ["ПолучательСчет"], type: .text),
        // 1C's own format description spells it НазначениениеПлатежа; files use both.
        Fixed(name: "purpose", keys: ["НазначениеПлатежа", "НазначениениеПлатежа"], type: .text),
    ]

    static let kindColumn = "document_kind"

    /// Every 1C key a fixed column reads, so it is not repeated as an extra column.
    static let consumedKeys: Set<String> = Set(fixed.flatMap(\.keys))

    /// The keys outside the fixed columns, in the order they first appear.
    static func extraKeys(_ documents: [BankStatementDocument]) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for document in documents {
            for field in document.fields where !consumedKeys.contains(field.key) && seen.insert(field.key).inserted {
                keys.append(field.key)
            }
        }
        return keys
    }

    /// `dd.MM.yyyy` → `yyyy-MM-dd`; nil when it is not a day that exists.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return date.iso
    }

    /// An amount as `1234.50`: a point or comma before at most two places; spaces between
    /// thousands are dropped. nil when it is not such an amount, or has more places.
    static func amount(_ text: String) -> String? {
        var digits = text.filter { $0 != " " && $0 != "\u{00A0}" }
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: digits.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, parts.count == 1 || !fraction.isEmpty else { return nil }
        let whole = parts[0].drop { $0 == "0" }
        return "\(negative ? "-" : "")\(whole.isEmpty ? "0" : String(whole)).\(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))"
    }

    /// "ИНН 7701234567 ООО Ромашка" → "ООО Ромашка": the name 1C writes after the tax id.
    static func nameWithoutINN(_ text: String) -> String {
        guard text.hasPrefix("ИНН ") else { return text }
        let rest = text.dropFirst(4).drop { $0.isNumber }
        let name = rest.drop { $0 == " " }
        return name.isEmpty || rest.count == text.count - 4 ? text : String(name)
    }
}
