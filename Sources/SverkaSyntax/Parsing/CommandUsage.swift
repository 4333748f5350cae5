/// A one-line usage of a command made from its syntax, for hints: `load PATH as NAME [with (…)]`.
enum CommandUsage {
    static func line(for syntax: CommandSyntax) -> String {
        var parts = [syntax.name]
        for slot in syntax.positionals {
            // A choice shows its words (`load [api|postgres] …`), as a clause's does.
            let text = if case .choice(let words) = slot.kind { words.joined(separator: "|") } else { slot.name.uppercased() }
            parts.append(slot.isOptional ? "[\(text)]" : text)
        }
        for clause in syntax.clauses {
            let written = placeholder(for: clause.kind)
            // An unkeyed query starts with its own `from` (`chart … from QUERY`).
            let unkeyed = clause.kind == .query ? "from \(written)" : written
            let keyed = written.isEmpty ? clause.keyword : "\(clause.keyword) \(written)"
            let text = clause.keywords.isEmpty ? unkeyed : keyed
            parts.append(clause.isRequired ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    /// How a slot of this kind is shown when it has no name of its own.
    static func placeholder(for kind: SlotKind) -> String {
        switch kind {
        case .word(let role): return word(role)
        case .choice(let words): return words.joined(separator: "|")
        case .words(let role): return "\(word(role)), …"
        case .string(.path): return "\"FILE\""
        case .string(.sql): return "\"SQL\""
        case .string(.text): return "\"TEXT\""
        case .expression: return "EXPR"
        case .value: return "VALUE"
        case .query: return "QUERY"
        case .options: return "(key: value, …)"
        case .assignments: return "(name = EXPR, …)"
        case .range: return "A to B"
        case .overrides: return "(NAME.FIELD = EXPR, …)"
        case .sweep: return "NAME.FIELD from A to B step S"
        case .flag: return ""
        case .list: return "(VALUE, …)"
        case .comparison: return "> N"
        case .bounds: return "LOW and HIGH"
        }
    }

    /// What a slot of this kind is called in "expected …" messages.
    static func noun(for kind: SlotKind) -> String {
        switch kind {
        case .word(.table): return "a table name"
        case .word(.newTable): return "a name for the new table"
        case .word(.column): return "a column name"
        case .word(.command): return "a command name"
        case .word(.setting): return "a setting"
        case .word(.role): return "a role such as crm.deals"
        case .word(.model): return "a model name"
        case .word(.other): return "a word"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .words: return "one or more names"
        case .string: return "a quoted string"
        case .expression: return "an expression"
        case .value: return "a value"
        case .query: return "a query"
        case .options: return "'(' with options"
        case .assignments: return "'(' with name = expression, …"
        case .range: return "a range"
        case .overrides: return "'(' with name = expression, …"
        case .sweep: return "an input to vary"
        case .flag: return "nothing more"
        case .list: return "'(' with a list of values"
        case .comparison: return "a comparison such as '> 0'"
        case .bounds: return "two values joined by 'and'"
        }
    }

    private static func word(_ role: WordRole) -> String {
        switch role {
        case .table, .newTable: return "NAME"
        case .column: return "COLUMN"
        case .command: return "COMMAND"
        case .setting: return "SETTING"
        case .role: return "ROLE"
        case .model: return "MODEL"
        case .other: return "WORD"
        }
    }
}
