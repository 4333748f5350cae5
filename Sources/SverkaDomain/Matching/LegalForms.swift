/// Kinds of legal form. Systems write the form of one company differently (ООО, LLC,
/// "Общество с ограниченной ответственностью"; ЗАО that became АО), but not across kinds: an ООО
/// and an АО of the same name are two companies.
public enum LegalFormFamily: String, Sendable, Hashable {
    case limitedLiability, jointStock, entrepreneur, nonProfit
}

/// Legal forms (ООО, АО, ИП, LLC, "Общество с ограниченной ответственностью", …), which the two
/// systems write differently or not at all, so they are removed before names are compared.
enum LegalForms {
    /// As people write them. Latin spellings of Russian forms (OOO, ZAO, IP) need no entry: the
    /// skeleton makes them equal to the Cyrillic ones.
    static let written: [(LegalFormFamily, [String])] = [
        (.limitedLiability, ["ООО", "ОДО", "ТОО", "Общество с ограниченной ответственностью",
                             "Общество с дополнительной ответственностью", "Товарищество с ограниченной ответственностью",
                             "LLC", "Ltd", "Limited", "GmbH", "LLP", "Limited liability company"]),
        (.jointStock, ["АО", "ОАО", "ЗАО", "ПАО", "НАО", "Акционерное общество", "Публичное акционерное общество",
                       "Закрытое акционерное общество", "Открытое акционерное общество", "Непубличное акционерное общество",
                       "JSC", "PJSC", "CJSC", "OJSC", "PLC", "Inc", "Incorporated", "Corp", "Corporation",
                       "Joint stock company", "Public joint stock company", "Closed joint stock company",
                       "Open joint stock company"]),
        (.entrepreneur, ["ИП", "ПБОЮЛ", "ЧП", "Индивидуальный предприниматель", "Individual entrepreneur", "Sole proprietor"]),
        (.nonProfit, ["НКО", "АНО", "Некоммерческая организация", "Автономная некоммерческая организация"]),
    ]

    /// A form as a sequence of skeleton words.
    struct Form {
        var words: [NameSkeleton.Bytes]
        var family: LegalFormFamily
    }

    /// Keyed by first word; each list longest first, so "Публичное акционерное общество" goes
    /// whole rather than leaving "публичное" behind.
    static let byFirstWord: [NameSkeleton.Bytes: [Form]] = {
        var table: [NameSkeleton.Bytes: [Form]] = [:]
        for (family, texts) in written {
            for text in texts {
                let words = NameFolding.words(of: text).map(NameSkeleton.word)
                guard let first = words.first else { continue }
                table[first, default: []].append(Form(words: words, family: family))
            }
        }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// The positions of the words that are not part of a legal form, wherever the forms stood,
    /// and the kinds of the forms removed. Repeats until nothing is removed, since removing one
    /// form can bring the words of another together.
    static func strip(_ words: [NameSkeleton.Bytes]) -> (kept: [Int], families: Set<LegalFormFamily>) {
        var current = Array(words.indices)
        var families = Set<LegalFormFamily>()
        while true {
            var kept: [Int] = []
            var index = 0
            var removed = false
            let remaining = current.map { words[$0] }
            while index < remaining.count {
                if let form = match(at: index, in: remaining) {
                    families.insert(form.family)
                    index += form.words.count
                    removed = true
                } else {
                    kept.append(current[index])
                    index += 1
                }
            }
            if !removed { return (current, families) }
            current = kept
        }
    }

    private static func match(at index: Int, in words: [NameSkeleton.Bytes]) -> Form? {
        guard let forms = byFirstWord[words[index]] else { return nil }
        return forms.first { form in
            index + form.words.count <= words.count
                && zip(form.words, words[index...]).allSatisfy { $0 == $1 }
        }
    }
}
