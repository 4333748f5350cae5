import CSQLite
import SverkaSyntax

/// What a statement would do, as SQLite's authorizer reports it while compiling: each table
/// written (trigger bodies included), each table or index made or dropped, transactions,
/// attachments and pragmas. Raw `sql` is judged by it before it runs.
public struct StatementActions: Sendable {
    public enum Kind: Sendable, Equatable {
        case insert, update, delete
        case createTable, createView, createIndex, createTrigger
        case dropTable, dropView, dropIndex, dropTrigger
        case alterTable
        case transaction, savepoint, attach, detach
        case pragma
        case other
    }

    public struct Action: Sendable, Equatable {
        public var kind: Kind
        /// The table, index or pragma acted on (for `alterTable` and triggers, the table).
        public var name: String
        /// A pragma's argument, an index's table.
        public var detail: String?
        /// `main`, `temp`, or an attached database's name; nil when SQLite gives none.
        public var database: String?
        /// The trigger or view whose body does this, when it is not the statement itself.
        public var via: String?
    }

    /// sqlite3_stmt_readonly: no direct change to the database file (transaction control,
    /// ATTACH and some pragmas count as read-only there, hence the actions too).
    public var isReadOnly: Bool
    public var actions: [Action]

    /// The tables of the workspace the statement inserts into, updates or deletes from.
    public var writtenTables: [String] {
        var seen: Set<String> = []
        return actions.filter { [.insert, .update, .delete].contains($0.kind) && $0.database != "temp" && !Self.isSQLiteOwn($0.name) }
            .map(\.name).filter { seen.insert($0.lowercased()).inserted }
    }

    /// SQLite's own tables (`sqlite_master` changes with every CREATE, `sqlite_sequence` with
    /// AUTOINCREMENT): their changes follow from the statement's others.
    static func isSQLiteOwn(_ name: String) -> Bool {
        name.lowercased().hasPrefix("sqlite_")
    }
}

extension SQLiteDatabase {
    /// Compiles a statement without running it, with the authorizer listening.
    public func actions(of sql: String) throws(Diagnostic) -> StatementActions {
        let recorder = ActionRecorder()
        let context = Unmanaged.passUnretained(recorder).toOpaque()
        sqlite3_set_authorizer(handle, { context, code, first, second, database, via in
            guard let context else { return SQLITE_OK }
            Unmanaged<ActionRecorder>.fromOpaque(context).takeUnretainedValue()
                .record(code, first.map { String(cString: $0) }, second.map { String(cString: $0) },
                        database.map { String(cString: $0) }, via.map { String(cString: $0) })
            return SQLITE_OK
        }, context)
        defer { sqlite3_set_authorizer(handle, nil, nil) }
        let statement = try prepare(sql)
        return StatementActions(isReadOnly: statement.isReadOnly, actions: recorder.actions)
    }

    /// Rows inserted, updated or deleted on this connection since it opened, triggers included.
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }
}

/// Collects the authorizer's reports; reads of columns and calls of functions are left out.
private final class ActionRecorder {
    var actions: [StatementActions.Action] = []

    func record(_ code: Int32, _ first: String?, _ second: String?, _ database: String?, _ via: String?) {
        typealias Kind = StatementActions.Kind
        let kind: Kind
        var name = first ?? ""
        var detail: String?
        switch code {
        case SQLITE_INSERT: kind = .insert
        case SQLITE_UPDATE: kind = .update
        case SQLITE_DELETE: kind = .delete
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: kind = .createTable
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: kind = .createView
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: kind = .createIndex; detail = second
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: kind = .createTrigger; detail = second
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE: kind = .dropTable
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: kind = .dropView
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: kind = .dropIndex; detail = second
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: kind = .dropTrigger; detail = second
        // The database name comes first here, the table second.
        case SQLITE_ALTER_TABLE: kind = .alterTable; name = second ?? ""
        case SQLITE_TRANSACTION: kind = .transaction
        case SQLITE_SAVEPOINT: kind = .savepoint; detail = second
        case SQLITE_ATTACH: kind = .attach
        case SQLITE_DETACH: kind = .detach
        case SQLITE_PRAGMA: kind = .pragma; detail = second
        case SQLITE_READ, SQLITE_SELECT, SQLITE_FUNCTION, SQLITE_RECURSIVE: return
        default: kind = .other
        }
        let isTemp = [SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TRIGGER,
                      SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TRIGGER].contains(code)
        let place = code == SQLITE_ALTER_TABLE ? first : (isTemp ? "temp" : database)
        actions.append(StatementActions.Action(kind: kind, name: name, detail: detail, database: place, via: via))
    }
}
