import Foundation
import SverkaDomain
import XCTest

/// Matching on a generated set whose truth the test knows: companies, each written by the CRM
/// and by accounting in its own way, with noise — missing and mistyped tax ids, legal forms,
/// quotes, case, Latin look-alikes, transliteration, typos — plus prospects without a
/// counterpart and suppliers without a client.
final class MatchingGeneratedTests: XCTestCase {
    private struct Company {
        var core: String
        var form: String
        var taxID: String
        var person: (surname: String, first: String, patronymic: String)?
    }

    private static let syllables = ["ба", "ве", "го", "да", "ка", "ле", "ми", "но", "ро", "са", "ти", "ус", "фе", "хо",
                                    "це", "чу", "ша", "ще", "юр", "як", "зо", "жи", "ны", "эл", "пи", "ту", "вь", "ем"]
    private static let surnames = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов",
                                   "Новиков", "Морозов", "Волков", "Соловьёв", "Зайцев", "Щербаков", "Журавлёв", "Фёдоров"]
    private static let firstNames = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Юрий", "Илья", "Кирилл",
                                     "Михаил", "Никита", "Ярослав", "Егор", "Тимофей", "Олег", "Павел", "Виктор"]
    private static let patronymics = ["Александрович", "Дмитриевич", "Сергеевич", "Андреевич", "Юрьевич", "Ильич",
                                      "Михайлович", "Олегович", "Павлович", "Викторович", "Яковлевич", "Петрович"]
    private static let fullForms = ["ООО": "Общество с ограниченной ответственностью", "АО": "Акционерное общество",
                                    "ПАО": "Публичное акционерное общество", "ИП": "Индивидуальный предприниматель"]
    /// A transliteration unlike the normalizer's (ICAO, as in passports) for a third of them.
    private static let icao: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    ]
    private static let twins: [Character: Character] = ["а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x",
                                                        "А": "A", "О": "O", "Р": "P", "С": "C", "Т": "T", "Н": "H"]

    private var random = MatchingRandom(seed: 1_917)

    private func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    private func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    private func companies(_ count: Int) -> [Company] {
        var used = Set<String>(), taxIDs = Set<String>(), people = Set<String>()
        var result: [Company] = []
        while result.count < count {
            let isPerson = chance(0.2)
            var tax = ""
            repeat {
                tax = isPerson ? MatchingTaxIDs.person((0..<10).map { index in index == 0 ? 5 : Int.random(in: 0...9, using: &random) })
                               : MatchingTaxIDs.randomLegal(&random)
            } while !taxIDs.insert(tax).inserted
            if isPerson {
                let person = (pick(Self.surnames), pick(Self.firstNames), pick(Self.patronymics))
                // Surname and initials identify an entrepreneur here, as the test's truth needs.
                guard people.insert("\(person.0) \(person.1.prefix(1)) \(person.2.prefix(1))").inserted else { continue }
                result.append(Company(core: "\(person.0) \(person.1) \(person.2)", form: "ИП", taxID: tax, person: person))
            } else {
                let words = (0..<(chance(0.3) ? 2 : 1)).map { _ in
                    (0..<Int.random(in: 3...4, using: &random)).map { _ in pick(Self.syllables) }.joined().capitalized
                }
                let core = words.joined(separator: chance(0.5) ? " " : "-")
                guard used.insert(NameNormalizer.normalize(core)).inserted else { continue }
                result.append(Company(core: core, form: pick(["ООО", "ООО", "ООО", "АО", "ПАО"]), taxID: tax, person: nil))
            }
        }
        return result
    }

    private func crmName(_ company: Company) -> String {
        if let person = company.person {
            let initials = "\(person.first.prefix(1)).\(person.patronymic.prefix(1))."
            return pick(["ИП \(person.surname) \(initials)", "ИП \(company.core)", "\(person.surname) \(initials) (ИП)"])
        }
        var name = pick(["\(company.form) \"\(company.core)\"", "\(company.core) \(company.form)", "«\(company.core)»",
                         "\(company.form.lowercased()) \(company.core.lowercased())", company.core.uppercased()])
        if chance(0.05) { name = String(name.map { Self.twins[$0].map(Character.init) ?? $0 }) }
        if chance(0.05) {
            name = name.lowercased().map { Self.icao[$0] ?? String($0) }.joined()
        }
        return name
    }

    private func accountingName(_ company: Company) -> String {
        let full = Self.fullForms[company.form] ?? company.form
        if company.person != nil { return pick(["\(full) \(company.core)", "ИП \(company.core.uppercased())"]) }
        return pick(["\(company.form) «\(company.core)»", "\(full) \"\(company.core)\"", "\(company.core), \(company.form)"])
    }

    /// One letter changed in the middle of the longest word of eight letters or more, in a name
    /// written in Cyrillic.
    private func typo(_ name: String) -> String {
        var letters = Array(name)
        guard !name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
              let longest = name.split(separator: " ").map(String.init).max(by: { $0.count < $1.count }), longest.count >= 8,
              let start = name.range(of: longest).map({ name.distance(from: name.startIndex, to: $0.lowerBound) }) else { return name }
        let position = start + longest.count / 2
        letters[position] = letters[position] == "о" ? "а" : "о"
        return String(letters)
    }

    func testLinksAlmostEveryClientWithACounterpartAndNoWrongTaxIDLinks() {
        let all = companies(3_000)
        var clients: [PartyRecord] = [], counterparties: [PartyRecord] = []
        var truthOfClient: [String: Int] = [:], truthOfCounterparty: [String: Int] = [:]
        var withCounterpart = 0
        for (index, company) in all.enumerated() {
            let role = Double.random(in: 0..<1, using: &random)
            if role < 0.9 {  // a client; 1 in 9 is a prospect with no counterparty
                let isProspect = chance(1.0 / 9)
                let taxRoll = Double.random(in: 0..<1, using: &random)
                let tax: String? = taxRoll < 0.08 ? nil : taxRoll < 0.12 ? MatchingTaxIDs.broken(company.taxID) : company.taxID
                var name = crmName(company)
                if tax != company.taxID, chance(0.2) { name = typo(name) }
                let id = "C\(index)"
                clients.append(PartyRecord(id: id, name: name, taxID: tax, email: chance(0.5) ? "office@\(index).ru" : nil))
                truthOfClient[id] = index
                if isProspect { continue }
                withCounterpart += 1
            }
            // A counterparty: a client's, or a supplier's (role ≥ 0.9). It keeps its tax id when
            // the client lacks a usable one, so that the truth stays reachable.
            let clientHasTax = clients.last.map { truthOfClient[$0.id] == index && $0.taxID == company.taxID } ?? false
            let tax = clientHasTax && chance(0.1) ? nil : company.taxID
            let id = "K\(index)"
            counterparties.append(PartyRecord(id: id, name: accountingName(company), taxID: tax))
            truthOfCounterparty[id] = index
        }
        counterparties.shuffle(using: &random)
        let result = ClientMatcher.match(clients: clients, counterparties: counterparties)

        var right = 0, wrong: [String] = []
        for link in result.links {
            if truthOfClient[link.clientID] == truthOfCounterparty[link.counterpartyID] {
                right += 1
            } else {
                wrong.append("\(link.clientID) → \(link.counterpartyID) \(link.method.rawValue) \(link.score)")
                XCTAssertNotEqual(link.method, .taxID, "a wrong tax-id link: \(link)")
            }
        }
        XCTAssertGreaterThanOrEqual(Double(right), 0.99 * Double(withCounterpart),
                                    "\(right) of \(withCounterpart) linked right; unmatched: "
                                    + result.unmatchedClients.prefix(20).map { "\($0.id) \($0.name) \($0.reason)" }.joined(separator: " | "))
        XCTAssertLessThanOrEqual(wrong.count, withCounterpart / 500, wrong.joined(separator: "; "))
        XCTAssertEqual(result.summary.invalidClientTaxIDs.count, clients.filter { TaxID.check($0.taxID).validDigits == nil && $0.taxID != nil }.count)
    }
}
