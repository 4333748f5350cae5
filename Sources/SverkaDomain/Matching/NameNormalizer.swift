/// A company or person name reduced to what identifies it: no legal form, no quotes, case,
/// punctuation or spaces, one alphabet.
public struct NormalizedName: Sendable, Hashable {
    /// The comparison key: the remaining words' skeletons run together ("romashka"). Equal keys
    /// are the strongest name evidence; similar keys are scored.
    public var key: String
    /// The words after legal forms were removed, in skeleton form.
    public var words: [String]
    /// The words with what separated them, a hyphen or a space ("polius-iug", "polius iug"):
    /// between names of equal key, the one spelt alike is the better candidate.
    public var spelling: String
    /// The name's digits in order ("Ромашка-2" → "2"): names whose numbers differ are different
    /// companies however alike the rest.
    public var digits: String
    /// The kind of legal form written, when exactly one kind was (nil for none or a mix).
    public var form: LegalFormFamily?
    /// Two or three words of letters read as surname and given names; nil for other shapes.
    public var person: PersonName?

    /// Written as an entrepreneur's (ИП …) and shaped as a person's name: compared by surname
    /// and initials, since the systems write "ИП Иванов И.П." and "Иванов Иван Петрович".
    public var isPerson: Bool { form == .entrepreneur && person != nil }

    /// False when both name a kind of legal form and the kinds differ: ООО «Ромашка» and
    /// АО «Ромашка» are two companies.
    public func formAgrees(with other: NormalizedName) -> Bool {
        guard let mine = form, let theirs = other.form else { return true }
        return mine == theirs
    }

    /// The key as bytes, for the similarity measures.
    var keyBytes: [UInt8] { Array(key.utf8) }
}

/// A name of the shape "Surname Name Patronymic" or "Surname N. P.".
public struct PersonName: Sendable, Hashable {
    public struct Given: Sendable, Hashable {
        /// The word's skeleton: "ivan", or an initial's, "i" (and "iu" for Ю).
        public var skeleton: String
        /// Written as an initial: one letter, or a Latin spelling of one letter ("Yu.", "Zh.").
        public var isInitial: Bool
        /// The skeleton of a Cyrillic word's first letter ("iu" for Юрий, so that И. does not
        /// pass for it); nil for a Latin word, whose first letter may be spelt several ways.
        public var head: String?

        /// Whether two given names can be the same: equal when both are written out, else the
        /// initial agrees with the other's first letter.
        func agrees(with other: Given) -> Bool {
            switch (isInitial, other.isInitial) {
            case (false, false), (true, true): return skeleton == other.skeleton
            case (true, false): return other.begins(with: skeleton)
            case (false, true): return begins(with: other.skeleton)
            }
        }

        private func begins(with initial: String) -> Bool {
            if let head { return head == initial }
            return skeleton.hasPrefix(initial)
        }
    }

    public var surname: String
    public var givenNames: [Given]

    /// "Иванов И.П." says less than "Иванов Иван Петрович": equal keys of initials are not proof.
    public var hasInitials: Bool { givenNames.contains(where: \.isInitial) }
}

/// Turns names into `NormalizedName`s. `normalize(normalize(x)) == normalize(x)`; upper or lower
/// case, quotes and punctuation make no difference.
public enum NameNormalizer {
    /// The comparison key of a name.
    public static func normalize(_ name: String) -> String {
        analyze(name).key
    }

    public static func analyze(_ name: String) -> NormalizedName {
        let (folded, hyphenated) = NameFolding.split(name)
        let skeletons = folded.map(NameSkeleton.word)
        let (kept, families) = LegalForms.strip(skeletons)
        // A name that is nothing but a legal form ("ООО") keeps it: an empty key would equal
        // every other empty key.
        let positions = kept.isEmpty ? Array(skeletons.indices) : kept
        let words = positions.map { skeletons[$0] }
        let key = NameSkeleton.reduced(Array(words.joined()), collapsingDoubles: true)
        // Only a written form makes a person ("Альфа М" has the shape of "Иванов И" too), and a
        // name that is nothing but forms has no person in it.
        let person = kept.isEmpty ? nil : personName(positions.map { (folded[$0], skeletons[$0]) })
        var spelling: [UInt8] = []
        for position in positions {
            if !spelling.isEmpty { spelling.append(UInt8(ascii: hyphenated[position] ? "-" : " ")) }
            spelling.append(contentsOf: skeletons[position])
        }
        return NormalizedName(key: String(decoding: key, as: UTF8.self),
                              words: words.map { String(decoding: $0, as: UTF8.self) },
                              spelling: String(decoding: spelling, as: UTF8.self),
                              digits: String(decoding: key.filter(NameSkeleton.isASCIIDigit), as: UTF8.self),
                              form: families.count == 1 ? families.first : nil, person: person)
    }

    /// Skeletons of single Cyrillic letters that take two Latin letters.
    private static let digraphInitials: Set<String> = ["zh", "ch", "sh", "iu", "ia"]

    private static func personName(_ words: [(NameFolding.Word, NameSkeleton.Bytes)]) -> PersonName? {
        guard (2...3).contains(words.count),
              words.allSatisfy({ $0.1.allSatisfy(NameSkeleton.isASCIILetter) && !$0.1.isEmpty }),
              let surname = words.first else { return nil }
        let givens = words.dropFirst().map { letters, skeleton -> PersonName.Given in
            let text = String(decoding: skeleton, as: UTF8.self)
            let cyrillic = letters.contains(where: NameFolding.isCyrillic)
            let initial = letters.count == 1
                || (!cyrillic && letters.count <= 4 && (skeleton.count == 1 || digraphInitials.contains(text)))
            let head = cyrillic ? letters.first.map { String(decoding: NameSkeleton.word([$0]), as: UTF8.self) } : nil
            return PersonName.Given(skeleton: text, isInitial: initial, head: head)
        }
        return PersonName(surname: String(decoding: surname.1, as: UTF8.self), givenNames: givens)
    }
}
