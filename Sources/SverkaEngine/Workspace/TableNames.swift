import Foundation
import SverkaSyntax

/// Rules for names users give tables and queries.
public enum TableNames {
    /// The prefix of sverka's own tables; no user table may start with it.
    public static let systemPrefix = "_sverka_"

    /// Rejects names that would collide with sverka's or SQLite's own tables.
    public static func validate(_ name: String) throws(Diagnostic) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Diagnostic("a table name cannot be empty")
        }
        if name.lowercased().hasPrefix(systemPrefix) {
            throw Diagnostic("'\(name)' is reserved: names starting with '\(systemPrefix)' belong to sverka's own tables",
                             hints: ["choose another name"])
        }
        if name.lowercased().hasPrefix("sqlite_") {
            throw Diagnostic("'\(name)' is reserved: names starting with 'sqlite_' belong to SQLite",
                             hints: ["choose another name"])
        }
        if name.utf8.contains(0) {
            throw Diagnostic("a table name cannot contain a NUL character")
        }
    }

    /// True for names the catalog hides from users: sverka's and SQLite's own tables.
    static func isInternal(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix(systemPrefix) || lower.hasPrefix("sqlite_")
    }
}
