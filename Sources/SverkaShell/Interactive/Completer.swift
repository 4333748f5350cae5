import Foundation

/// Tab completion for sverka statements: commands, step words, tables, columns, column values
/// and file paths, chosen by where the cursor is.
public struct Completer {
    public let catalog: any CompletionCatalog
    /// Where relative file paths start; the current directory when nil.
    public var workingDirectory: String?
    /// How many distinct values to ask the catalog for.
    public var valueLimit = 50

    public init(catalog: any CompletionCatalog, workingDirectory: String? = nil) {
        self.catalog = catalog
        self.workingDirectory = workingDirectory
    }

    /// What Tab offers with the cursor at `cursor` (in characters) in `line`. The line may hold
    /// the earlier lines of an unfinished statement, separated by newlines.
    public func complete(line: String, cursor: Int) -> Completion {
        let characters = Array(line)
        let cursor = min(max(0, cursor), characters.count)
        var tokens = CompletionScanner.scan(Array(characters[..<cursor]))
        var partial: CompletionToken?
        if let last = tokens.last, last.range.upperBound == cursor {
            switch last.kind {
            case .word, .quotedName(_, closed: false), .string(_, closed: false, _):
                partial = tokens.removeLast()
            case .symbol:
                break
            case .comment, .literal, .quotedName, .string:
                return .none(at: cursor)
            }
        }
        let statement = Array(CompletionScanner.currentStatement(tokens.filter { !$0.isComment }))
        let finder = CompletionContextFinder(catalog: catalog)

        if let partial, case .string(let typed, _, let quote) = partial.kind {
            let range = (partial.range.lowerBound + 1)..<cursor
            let prefix = String(characters[range])
            let candidates: [CompletionCandidate]
            switch finder.context(statement, at: .string) {
            case .values(let column, let tables):
                candidates = valueCandidates(column: column, tables: tables, typed: typed, quote: quote)
            case .paths:
                candidates = pathCompleter.candidates(for: typed, quote: quote, openQuote: false)
            case .nothing, .words:
                candidates = []
            }
            return Completion(replacementRange: range, prefix: prefix, candidates: candidates)
        }

        let range = partial?.range ?? cursor..<cursor
        let prefix = String(characters[range])
        switch finder.context(statement, at: .word) {
        case .words(let offers):
            return Completion(replacementRange: range, prefix: prefix, candidates: wordCandidates(offers, partial: partial))
        case .paths(let openQuote):
            let typed = partial?.word ?? ""
            let candidates = pathCompleter.candidates(for: typed, quote: "\"", openQuote: openQuote)
            return Completion(replacementRange: range, prefix: prefix, candidates: candidates)
        case .values, .nothing:
            return Completion(replacementRange: range, prefix: prefix, candidates: [])
        }
    }

    private var pathCompleter: PathCompleter {
        PathCompleter(workingDirectory: workingDirectory)
    }

    /// Offered words that start with the partial word, ignoring case, written in their style.
    private func wordCandidates(_ offers: [CompletionOffer], partial: CompletionToken?) -> [CompletionCandidate] {
        var backQuoted = false
        if case .quotedName? = partial?.kind { backQuoted = true }
        let typed = (partial?.name ?? "").lowercased()
        var seen = Set<String>()
        var candidates: [CompletionCandidate] = []
        for offer in offers {
            for word in offer.words where word.lowercased().hasPrefix(typed) {
                let candidate = Self.candidate(word, style: offer.style, backQuoted: backQuoted)
                if seen.insert(candidate.text).inserted { candidates.append(candidate) }
            }
        }
        return candidates
    }

    private static func candidate(_ word: String, style: CompletionOffer.Style, backQuoted: Bool) -> CompletionCandidate {
        switch style {
        case .keyword:
            return CompletionCandidate(text: word)
        case .function:
            return CompletionCandidate(text: word, suffix: "(")
        case .name:
            if backQuoted { return CompletionCandidate(text: "`" + word, suffix: "` ", display: word) }
            if isPlainIdentifier(word) { return CompletionCandidate(text: word) }
            return CompletionCandidate(text: "`" + word + "`", display: word)
        }
    }

    /// Whether a name can be written without back-quotes.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy(CompletionScanner.isNameCharacter)
    }

    private func valueCandidates(column: String, tables: [String], typed: String, quote: Character) -> [CompletionCandidate] {
        var seen = Set<String>()
        var candidates: [CompletionCandidate] = []
        for table in tables {
            for value in catalog.distinctValues(table: table, column: column, prefix: typed, limit: valueLimit)
            where seen.insert(value).inserted {
                candidates.append(CompletionCandidate(
                    text: CompletionScanner.escaped(value, quote: quote), suffix: String(quote), display: value))
            }
        }
        return Array(candidates.prefix(valueLimit))
    }
}

extension CompletionToken {
    fileprivate var isComment: Bool {
        if case .comment = kind { return true }
        return false
    }
}
