/// The first stage of name normalization: splitting a name into words of lower-case letters and
/// digits, and folding Latin letters that merely look Cyrillic back into Cyrillic.
///
/// Works on Unicode scalars, not Characters: grapheme breaking would cost more than everything
/// else here, and names are compared letter by letter anyway.
enum NameFolding {
    /// One word of a name: lower-case scalars, letters and digits only.
    typealias Word = [Unicode.Scalar]

    /// Splits on everything that is not a letter or a digit (spaces, quotes «» "" '' „“,
    /// punctuation, dashes), lower-cases, turns ё into е, drops combining marks (so a
    /// decomposed ё or й joins its base letter), and folds look-alikes.
    static func words(of name: String) -> [Word] {
        split(name).words
    }

    /// The words, and for each whether only a hyphen separated it from the one before
    /// ("Полюс-Юг"): the comparison key ignores that, the spelling keeps it.
    static func split(_ name: String) -> (words: [Word], hyphenated: [Bool]) {
        var words: [Word] = []
        var hyphenated: [Bool] = []
        var current: Word = []
        var nameHasCyrillic = false
        var separatorIsHyphen = true
        for scalar in name.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            let lower = lowercase(scalar)
            let isLetter = isCyrillic(lower) || isLetterOrDigit(lower)
            if isLetter, current.isEmpty {
                hyphenated.append(!words.isEmpty && separatorIsHyphen)
                separatorIsHyphen = true
            }
            if isCyrillic(lower) {
                nameHasCyrillic = true
                current.append(lower == "ё" ? "е" : lower)
            } else if isLetter {
                current.append(lower)
            } else {
                if !current.isEmpty {
                    words.append(current)
                    current = []
                }
                separatorIsHyphen = separatorIsHyphen && isHyphen(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return (words.map { foldLookalikes($0, nameHasCyrillic: nameHasCyrillic) }, hyphenated)
    }

    /// Hyphen-minus, hyphen, non-breaking hyphen, en and em dashes: what joins "Полюс-Юг".
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || (0x2010...0x2014).contains(scalar.value)
    }

    /// The Cyrillic twin of a lower-case Latin letter that looks like one — a careless keyboard
    /// switch writes "Pомашка" with a Latin P: a b c e h k m o p t x y. Lower case is enough:
    /// words are lower-cased first, which also makes B/в, H/н, M/м, T/т fold whatever case they
    /// were typed in. A switch, not a dictionary: it runs for every letter.
    static func cyrillicTwin(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "a": return "а"
        case "b": return "в"
        case "c": return "с"
        case "e": return "е"
        case "h": return "н"
        case "k": return "к"
        case "m": return "м"
        case "o": return "о"
        case "p": return "р"
        case "t": return "т"
        case "x": return "х"
        case "y": return "у"
        default: return nil
        }
    }

    /// A word with any Cyrillic letter is Cyrillic, so its Latin look-alikes become Cyrillic. A
    /// word made only of look-alikes ("OOO", "TOP") in a name written in Cyrillic is taken as
    /// Cyrillic too; in an all-Latin name ("OOO Romashka") it stays Latin.
    static func foldLookalikes(_ word: Word, nameHasCyrillic: Bool) -> Word {
        guard nameHasCyrillic, word.contains(where: { cyrillicTwin($0) != nil }) else { return word }
        let wordHasCyrillic = word.contains(where: isCyrillic)
        guard wordHasCyrillic || word.allSatisfy({ cyrillicTwin($0) != nil }) else { return word }
        return word.map { cyrillicTwin($0) ?? $0 }
    }

    /// Cyrillic lower-case letters, basic block (а…я, ѐ…џ).
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x430...0x45F).contains(scalar.value)
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x300...0x36F).contains(scalar.value)
    }

    /// ASCII and Cyrillic by table (the hot path); anything else by Unicode's own mapping.
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x410...0x42F:
            return Unicode.Scalar(value + 0x20) ?? scalar
        case 0x400...0x40F:
            return Unicode.Scalar(value + 0x50) ?? scalar
        case 0...0x7F, 0x430...0x45F:
            return scalar
        default:
            guard scalar.properties.isUppercase, let first = scalar.properties.lowercaseMapping.unicodeScalars.first else {
                return scalar
            }
            return first
        }
    }
}
