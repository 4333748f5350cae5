import CSQLite
import Foundation
import SverkaSyntax

/// One SQLite connection, used from one thread; `interruptHandle` is the only part another thread may touch.
public final class SQLiteDatabase {
    /// How a connection is opened: workspaces read-write; a probe only looks.
    enum OpenMode {
        case readWrite
        case readOnly
        /// Read-only, and promising SQLite that nothing else writes the file: no locks taken, no
        /// -wal or -shm made beside it. Only for a file with no -wal or -journal of its own.
        case immutable
    }

    let handle: OpaquePointer
    private let interruptTarget: InterruptTarget
    /// nil for an in-memory database.
    public let path: String?
    /// The last failure SQLite reported through this wrapper, for callers that branch on the code.
    public private(set) var lastError: SQLiteError?
    var savepointCounter = 0

    /// Opens or creates a database; nil is in-memory. A missing file is created with mode 0600.
    public convenience init(path: String?) throws(Diagnostic) {
        try self.init(path: path, mode: .readWrite)
    }

    init(path: String?, mode: OpenMode) throws(Diagnostic) {
        _ = SQLiteDatabase.configured
        if let path, mode == .readWrite { try SQLiteDatabase.createPrivateFile(path) }
        var connection: OpaquePointer?
        let flags: Int32
        var name = path ?? ":memory:"
        switch mode {
        case .readWrite: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .readOnly: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .immutable:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
            name = SQLiteDatabase.immutableURI(name)
        }
        let rc = sqlite3_open_v2(name, &connection, flags, nil)
        guard let connection else { throw Diagnostic("cannot open '\(path ?? ":memory:")': out of memory") }
        guard rc == SQLITE_OK else {
            let error = SQLiteError(extendedCode: sqlite3_extended_errcode(connection),
                                    message: String(cString: sqlite3_errmsg(connection)))
            sqlite3_close_v2(connection)
            var diagnostic = error.diagnostic()
            diagnostic.message = "cannot open '\(path ?? ":memory:")': \(diagnostic.message)"
            throw diagnostic
        }
        handle = connection
        interruptTarget = InterruptTarget(handle: connection)
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        // Another sverka on the same file waits a little instead of failing at once.
        sqlite3_busy_timeout(connection, 5000)
        UnicodeCaseFunctions.register(on: connection)
        ConversionFunctions.register(on: connection)
        if mode == .readWrite {
            // WAL + NORMAL: a killed process loses at most the transaction in flight, never the file.
            if path != nil { try execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL") }
            try execute("PRAGMA foreign_keys=OFF")
        }
    }

    /// Process-wide settings, applied once before the first connection.
    private static let configured: Bool = {
        sverka_disable_memory_statistics() == SQLITE_OK
    }()

    deinit {
        interruptTarget.detach()
        sqlite3_close_v2(handle)
    }

    /// `file:PATH?immutable=1`, with the characters a URI gives a meaning escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        // A relative path that starts with "//" would read as an authority.
        return "file:" + (escaped.hasPrefix("//") ? "/" + escaped.drop { $0 == "/" } : escaped) + "?immutable=1"
    }

    /// Creates the file ourselves so that it is private (0600): SQLite would use the umask.
    private static func createPrivateFile(_ path: String) throws(Diagnostic) {
        guard !path.isEmpty else { throw Diagnostic("the workspace path is empty") }
        guard path != ":memory:" else { return }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
            return
        }
        let code = errno
        if code == EEXIST { return }
        throw Diagnostic("cannot create '\(path)': \(String(cString: strerror(code)))")
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(Diagnostic) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        if rc != SQLITE_OK { throw failure(sql: sql) }
    }

    /// Compiles exactly one statement.
    public func prepare(_ sql: String) throws(Diagnostic) -> PreparedStatement {
        try prepare(sql, persistent: false)
    }

    /// `persistent` tells SQLite the statement will be stepped many times (the loader's insert).
    func prepare(_ sql: String, persistent: Bool) throws(Diagnostic) -> PreparedStatement {
        var statement: OpaquePointer?
        var trailing = false
        let flags = UInt32(persistent ? SQLITE_PREPARE_PERSISTENT : 0)
        let rc = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(handle, text, -1, flags, &statement, &tail)
            if rc == SQLITE_OK, let tail, tail.pointee != 0 {
                // A tail of only spaces or comments compiles to no statement and is harmless.
                var extra: OpaquePointer?
                sqlite3_prepare_v2(handle, tail, -1, &extra, nil)
                if extra != nil { trailing = true }
                sqlite3_finalize(extra)
            }
            return rc
        }
        guard rc == SQLITE_OK else { throw failure(sql: sql) }
        guard let statement else { throw Diagnostic("the SQL holds no statement") }
        if trailing {
            sqlite3_finalize(statement)
            throw Diagnostic("only one SQL statement can be prepared at a time",
                             hints: ["in SQL: \(SQLiteError.abbreviate(sql))"])
        }
        return PreparedStatement(handle: statement, database: self, sql: sql)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True inside BEGIN … COMMIT.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Safe to hand to another thread: it only ever calls sqlite3_interrupt on a live connection.
    public var interruptHandle: InterruptHandle { InterruptHandle(target: interruptTarget) }

    /// True when an interrupt arrived since `resetInterruptRequest()`; long work outside SQLite polls it.
    public var isInterruptRequested: Bool { interruptTarget.isRequested }

    /// Forgets an interrupt that arrived while nothing was running.
    public func resetInterruptRequest() { interruptTarget.resetRequest() }

    /// Records SQLite's current error and turns it into a diagnostic.
    func failure(sql: String?) -> Diagnostic {
        let error = SQLiteError(extendedCode: sqlite3_extended_errcode(handle),
                                message: String(cString: sqlite3_errmsg(handle)))
        lastError = error
        return error.diagnostic(sql: sql)
    }
}
