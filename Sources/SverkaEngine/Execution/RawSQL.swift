import SverkaSyntax

/// The `sql` escape hatch: SQL as written, judged before it runs. A plain `sql` only reads;
/// `sql write` may change the user's tables, in one transaction, but never sverka's own
/// (`_sverka_` tables: catalog, journal, runs, audit), never a table's shape behind the
/// catalog's back, and neither kind may take over transactions, attach files or set pragmas.
public struct RawSQL {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Rows of a statement that changes nothing.
    public func read(_ sql: String) throws(Diagnostic) -> RawResult {
        let actions = try workspace.database.actions(of: sql)
        try RawSQLRules(catalog: workspace.catalog).check(actions, writing: false)
        let result = try QueryRunner(database: workspace.database).runRaw(sql)
        return RawResult(columns: result.columns, rows: result.rows)
    }

    /// Runs a statement that may change the workspace, atomically, and says what it changed.
    @discardableResult
    public func write(_ sql: String) throws(Diagnostic) -> RawWriteReport {
        let database = workspace.database
        let actions = try database.actions(of: sql)
        try RawSQLRules(catalog: workspace.catalog).check(actions, writing: true)
        return try database.inTransaction { () throws(Diagnostic) -> RawWriteReport in
            let before = database.totalChanges
            let result = try QueryRunner(database: database).runRaw(sql)
            let changed = database.totalChanges - before
            // A loaded table changed here no longer holds what its file does: the next load of
            // the same file must not be skipped as unchanged.
            try workspace.catalog.forgetContentHashes(of: actions.writtenTables)
            return RawWriteReport(result: RawResult(columns: result.columns, rows: result.rows), rowsChanged: changed,
                                  made: try made(by: actions))
        }
    }

    /// `table t (12 rows)`, `index i`, `view v`, for the report.
    private func made(by actions: StatementActions) throws(Diagnostic) -> [String] {
        var made: [String] = []
        for action in actions.actions where action.database != "temp" && !StatementActions.isSQLiteOwn(action.name) {
            switch action.kind {
            case .createTable:
                let rows = try workspace.database.scalar("SELECT count(*) FROM \(SQLiteQuoting.identifier(action.name))")
                if case .integer(let count)? = rows { made.append("created table \(action.name) (\(count) row\(count == 1 ? "" : "s"))") }
            case .createView: made.append("created view \(action.name)")
            case .createIndex: made.append("created index \(action.name)")
            case .dropTable: made.append("dropped table \(action.name)")
            case .dropView: made.append("dropped view \(action.name)")
            case .dropIndex: made.append("dropped index \(action.name)")
            default: break
            }
        }
        return made
    }
}

/// Rows that raw SQL returned, typed by their values.
public struct RawResult: Sendable {
    public var columns: [ResultColumn]
    public var rows: [[Value]]
}

/// What a `sql write` did.
public struct RawWriteReport: Sendable {
    /// Rows it returned (`… RETURNING`), usually none.
    public var result: RawResult
    /// Rows inserted, updated or deleted (a CREATE TABLE … AS SELECT reports its table instead).
    public var rowsChanged: Int
    /// Tables, views and indexes made or dropped, as phrases.
    public var made: [String]
}
