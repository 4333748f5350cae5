import CSQLite
import Foundation

/// Writes SQLite files with plain SQL through the C library, not through sverka: an older
/// workspace laid out by hand, another program's database.
enum HandMadeSQLite {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates `path` and runs `sql` in it, in SQLite's default (rollback journal) mode.
    static func create(at path: String, sql: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw Failure(description: "cannot create \(path)")
        }
        defer { sqlite3_close(handle) }
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "\(path): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }
}
