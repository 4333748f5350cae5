import SverkaSyntax

/// Works out what a cursor position calls for from the tokens of the statement before it.
struct CompletionContextFinder {
    let catalog: any CompletionCatalog

    /// Symbols after which an expression expects an operand.
    static let operandSymbols: Set<String> = ["(", "[", ",", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"]

    /// The context at the end of `statement` (the tokens before the partial word or string).
    func context(_ statement: [CompletionToken], at place: CursorPlace) -> CompletionContext {
        guard let first = statement.first else {
            guard place == .word else { return .nothing }
            let words = Set(catalog.grammar.commandNames + ["from", "let"]).sorted()
            return .words([CompletionOffer(words, .keyword)])
        }
        if first.isKeyword("from") { return pipelineContext(statement, at: place) }
        if first.isKeyword("let") { return letContext(statement, at: place) }
        if let name = first.word, let syntax = catalog.grammar.syntax(for: name) {
            return commandContext(statement, syntax: syntax, at: place)
        }
        return .nothing
    }

    /// `let NAME = from …`.
    private func letContext(_ statement: [CompletionToken], at place: CursorPlace) -> CompletionContext {
        guard statement.count >= 3, statement[2].isSymbol("=") else { return .nothing }
        let value = Array(statement.dropFirst(3))
        guard let first = value.first else {
            return place == .word ? .words([CompletionOffer(["from"], .keyword)]) : .nothing
        }
        return first.isKeyword("from") ? pipelineContext(value, at: place) : .nothing
    }

    /// Columns of the mentioned tables, in order, without repeats.
    func columns(of tables: [TableMention]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for table in tables {
            for column in catalog.columnNames(of: table.name) where seen.insert(column).inserted {
                result.append(column)
            }
        }
        return result
    }

    func tableOffer() -> CompletionOffer {
        CompletionOffer(catalog.tableNames(), .name)
    }

    /// Columns and functions: what an expression position offers.
    func operandOffers(columns: [String]) -> [CompletionOffer] {
        [CompletionOffer(columns, .name), CompletionOffer(catalog.functionNames, .function)]
    }
}
