import SverkaSyntax

/// Follows a command's arguments through its syntax to find the slot the cursor is in:
/// positionals in order, then keyword clauses in any order.
struct CommandSlotWalk {
    /// A positional or a clause's argument, with the tokens written into it so far.
    struct SlotState {
        var kind: SlotKind
        var positional: Int?
        var isOptional: Bool
        var tokens: [CompletionToken] = []

        /// Whether one more token belongs to the next slot rather than this one.
        var isFilled: Bool {
            // A clause that is its keywords alone (`unique`) is complete when they are.
            guard let last = tokens.last else { return kind == .flag }
            switch kind {
            // `crm.deals` is one word: a `.` joins the next name to it.
            case .word: return !last.isSymbol(".")
            case .choice, .string, .value: return true
            case .words: return !last.isSymbol(",")
            case .expression, .query, .options, .assignments, .range, .overrides, .sweep: return false
            case .flag: return true
            case .list, .comparison, .bounds: return false
            }
        }
    }

    let syntax: CommandSyntax
    /// The slot the last token went into; nil after the positionals when no clause has begun.
    private(set) var current: SlotState?
    private(set) var usedClauses = Set<Int>()
    /// The rest of a multi-word clause keyword whose first words were typed (`as` of `as of`).
    private(set) var pendingKeywords: [String] = []
    /// Names written in table slots, whose columns a column slot offers.
    private(set) var tables: [TableMention] = []
    private var depth = 0
    private var afterPipe = false

    init(_ syntax: CommandSyntax) {
        self.syntax = syntax
        current = positionalSlot(0)
    }

    /// Walks the command's tokens after its name.
    init(_ syntax: CommandSyntax, arguments: some Sequence<CompletionToken>) {
        self.init(syntax)
        for token in arguments { consume(token) }
    }

    mutating func consume(_ token: CompletionToken) {
        if let expected = pendingKeywords.first {
            pendingKeywords.removeFirst()
            if token.isKeyword(expected) { return }
            pendingKeywords = []
        }
        if let clause = clauseStarted(by: token) {
            usedClauses.insert(clause)
            current = SlotState(kind: syntax.clauses[clause].kind, positional: nil, isOptional: false)
            pendingKeywords = Array(syntax.clauses[clause].keywords.dropFirst())
            return
        }
        afterPipe = token.isSymbol("|")
        let startsUnkeyed = depth == 0 ? unkeyedClauseStarted(by: token) : nil
        depth = max(0, depth + token.bracketDepthChange)
        if let clause = startsUnkeyed {
            usedClauses.insert(clause)
            current = SlotState(kind: syntax.clauses[clause].kind, positional: nil, isOptional: false)
        } else if let slot = current, slot.isFilled, !(token.isSymbol(".") && isWord(slot.kind)) {
            current = slot.positional.flatMap { positionalSlot($0 + 1) }
        }
        // An optional word left out (`sql "…"` without `write`, `load "…"` without `api`) gives
        // way to the positional after it.
        if let slot = current, slot.tokens.isEmpty, slot.isOptional, case .choice(let words) = slot.kind,
           !words.contains(where: { token.isKeyword($0) }), let index = slot.positional {
            current = positionalSlot(index + 1)
        }
        guard current != nil else { return }
        current?.tokens.append(token)
        if case .word(.table) = current?.kind, let name = token.name { tables.append(TableMention(name: name)) }
        if case .words(.table) = current?.kind, let name = token.name { tables.append(TableMention(name: name)) }
    }

    /// The slot a token typed now goes into.
    var slotForNextToken: SlotState? {
        guard let slot = current, slot.isFilled else { return current }
        return slot.positional.flatMap { positionalSlot($0 + 1) }
    }

    /// Whether clause keywords may come next: no required positional is still empty.
    func acceptsClause(beforeFilling slot: SlotState?) -> Bool {
        guard let slot, slot.tokens.isEmpty else { return true }
        // A clause keyword just typed needs its argument first.
        guard let index = slot.positional else { return false }
        return syntax.positionals[index...].allSatisfy(\.isOptional)
    }

    /// The first keywords of the clauses not used yet.
    var unusedClauseKeywords: [String] {
        syntax.clauses.enumerated().compactMap { index, clause in
            usedClauses.contains(index) ? nil : clause.keywords.first
        }
    }

    private func positionalSlot(_ index: Int) -> SlotState? {
        guard index < syntax.positionals.count else { return nil }
        let slot = syntax.positionals[index]
        return SlotState(kind: slot.kind, positional: index, isOptional: slot.isOptional)
    }

    /// The unused unkeyed clause a token begins, once the slot before it is complete: a list
    /// begins with `(`, a query (`chart … from QUERY`) with its own `from` or a `(`.
    private func unkeyedClauseStarted(by token: CompletionToken) -> Int? {
        if let slot = current, !slot.isFilled { return nil }
        return syntax.clauses.indices.first { index in
            let clause = syntax.clauses[index]
            guard !usedClauses.contains(index), clause.keywords.isEmpty else { return false }
            return token.isSymbol("(") || (clause.kind == .query && token.isKeyword("from"))
        }
    }

    private func isWord(_ kind: SlotKind) -> Bool {
        if case .word = kind { return true }
        return false
    }

    /// The unused clause a word begins; never inside brackets, at the start of a query, or as
    /// a step word after `|`.
    private func clauseStarted(by token: CompletionToken) -> Int? {
        guard depth == 0, !afterPipe, let word = token.keyword else { return nil }
        if let slot = current, slot.kind == .query, slot.tokens.isEmpty { return nil }
        return syntax.clauses.indices.first {
            (!usedClauses.contains($0) || syntax.clauses[$0].isRepeatable) && syntax.clauses[$0].keywords.first == word
        }
    }
}
