/// Contexts inside a pipeline: `from T | step …`.
extension CompletionContextFinder {
    private static let expressionSteps: Set<String> = ["where", "select", "derive", "sort", "group"]
    private static let namingSteps: Set<String> = ["select", "derive", "group"]
    private static let conditionKeywords = ["and", "or", "not", "in", "between", "is"]

    func pipelineContext(_ tokens: [CompletionToken], at place: CursorPlace) -> CompletionContext {
        // Inside `append (from …` the nested pipeline is the one being written.
        var pipeline = tokens
        let nested = Self.openBrackets(tokens).last { $0 + 1 < tokens.count && tokens[$0 + 1].isKeyword("from") }
        if let nested { pipeline = Array(tokens[(nested + 1)...]) }
        let tables = Self.tableMentions(pipeline)
        let (step, hasPipe) = Self.currentStep(pipeline)
        if place == .string { return valueContext(step, tables: tables) }
        guard let previous = pipeline.last else { return .nothing }

        if previous.isSymbol("."), pipeline.count >= 2, let qualifier = pipeline[pipeline.count - 2].name {
            let named = tables.filter { $0.isNamed(qualifier) }
            return .words([CompletionOffer(columns(of: named), .name)])
        }
        guard hasPipe else {
            return step.count == 1 ? .words([tableOffer()]) : .nothing
        }
        guard var stepWord = step.first?.keyword else {
            return .words([CompletionOffer(catalog.stepWords, .keyword)])
        }
        var body = step
        if stepWord == "left" {
            guard step.count > 1 else { return .words([CompletionOffer(["join"], .keyword)]) }
            body.removeFirst()
            stepWord = body[0].keyword ?? ""
        }
        let tableColumns = columns(of: tables)
        let available = tableColumns + Self.namedItems(pipeline).filter { !tableColumns.contains($0) }
        switch stepWord {
        case "join":
            return joinContext(body, available: available)
        case "append":
            return body.count == 1 ? .words([tableOffer()]) : .nothing
        case let word where Self.expressionSteps.contains(word):
            return expressionContext(Array(body.dropFirst()), condition: word == "where", columns: available)
        default:
            return .nothing
        }
    }

    /// `join T [as A] on COND` or `join T using (a, b)`.
    private func joinContext(_ step: [CompletionToken], available: [String]) -> CompletionContext {
        guard step.count > 1 else { return .words([tableOffer()]) }
        if let on = step.firstIndex(where: { $0.isKeyword("on") }) {
            return expressionContext(Array(step[(on + 1)...]), condition: true, columns: available)
        }
        if let using = step.firstIndex(where: { $0.isKeyword("using") }), let previous = step.last {
            guard using < step.count - 1, previous.isSymbol("(") || previous.isSymbol(",") else { return .nothing }
            return .words([CompletionOffer(available, .name)])
        }
        guard let previous = step.last, !previous.isKeyword("as"), step.count == 2 || step.count == 4 else {
            return .nothing
        }
        return .words([CompletionOffer(step.count == 2 ? ["on", "using", "as"] : ["on", "using"], .keyword)])
    }

    /// An expression: `tokens` follow its keyword (`where`, `on`, `sort`, a command's slot).
    /// `condition` adds `and`, `or`, … after an operand.
    func expressionContext(_ tokens: [CompletionToken], condition: Bool, columns: [String]) -> CompletionContext {
        guard let previous = tokens.last else { return .words(operandOffers(columns: columns)) }
        if case .word(let text) = previous.kind {
            switch text.lowercased() {
            case "not" where tokens.count >= 2 && tokens[tokens.count - 2].isKeyword("is"):
                return .words([CompletionOffer(["null"], .keyword)])
            case "and", "or", "not", "between":
                return .words(operandOffers(columns: columns))
            case "is":
                return .words([CompletionOffer(["null", "not"], .keyword)])
            default:
                break
            }
        }
        if case .symbol(let symbol) = previous.kind, Self.operandSymbols.contains(symbol) {
            return .words(operandOffers(columns: columns))
        }
        if previous.endsOperand, condition {
            return .words([CompletionOffer(Self.conditionKeywords, .keyword)])
        }
        return .nothing
    }

    /// Inside a string after `column ==`, `column !=` or `column in ("a", `: that column's values.
    func valueContext(_ tokens: [CompletionToken], tables: [TableMention]) -> CompletionContext {
        guard let end = Self.comparedColumnEnd(tokens), let column = tokens[end].name else { return .nothing }
        var candidates = tables
        if end >= 2, tokens[end - 1].isSymbol("."), let qualifier = tokens[end - 2].name {
            candidates = tables.filter { $0.isNamed(qualifier) }
        } else {
            let holding = tables.filter { table in
                catalog.columnNames(of: table.name).contains { $0.lowercased() == column.lowercased() }
            }
            if !holding.isEmpty { candidates = holding }
        }
        guard !candidates.isEmpty else { return .nothing }
        return .values(column: column, tables: candidates.map(\.name))
    }

    /// The index of the column a string is compared with, if the string is a comparison's right side.
    private static func comparedColumnEnd(_ tokens: [CompletionToken]) -> Int? {
        guard let previous = tokens.last else { return nil }
        if case .symbol(let symbol) = previous.kind, ["==", "!=", "<>", "="].contains(symbol) {
            return tokens.count >= 2 ? tokens.count - 2 : nil
        }
        var index = tokens.count - 1
        while index >= 0, tokens[index].isListItem { index -= 1 }
        guard index >= 1, tokens[index].isSymbol("("), tokens[index - 1].isKeyword("in") else { return nil }
        var end = index - 2
        if end >= 0, tokens[end].isKeyword("not") { end -= 1 }
        return end >= 0 ? end : nil
    }

    /// Tables after `from`, `join` and `append`, with their `as` aliases.
    static func tableMentions(_ tokens: [CompletionToken]) -> [TableMention] {
        var mentions: [TableMention] = []
        for (index, token) in tokens.enumerated() where ["from", "join", "append"].contains(token.keyword ?? "") {
            guard index + 1 < tokens.count, let name = tokens[index + 1].name else { continue }
            var alias: String?
            if index + 3 < tokens.count, tokens[index + 2].isKeyword("as") { alias = tokens[index + 3].name }
            mentions.append(TableMention(name: name, alias: alias))
        }
        return mentions
    }

    /// Names given with `=` in `derive`, `select` and `group`: columns of the steps after them.
    static func namedItems(_ tokens: [CompletionToken]) -> [String] {
        var names: [String] = []
        var stepWord = ""
        var depth = 0
        for (index, token) in tokens.enumerated() {
            depth += token.bracketDepthChange
            if depth == 0, token.isSymbol("|"), index + 1 < tokens.count {
                stepWord = tokens[index + 1].keyword ?? ""
            }
            guard namingSteps.contains(stepWord), index + 1 < tokens.count, tokens[index + 1].isSymbol("="),
                  let name = token.name, index == 0 || !tokens[index - 1].isSymbol("."),
                  !names.contains(name) else { continue }
            names.append(name)
        }
        return names
    }

    /// The tokens after the last top-level `|`, and whether there was one.
    static func currentStep(_ tokens: [CompletionToken]) -> (step: [CompletionToken], hasPipe: Bool) {
        var depth = 0
        var lastPipe: Int?
        for (index, token) in tokens.enumerated() {
            depth += token.bracketDepthChange
            if depth == 0, token.isSymbol("|") { lastPipe = index }
        }
        guard let lastPipe else { return (tokens, false) }
        return (Array(tokens[(lastPipe + 1)...]), true)
    }

    /// The indices of the `(` and `[` not closed before the end, outermost first.
    static func openBrackets(_ tokens: [CompletionToken]) -> [Int] {
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            switch token.bracketDepthChange {
            case 1: open.append(index)
            case -1: _ = open.popLast()
            default: break
            }
        }
        return open
    }
}

extension CompletionToken {
    /// +1 for `(` and `[`, -1 for `)` and `]`.
    var bracketDepthChange: Int {
        guard case .symbol(let symbol) = kind else { return 0 }
        switch symbol {
        case "(", "[": return 1
        case ")", "]": return -1
        default: return 0
        }
    }

    /// A value or comma of an `in (…)` list.
    fileprivate var isListItem: Bool {
        switch kind {
        case .string(_, closed: true, _), .literal: return true
        case .symbol(let symbol): return symbol == ","
        default: return false
        }
    }
}
