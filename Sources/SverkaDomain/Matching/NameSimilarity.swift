/// How alike two normalized names are, from 0 to 1.
///
/// - Names whose digits differ score 0: "Ромашка-1" and "Ромашка-2" are different companies;
///   so do names with different kinds of legal form (ООО and АО).
/// - An entrepreneur's name against a name of the same shape: the surnames must be equal and
///   each given name agree as far as both are written ("И." agrees with "Иван", not with
///   "Юрий"); 0.925 with one given name compared, 0.95 with two — also when the keys are equal
///   but written with initials, since "Иванов И.П." may be several people.
/// - Otherwise equal keys score 1.
/// - Otherwise the names must have the same number of words, and the score is the lowest
///   similarity of corresponding words: Jaro–Winkler, scaled down when one word is less than
///   0.8 as long as the other. Word by word, because Jaro–Winkler on the whole key rewards a
///   shared beginning: "Альфа-Трейд" and "Альфа-Транс" would score 0.91, and they are two
///   companies; the length scale because it forgives dropped letters too easily ("Зотуми" and
///   "Зотухоми" 0.95). A typo ("Ромашка"/"Ромашко") still scores 0.95.
public enum NameSimilarity {
    public static func score(_ a: NormalizedName, _ b: NormalizedName) -> Double {
        guard !a.key.isEmpty, a.formAgrees(with: b), a.digits == b.digits else { return 0 }
        if a.isPerson || b.isPerson, let left = a.person, let right = b.person,
           a.key != b.key || left.hasInitials || right.hasInitials {
            return personScore(left, right)
        }
        if a.key == b.key { return 1 }
        if a.isPerson || b.isPerson { return 0 }
        guard a.words.count == b.words.count, !a.words.isEmpty else { return 0 }
        var lowest = 1.0
        for (left, right) in zip(a.words, b.words) {
            lowest = min(lowest, wordScore(Array(left.utf8), Array(right.utf8)))
            if lowest == 0 { break }
        }
        return lowest
    }

    static func wordScore(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let similarity = jaroWinkler(a, b)
        let ratio = Double(min(a.count, b.count)) / Double(max(a.count, b.count, 1))
        return ratio < 0.8 ? similarity * ratio / 0.8 : similarity
    }

    static func personScore(_ a: PersonName, _ b: PersonName) -> Double {
        guard a.surname == b.surname else { return 0 }
        let compared = min(a.givenNames.count, b.givenNames.count)
        guard compared > 0 else { return 0 }
        for (left, right) in zip(a.givenNames, b.givenNames) where !left.agrees(with: right) { return 0 }
        return 0.9 + 0.025 * Double(compared)
    }

    /// Jaro–Winkler with the usual prefix scale 0.1 over at most 4 characters.
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let jaro = jaro(a, b)
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    public static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window), high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where matchedA[i] {
            while !matchedB[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
    }
}
