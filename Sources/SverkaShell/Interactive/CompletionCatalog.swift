import SverkaSyntax

/// What tab completion needs to know about the session: its commands and the workspace's names.
/// The session implements it over the live workspace, so new tables complete at once.
public protocol CompletionCatalog {
    /// The command registry, whose syntax tells which slot takes a table, a path or a choice.
    var grammar: any CommandGrammar { get }
    /// The words that start a pipeline step: `where`, `select`, `join`, …
    var stepWords: [String] { get }
    /// Tables, views and named queries.
    func tableNames() -> [String]
    /// The columns of a table or named query; empty when it is unknown.
    func columnNames(of table: String) -> [String]
    /// Up to `limit` distinct values of a column that start with `prefix`, for `stage == "w⇥`.
    func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String]
    /// Function names offered alongside columns in expressions.
    var functionNames: [String] { get }
    /// Names that `set` accepts.
    func settingNames() -> [String]
    /// The ROI models kept in the workspace, for `roi ⇥`.
    func modelNames() -> [String]
}

extension CompletionCatalog {
    public var functionNames: [String] { [] }
    public func settingNames() -> [String] { [] }
    public func modelNames() -> [String] { [] }
}
