import CSQLite
import SverkaSyntax

/// Transactions: BEGIN IMMEDIATE at the outside, SAVEPOINTs when nested, so a catalog helper
/// that wants atomicity can be called both on its own and inside a load.
extension SQLiteDatabase {
    /// Where a transaction started, so it ends the same way.
    enum TransactionLevel {
        case outermost
        case savepoint(String)
    }

    /// Runs `body` atomically; any thrown error rolls back and is rethrown unchanged.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let level = try beginTransaction()
        let result: T
        do {
            result = try body()
        } catch {
            rollback(level)
            throw error
        }
        try commit(level)
        return result
    }

    /// The same, for bodies that throw only diagnostics, keeping the error type.
    public func inTransaction<T>(_ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let level = try beginTransaction()
        let result: T
        do {
            result = try body()
        } catch {
            rollback(level)
            throw error
        }
        try commit(level)
        return result
    }

    func beginTransaction() throws(Diagnostic) -> TransactionLevel {
        if !isInTransaction {
            // IMMEDIATE takes the write lock now, so COMMIT cannot fail for a lock taken by someone else.
            try execute("BEGIN IMMEDIATE")
            return .outermost
        }
        savepointCounter += 1
        let name = "sverka_\(savepointCounter)"
        try execute("SAVEPOINT \(name)")
        return .savepoint(name)
    }

    func commit(_ level: TransactionLevel) throws(Diagnostic) {
        switch level {
        case .outermost:
            do {
                try execute("COMMIT")
            } catch {
                rollback(level)
                throw error
            }
        case .savepoint(let name):
            try execute("RELEASE \(name)")
        }
    }

    /// Best effort: SQLite may already have rolled back by itself (interrupt, disk full).
    func rollback(_ level: TransactionLevel) {
        switch level {
        case .outermost:
            if isInTransaction { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
        case .savepoint(let name):
            if isInTransaction { sqlite3_exec(handle, "ROLLBACK TO \(name); RELEASE \(name)", nil, nil, nil) }
        }
    }
}
