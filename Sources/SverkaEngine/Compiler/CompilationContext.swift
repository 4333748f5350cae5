import SverkaSyntax

/// What every part of one compilation shares: the dialect, the bound parameters, the variables,
/// and how to reach other tables (for `rows(NAME)` and named queries).
final class CompilationContext {
    let dialect: any SQLDialect
    let parameters: ParameterList
    let variables: [String: Value]
    let tables: any TableResolver
    let source: SourceText?
    /// The keys of the group being compiled, which aggregate items may use outside an aggregate.
    var groupKeys: [ScopeColumn] = []
    private var aliasCounter = 0
    /// Named queries being expanded, to catch one that refers to itself.
    var expanding: [String] = []

    init(dialect: any SQLDialect, variables: [String: Value], tables: any TableResolver, source: SourceText?) {
        self.dialect = dialect
        self.parameters = ParameterList(dialect: dialect)
        self.variables = variables
        self.tables = tables
        self.source = source
    }

    /// A fresh alias for a subquery: `_q1`, `_q2`, …
    func nextAlias() -> String {
        aliasCounter += 1
        return "_q\(aliasCounter)"
    }

    /// The text of a span, for hints that quote what the user wrote.
    func source(_ span: Span) -> String {
        source?.slice(span) ?? "x"
    }
}

/// How the compiler reaches tables: their columns, and the pipelines behind named queries.
public protocol TableResolver {
    func schema(of name: String) -> TableSchema?
    /// Every table and named query name, for "did you mean".
    func allNames() -> [String]
    /// The parsed pipeline of a named query, with the source text its spans point into.
    func pipeline(ofQuery name: String) throws(Diagnostic) -> (Pipeline, SourceText)?
}
