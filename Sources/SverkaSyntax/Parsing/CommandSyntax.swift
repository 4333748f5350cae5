/// What a command's arguments look like, so that the parser can check them. The shell's command
/// registry supplies one per command; the same description drives help and completion.
public struct CommandSyntax: Sendable {
    public var name: String
    public var positionals: [Slot]
    public var clauses: [ClauseSyntax]
    /// A rule of the command's own that the slots cannot say (`test` takes exactly one check;
    /// `print`'s `{$name}` placeholders must be well formed), checked when the statement is
    /// parsed, so that a script breaking it runs nothing.
    public var check: Check?

    public typealias Check = @Sendable (CommandInvocation, SourceText) throws(Diagnostic) -> Void

    public init(name: String, positionals: [Slot] = [], clauses: [ClauseSyntax] = [], check: Check? = nil) {
        self.name = name
        self.positionals = positionals
        self.clauses = clauses
        self.check = check
    }
}

/// A positional argument of a command.
public struct Slot: Sendable {
    public var name: String
    public var kind: SlotKind
    public var isOptional: Bool

    public init(_ name: String, _ kind: SlotKind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
    }
}

/// A keyword clause: `as NAME`, `to "file"`, `with (…)`, `as of DATE`, `from A to B`; or an
/// unkeyed one, a bracketed list recognised by its `(` after the positionals (`map deals as
/// crm.deals (id = deal_id)`).
public struct ClauseSyntax: Sendable {
    /// One or more keywords that introduce it, e.g. `["as", "of"]`; empty for an unkeyed clause.
    public var keywords: [String]
    public var kind: SlotKind
    public var isRequired: Bool
    /// What an unkeyed clause is called, where a keyword would name it (`invocation.clause("fields")`).
    public var label: String?
    /// Whether it may be written more than once (`vary … vary …`); `invocation.clauses(keyword)`
    /// gives them in order.
    public var isRepeatable: Bool

    public init(_ keywords: [String], _ kind: SlotKind, required: Bool = false, repeatable: Bool = false) {
        self.keywords = keywords
        self.kind = kind
        self.isRequired = required
        self.isRepeatable = repeatable
    }

    /// A clause with no keyword: only kinds that begin with `(` (`.assignments`, `.options`),
    /// and `.query`, which must then start with its own `from` (or `(`), can be told from the
    /// other arguments this way.
    public init(unkeyed label: String, _ kind: SlotKind) {
        self.keywords = []
        self.kind = kind
        self.isRequired = false
        self.isRepeatable = false
        self.label = label
    }

    /// The keywords joined by a space (`as of`), or an unkeyed clause's label.
    public var keyword: String { label ?? keywords.joined(separator: " ") }
}

public enum SlotKind: Sendable, Equatable {
    /// Any bare word (a table name, a mode); `.word` with a role tells completion what to offer.
    case word(WordRole)
    /// One of these exact words.
    case choice([String])
    /// Comma-separated words.
    case words(WordRole)
    /// A quoted string; the role tells completion what to offer.
    case string(StringRole)
    case expression
    /// A value for `set`: a word, string or number.
    case value
    /// A pipeline, or a bare table name.
    case query
    /// `(key: value, …)`.
    case options
    /// `(name = expression, …)`: every item named, as in `derive`.
    case assignments
    /// `EXPR to EXPR` (after a `from` keyword).
    case range
    /// `(dotted.name = expression, …)`: values given to named inputs, as in `roi … with
    /// (cost.project = 1.2M)`; read as `.assignments` whose names may be dotted.
    case overrides
    /// `NAME from EXPR to EXPR step EXPR`: the values one input takes in turn.
    case sweep
    /// Nothing after the keywords: a clause that is its words alone (`unique`, `not null`).
    case flag
    /// `(EXPR, …)`: a bracketed list of values, as after `in`.
    case list
    /// A comparison operator and an expression: `> 10`, `>= $limit`.
    case comparison
    /// `LOW and HIGH`, as after `between`; read as a `.range`.
    case bounds
}

public enum WordRole: Sendable, Equatable {
    /// `role` is a role of the integration model (`crm.deals`), written as a dotted word;
    /// `model` an ROI model defined with `model NAME … end`.
    case table, newTable, column, command, setting, role, model, other
}

public enum StringRole: Sendable, Equatable {
    case path, sql, text
}

/// Where the parser finds a command's syntax by name.
public protocol CommandGrammar: Sendable {
    func syntax(for name: String) -> CommandSyntax?
    /// Every command name, for "did you mean" and completion.
    var commandNames: [String] { get }
}
