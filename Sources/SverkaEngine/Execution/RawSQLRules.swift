import SverkaSyntax

/// What raw SQL may do. Its errors name the rule and the way that is allowed; the caller
/// points them at the statement's text.
struct RawSQLRules {
    let catalog: Catalog

    /// Pragmas that take an argument and only read (`pragma table_info(deals)`); any other
    /// pragma with an argument sets something on sverka's connection or file.
    static let readingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
    ]

    static let writeHint = "to change the workspace, write: sql write \"…\" (one transaction, recorded in the audit trail)"

    func check(_ statement: StatementActions, writing: Bool) throws(Diagnostic) {
        for action in statement.actions {
            try checkEither(action)
        }
        guard writing else {
            if !statement.isReadOnly {
                throw Diagnostic("sql only reads, and this statement would change the workspace").hint(Self.writeHint)
            }
            return
        }
        for action in statement.actions {
            try checkWrite(action)
        }
    }

    /// Rules for both kinds: sverka owns the transaction, the connection and the file set.
    private func checkEither(_ action: StatementActions.Action) throws(Diagnostic) {
        switch action.kind {
        case .transaction, .savepoint:
            throw Diagnostic("sql cannot begin, commit or roll back transactions: sverka runs each statement in one of its own")
                .hint("sql write runs its statement in one transaction, committed only when it succeeds")
        case .attach, .detach:
            throw Diagnostic("sql works on this workspace alone and cannot attach another database")
                .hint("bring other data in with: load \"FILE\" as NAME")
        case .pragma where action.detail != nil && !Self.readingPragmas.contains(action.name.lowercased()):
            throw Diagnostic("the pragma '\(action.name)' would change how sverka's database works")
                .hint("pragmas that only read are allowed, e.g. sql \"pragma table_info(deals)\"")
        default:
            return
        }
    }

    private func checkWrite(_ action: StatementActions.Action) throws(Diagnostic) {
        let name = action.name
        let through = action.via.map { " (through '\($0)')" } ?? ""
        switch action.kind {
        case .insert, .update, .delete, .dropTable, .dropView, .dropIndex, .dropTrigger, .alterTable, .createIndex:
            let target = action.kind == .createIndex || action.kind == .dropIndex ? (action.detail ?? name) : name
            if Self.isSverkas(target) || Self.isSverkas(name) {
                throw Diagnostic("'\(target)' is one of sverka's own tables (catalog, journal, runs, audit), and sql write cannot change it\(through)")
                    .hint("sverka's commands keep these tables: load, drop, map, match, sync")
            }
        case .createTable, .createView:
            if Self.isSverkas(name) {
                throw Diagnostic("'\(name)' is reserved: names starting with '\(TableNames.systemPrefix)' belong to sverka's own tables")
                    .hint("choose another name")
            }
        case .createTrigger:
            throw Diagnostic("sql write cannot create triggers: they would run unseen inside sverka's own loads and syncs")
                .hint("run the change itself with sql write, or keep it in a script")
        default:
            break
        }
        guard action.database != "temp", let entry = catalog.resolve(name), !entry.unregistered else { return }
        switch action.kind {
        case .dropTable:
            throw Diagnostic("'\(entry.name)' is in sverka's catalog, which keeps its column types; dropping it here would leave them behind")
                .hint("drop \(entry.name)")
        case .alterTable:
            throw Diagnostic("'\(entry.name)' is in sverka's catalog, which keeps its column types; ALTER TABLE would leave them wrong")
                .hint("make a new table instead: sql write \"create table NEW as select … from \(entry.name)\"")
                .hint("or load its file again")
        case .createTable where entry.kind == .query, .createView where entry.kind == .query:
            throw Diagnostic("'\(entry.name)' is a named query; a table of that name would hide it")
                .hint("choose another name, or 'drop \(entry.name)' first")
        default:
            break
        }
    }

    private static func isSverkas(_ name: String) -> Bool {
        name.lowercased().hasPrefix(TableNames.systemPrefix)
    }
}
