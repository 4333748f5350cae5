import SverkaDomain
import SverkaSyntax

/// Contexts inside a command, driven by its `CommandSyntax`.
extension CompletionContextFinder {
    /// `load ⇥` and `load "dea⇥` offer files, as they did before `load api`: a file is what is
    /// typed there nearly always, and file names cannot be offered beside the optional word.
    static func givesWayToPath(_ slot: CommandSlotWalk.SlotState, in syntax: CommandSyntax) -> Bool {
        guard slot.isOptional, slot.tokens.isEmpty, case .choice = slot.kind, let index = slot.positional,
              index + 1 < syntax.positionals.count, case .string(.path) = syntax.positionals[index + 1].kind else { return false }
        return true
    }

    func commandContext(_ statement: [CompletionToken], syntax: CommandSyntax, at place: CursorPlace) -> CompletionContext {
        let walk = CommandSlotWalk(syntax, arguments: statement.dropFirst())
        if let keyword = walk.pendingKeywords.first {
            return place == .word ? .words([CompletionOffer([keyword], .keyword)]) : .nothing
        }
        let slot = walk.slotForNextToken
        let clauseOffer = CompletionOffer(walk.unusedClauseKeywords, .keyword)
        if let slot, !slot.tokens.isEmpty {
            return continuingContext(slot, walk: walk, clauseOffer: clauseOffer, at: place)
        }
        guard place == .word else {
            if case .string(.path)? = slot?.kind { return .paths(openQuote: false) }
            if let slot, Self.givesWayToPath(slot, in: syntax) { return .paths(openQuote: false) }
            return .nothing
        }
        var offers: [CompletionOffer] = []
        if let slot {
            if case .string(.path) = slot.kind { return .paths(openQuote: true) }
            if Self.givesWayToPath(slot, in: syntax) { return .paths(openQuote: true) }
            offers += slotOffers(slot.kind, walk: walk)
        }
        if walk.acceptsClause(beforeFilling: slot) { offers.append(clauseOffer) }
        return .words(offers)
    }

    /// A slot that takes several tokens and has some: a query, an expression, options.
    private func continuingContext(
        _ slot: CommandSlotWalk.SlotState, walk: CommandSlotWalk, clauseOffer: CompletionOffer, at place: CursorPlace
    ) -> CompletionContext {
        guard let previous = slot.tokens.last else { return .nothing }
        switch slot.kind {
        case .query where slot.tokens[0].isKeyword("from"):
            return pipelineContext(slot.tokens, at: place)
        case .expression:
            guard place == .word else { return .nothing }
            let inner = expressionContext(slot.tokens, condition: true, columns: columns(of: walk.tables))
            if previous.endsOperand, case .words(let offers) = inner { return .words(offers + [clauseOffer]) }
            return inner
        case .words(let role) where previous.isSymbol(","):
            return place == .word ? .words(roleOffers(role, walk: walk)) : .nothing
        case .word(.role) where previous.isSymbol("."):
            // `crm.` then the entity: the scanner splits at the dot, so offer what may follow it.
            let system = slot.tokens.first?.keyword ?? ""
            let entities = CanonicalRole.all.filter { $0.system.rawValue == system }.map(\.entity)
            return place == .word ? .words([CompletionOffer(entities, .keyword)]) : .nothing
        case .assignments where previous.isSymbol("="):
            // The value of `name = …`: the columns of the table the command names.
            return place == .word ? .words(operandOffers(columns: columns(of: walk.tables))) : .nothing
        default:
            let closesArgument = previous.endsOperand && Self.openBrackets(slot.tokens).isEmpty
            return place == .word && closesArgument ? .words([clauseOffer]) : .nothing
        }
    }

    private func slotOffers(_ kind: SlotKind, walk: CommandSlotWalk) -> [CompletionOffer] {
        switch kind {
        case .word(let role), .words(let role): return roleOffers(role, walk: walk)
        case .choice(let words): return [CompletionOffer(words, .keyword)]
        case .query: return [CompletionOffer(["from"], .keyword), tableOffer()]
        case .expression: return operandOffers(columns: columns(of: walk.tables))
        case .string, .value, .options, .assignments, .range, .overrides, .sweep: return []
        case .flag, .list, .comparison, .bounds: return []
        }
    }

    private func roleOffers(_ role: WordRole, walk: CommandSlotWalk) -> [CompletionOffer] {
        switch role {
        case .table: return [tableOffer()]
        case .column: return [CompletionOffer(columns(of: walk.tables), .name)]
        case .command: return [CompletionOffer(catalog.grammar.commandNames, .keyword)]
        case .setting: return [CompletionOffer(catalog.settingNames(), .keyword)]
        case .role: return [CompletionOffer(CanonicalRole.all.map(\.name), .keyword)]
        case .model: return [CompletionOffer(catalog.modelNames(), .name)]
        case .newTable, .other: return []
        }
    }
}
