import CSQLite
import Foundation

/// Counts the rows each statement inserts, updates or deletes, per table of the main database,
/// through SQLite's update hook: the audit trail's "tables and rows affected" without asking
/// every command to report them. Temporary tables (scratch copies) are not counted.
///
/// The hook runs once per row, so a million-row load calls it a million times: the table's name
/// is compared (strcmp) with a copy of the previous row's and made a Swift string only when it
/// changes. The copy, not SQLite's pointer, because a table renamed or dropped later in the
/// statement frees the string the pointer points to.
public final class ChangeTally {
    private var counts: [String: Int] = [:]
    private var order: [String] = []
    private var lastName: String?
    private var lastBytes: [CChar] = [0]
    private var lastCount = 0

    init() {}

    /// The tables changed so far, in the order they were first changed, with their row counts.
    public var changes: [(table: String, rows: Int)] {
        flush()
        return order.map { ($0, counts[$0] ?? 0) }
    }

    fileprivate func record(database: UnsafePointer<CChar>, table: UnsafePointer<CChar>) {
        // "main" only: temp tables are scratch, attached databases are not the workspace.
        guard database[0] == 0x6D /* m */, strcmp(database, "main") == 0 else { return }
        if lastName != nil, strcmp(table, lastBytes) == 0 {
            lastCount += 1
            return
        }
        flush()
        let name = String(cString: table)
        lastName = name
        lastBytes = Array(name.utf8CString)
        lastCount = 1
    }

    private func flush() {
        guard let name = lastName, lastCount > 0 else { return }
        if counts[name] == nil { order.append(name) }
        counts[name, default: 0] += lastCount
        lastCount = 0
        self.lastName = nil
    }
}

extension SQLiteDatabase {
    /// Runs `body` with every row change counted per table; the hook is removed afterwards.
    public func tallyingChanges<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, ChangeTally) {
        let tally = ChangeTally()
        let context = Unmanaged.passUnretained(tally).toOpaque()
        sqlite3_update_hook(handle, { context, _, database, table, _ in
            guard let context, let database, let table else { return }
            Unmanaged<ChangeTally>.fromOpaque(context).takeUnretainedValue().record(database: database, table: table)
        }, context)
        defer { sqlite3_update_hook(handle, nil, nil) }
        let result = try body()
        return (result, tally)
    }
}
