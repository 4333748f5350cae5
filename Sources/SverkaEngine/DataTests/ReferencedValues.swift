import SverkaSyntax

/// The values a `references` test looks up, copied once into an indexed temporary table: the
/// target may be a role (a subquery SQLite cannot index), and a million lookups into an
/// unindexed one would take quadratic time.
struct ReferencedValues {
    static let table = "_sverka_test_targets"

    let database: SQLiteDatabase
    let dialect: any SQLDialect

    func create(from query: CompiledQuery) throws(Diagnostic) {
        try drop()
        try database.run("CREATE TEMP TABLE \(quoted) AS \(query.sql)", query.parameters)
        let index = dialect.quoteIdentifier(Self.table + "_value")
        try database.execute("CREATE INDEX \(index) ON \(quoted) (\(dialect.quoteIdentifier(DataTestQueries.valueColumn)))")
    }

    /// `SELECT 1 FROM targets AS t WHERE t.value = alias.value`.
    func match(for alias: String) -> String {
        let value = dialect.quoteIdentifier(DataTestQueries.valueColumn)
        return "SELECT 1 FROM \(quoted) AS t WHERE t.\(value) = \(alias).\(value)"
    }

    func drop() throws(Diagnostic) {
        try database.execute("DROP TABLE IF EXISTS \(quoted)")
    }

    private var quoted: String { dialect.quoteIdentifier(Self.table) }
}
