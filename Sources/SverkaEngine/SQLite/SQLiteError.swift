import CSQLite
import Foundation
import SverkaSyntax

/// What SQLite reported, kept beside the user-facing diagnostic so callers can branch on the code.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_INTERRUPT`, …).
    public var code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public var extendedCode: Int32
    /// SQLite's own message, for logs; users see `diagnostic(sql:)` instead.
    public var message: String

    public init(extendedCode: Int32, message: String) {
        self.code = extendedCode & 0xFF
        self.extendedCode = extendedCode
        self.message = message
    }

    public var isInterrupt: Bool { code == SQLITE_INTERRUPT }
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    public var description: String { "SQLite error \(extendedCode): \(message)" }

    /// The readable form: what happened in the user's terms, with the SQL it concerned as a hint.
    public func diagnostic(sql: String? = nil) -> Diagnostic {
        var result: Diagnostic
        switch code {
        case SQLITE_INTERRUPT:
            return Diagnostic("query interrupted",
                              hints: ["it was cancelled before it finished; nothing it was changing was kept"])
        case SQLITE_BUSY, SQLITE_LOCKED:
            result = Diagnostic("the workspace is busy: another connection is writing to it",
                                hints: ["another sverka may have this workspace open; try again when it finishes"])
        case SQLITE_FULL:
            result = Diagnostic("the disk is full", hints: ["free some space; the workspace is unchanged"])
        case SQLITE_READONLY:
            result = Diagnostic("the workspace is read-only",
                                hints: ["check the permissions of the workspace file and its directory"])
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            result = Diagnostic("the workspace file is damaged or is not a SQLite database")
        case SQLITE_IOERR:
            result = Diagnostic("disk I/O error (\(message))")
        case SQLITE_CANTOPEN:
            result = Diagnostic("cannot open the database file (\(message))")
        case SQLITE_PERM, SQLITE_AUTH:
            result = Diagnostic("permission denied (\(message))")
        case SQLITE_NOMEM:
            result = Diagnostic("out of memory")
        case SQLITE_TOOBIG:
            result = Diagnostic("a value is too large to store (\(message))")
        case SQLITE_CONSTRAINT:
            result = Diagnostic("constraint failed: \(message)")
        case SQLITE_ERROR where message.contains("integer overflow"):
            return Diagnostic("integer overflow", hints: [
                "a sum or product went beyond 64-bit integers (money is summed exactly in minor units)",
                "aggregate a smaller group, or convert to a floating point number first if an approximate total is enough",
            ])
        default:
            result = Diagnostic("SQL error: \(message)")
        }
        if let sql, !sql.isEmpty { result.hints.append("in SQL: \(SQLiteError.abbreviate(sql))") }
        return result
    }

    /// Long statements are cut so a diagnostic stays readable.
    static func abbreviate(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
