import CSQLite
import SverkaSyntax

/// A compiled statement: bind parameters, step through rows, read columns.
public final class PreparedStatement {
    let handle: OpaquePointer
    /// Kept so the connection outlives every statement compiled on it.
    let database: SQLiteDatabase
    public let sql: String

    init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// True when the statement cannot change the database (a SELECT).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: binding

    /// Binds all parameters in order; the count must match.
    public func bind(_ values: [StoredValue]) throws(Diagnostic) {
        guard values.count == parameterCount else {
            throw Diagnostic("the SQL takes \(parameterCount) parameters, \(values.count) given",
                             hints: ["in SQL: \(SQLiteError.abbreviate(sql))"])
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one parameter; `index` is 1-based.
    public func bind(_ value: StoredValue, at index: Int32) throws(Diagnostic) {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let number): try bindInt64(number, at: index)
        case .real(let number): try bindDouble(number, at: index)
        case .text(let text): try bindText(text, at: index)
        case .blob(let bytes):
            guard bytes.count <= Int(Int32.max) else { throw tooBig(index) }
            let rc = bytes.withUnsafeBytes { buffer in
                sverka_bind_blob_transient(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                           Int32(buffer.count))
            }
            try check(rc)
        }
    }

    @inline(__always)
    public func bindNull(at index: Int32) throws(Diagnostic) {
        try check(sqlite3_bind_null(handle, index))
    }

    @inline(__always)
    public func bindInt64(_ value: Int64, at index: Int32) throws(Diagnostic) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    @inline(__always)
    public func bindDouble(_ value: Double, at index: Int32) throws(Diagnostic) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds a copy of the text.
    public func bindText(_ text: String, at index: Int32) throws(Diagnostic) {
        var text = text
        let rc = text.withUTF8 { buffer -> Int32? in
            guard buffer.count <= Int(Int32.max) else { return nil }
            return bindTextBytes(buffer, at: index, copy: true)
        }
        guard let rc else { throw tooBig(index) }
        try check(rc)
    }

    /// Binds UTF-8 bytes without copying them: they must stay valid and unchanged until the
    /// next step, reset or bind of this parameter. The caller vouches that they are valid UTF-8.
    @inline(__always)
    public func bindText(noCopy bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(Diagnostic) {
        guard bytes.count <= Int(Int32.max) else { throw tooBig(index) }
        try check(bindTextBytes(bytes, at: index, copy: false))
    }

    /// Binds a copy of UTF-8 bytes, for buffers that change before the step.
    public func bindText(copying bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(Diagnostic) {
        guard bytes.count <= Int(Int32.max) else { throw tooBig(index) }
        try check(bindTextBytes(bytes, at: index, copy: true))
    }

    @inline(__always)
    private func bindTextBytes(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32, copy: Bool) -> Int32 {
        // A nil base address would bind NULL; empty text must stay an empty string.
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return sverka_bind_text_transient(handle, index, "", 0)
        }
        let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        return copy ? sverka_bind_text_transient(handle, index, text, Int32(bytes.count))
            : sverka_bind_text_static(handle, index, text, Int32(bytes.count))
    }

    @inline(__always)
    private func check(_ rc: Int32) throws(Diagnostic) {
        if rc != SQLITE_OK { throw database.failure(sql: sql) }
    }

    private func tooBig(_ index: Int32) -> Diagnostic {
        Diagnostic("parameter \(index) is too large to store (over 2 GB)")
    }

    // MARK: running

    /// Advances to the next row: true when a row is ready, false when the statement is done.
    public func step() throws(Diagnostic) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let failure = database.failure(sql: sql)
        // Reset so the statement can be run again after the caller handles the error.
        sqlite3_reset(handle)
        throw failure
    }

    /// Rewinds to before the first row; bindings stay.
    public func reset() {
        sqlite3_reset(handle)
    }

    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: reading columns of the current row

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(_ i: Int) -> String {
        sqlite3_column_name(handle, Int32(i)).map { String(cString: $0) } ?? "c\(i + 1)"
    }

    /// The declared type of a result column that comes straight from a table column (`INTEGER`), else nil.
    public func columnDeclaredType(_ i: Int) -> String? {
        sqlite3_column_decltype(handle, Int32(i)).map { String(cString: $0) }
    }

    public func storedValue(at i: Int) -> StoredValue {
        let column = Int32(i)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE3_TEXT: return .text(text(at: i))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    public func int64(at i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }

    public func double(at i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }

    public func text(at i: Int) -> String {
        let column = Int32(i)
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    public func isNull(at i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
}
