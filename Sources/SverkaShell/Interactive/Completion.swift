/// One thing Tab could put in place of the partial word before the cursor.
public struct CompletionCandidate: Sendable, Equatable {
    /// Replaces the partial word: `deals`, `"data/`, `` `Сумма с НДС ``.
    public var text: String
    /// Added only when this candidate is the sole one: a space, a closing quote, `(`.
    public var suffix: String
    /// How it is listed when there are several: a file's name without its directory.
    public var display: String

    public init(text: String, suffix: String = " ", display: String? = nil) {
        self.text = text
        self.suffix = suffix
        self.display = display ?? text
    }
}

/// What Tab does at a cursor position: the partial word it replaces and the candidates for it.
public struct Completion: Sendable, Equatable {
    /// The partial word, in characters of the completed line; it ends at the cursor.
    public var replacementRange: Range<Int>
    /// The text in `replacementRange` as typed.
    public var prefix: String
    public var candidates: [CompletionCandidate]

    public init(replacementRange: Range<Int>, prefix: String, candidates: [CompletionCandidate]) {
        self.replacementRange = replacementRange
        self.prefix = prefix
        self.candidates = candidates
    }

    /// No candidates at `cursor`.
    public static func none(at cursor: Int) -> Completion {
        Completion(replacementRange: cursor..<cursor, prefix: "", candidates: [])
    }

    /// The longest start that every candidate's text shares.
    public var commonPrefix: String {
        guard var common = candidates.first.map({ Array($0.text) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let shared = zip(common, candidate.text).prefix { $0 == $1 }.count
            common.removeLast(common.count - shared)
            if common.isEmpty { break }
        }
        return String(common)
    }

    /// What to put in place of `replacementRange` now: the sole candidate with its suffix, or
    /// the common prefix when it adds to what was typed; nil when Tab should only list.
    public var insertion: String? {
        if candidates.count == 1, let only = candidates.first { return only.text + only.suffix }
        let common = commonPrefix
        // A common prefix shorter than the typed word would delete what the user typed; one as
        // long only corrects its case (`ооо` to `ООО`), after which the next Tab lists.
        if common.count > prefix.count { return common }
        if common.count == prefix.count, common != prefix, common.lowercased() == prefix.lowercased() { return common }
        return nil
    }
}
