import SverkaSyntax

/// `test_failures (test, key, value)`: the failing rows of every data test, under each test's
/// name. A test run again replaces its own rows and leaves the other tests' alone, so after a
/// script the table holds the latest failures of every test the workspace has run.
struct TestFailuresTable {
    static let name = "test_failures"
    static let columns = [ResultColumn(name: "test", type: .text),
                          ResultColumn(name: DataTestQueries.keyColumn, type: .text),
                          ResultColumn(name: DataTestQueries.valueColumn, type: .text)]

    let workspace: Workspace
    let dialect: any SQLDialect

    /// Makes the table when it is missing. A table or named query of that name that tests did
    /// not make is the user's, and is never written over.
    func prepare() throws(Diagnostic) {
        let database = workspace.database
        guard let schema = workspace.catalog.schema(of: Self.name) else { return try create() }
        if schema.kind == .query {
            throw Diagnostic("'\(schema.name)' is a named query, and tests keep their failing rows in a table of that name")
                .hint("drop \(schema.name), or define the query under another name")
        }
        if let source = workspace.catalog.source(of: schema.name) {
            throw Diagnostic("'\(schema.name)' was loaded from \(source.path), and tests keep their failing rows in a table of that name")
                .hint("load that file under another name, or drop \(schema.name) first")
        }
        guard schema.columns.map({ $0.name.lowercased() }) == Self.columns.map(\.name) else {
            throw Diagnostic("'\(schema.name)' has the columns \(schema.columns.map(\.name).joined(separator: ", ")), "
                             + "but tests keep their failing rows there as test, key, value")
                .hint("drop \(schema.name) (or rename it) and run the test again")
        }
        let stored = try database.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(schema.name)])
        if stored == nil { try create() }
    }

    /// Forgets the rows an earlier run of this test left.
    func removeRows(of test: String) throws(Diagnostic) {
        try workspace.database.run("DELETE FROM \(quoted) WHERE \(dialect.quoteIdentifier("test")) = ?", [.text(test)])
    }

    /// `INSERT INTO test_failures (test, key, value) SELECT <test>, key, value FROM (…) AS f`,
    /// the test's name bound after the query's own parameters.
    func insertPrefix(parameterIndex: Int) -> String {
        let names = Self.columns.map { dialect.quoteIdentifier($0.name) }.joined(separator: ", ")
        let key = dialect.quoteIdentifier(DataTestQueries.keyColumn)
        let value = dialect.quoteIdentifier(DataTestQueries.valueColumn)
        return "INSERT INTO \(quoted) (\(names)) SELECT \(dialect.placeholder(parameterIndex)), f.\(key), f.\(value) FROM "
    }

    private var quoted: String { dialect.quoteIdentifier(Self.name) }

    private func create() throws(Diagnostic) {
        let declarations = Self.columns.map { "\(dialect.quoteIdentifier($0.name)) \($0.type.storageDeclaration)" }
        try workspace.database.execute("DROP TABLE IF EXISTS \(quoted)")
        try workspace.database.execute("CREATE TABLE \(quoted) (\(declarations.joined(separator: ", ")))")
        try workspace.catalog.register(table: Self.name, columns: Self.columns, source: nil)
    }
}
