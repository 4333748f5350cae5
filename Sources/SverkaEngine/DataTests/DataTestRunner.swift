import SverkaSyntax

/// Runs data tests: finds the failing rows, keeps them in `test_failures` under the test's
/// name, and judges the count by the test's thresholds. Each test is one transaction, so a
/// test that fails half-way leaves the table as it was.
public struct DataTestRunner {
    let workspace: Workspace
    let compiler: QueryCompiler

    /// `variables` and `source` are those of the statement: a test's `where` and `in (…)` may
    /// use variables, and errors point into its text.
    public init(workspace: Workspace, variables: [String: Value] = [:], source: SourceText? = nil) {
        self.workspace = workspace
        self.compiler = QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), variables: variables, source: source)
    }

    public func run(_ test: DataTest) throws(Diagnostic) -> DataTestResult {
        // Compiled before anything is written: a mistake in the test changes nothing.
        let queries = DataTestQueries(compiler: compiler)
        let failing = try queries.failingRows(test)
        var targets: CompiledQuery?
        if case .references(let target) = test.check { targets = try queries.referencedValues(target) }
        let table = TestFailuresTable(workspace: workspace, dialect: compiler.dialect)
        let lookup = ReferencedValues(database: workspace.database, dialect: compiler.dialect)
        let database = workspace.database
        let failures = try database.inTransaction { () throws(Diagnostic) -> Int in
            try table.prepare()
            try table.removeRows(of: test.name)
            var insert = table.insertPrefix(parameterIndex: failing.parameters.count + 1) + "(\(failing.sql)) AS f"
            if let targets {
                try lookup.create(from: targets)
                insert += " WHERE NOT EXISTS (\(lookup.match(for: "f")))"
            }
            try database.run(insert, failing.parameters + [.text(test.name)])
            let inserted = database.changes
            if targets != nil { try lookup.drop() }
            return inserted
        }
        return DataTestResult(name: test.name, failures: failures, status: test.thresholds.status(forFailures: failures))
    }
}
