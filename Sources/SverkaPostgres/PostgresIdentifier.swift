import Foundation

/// PostgreSQL's quoting of names: `"…"` with a `"` inside doubled, so any name — mixed case,
/// Cyrillic, with spaces — means itself.
enum PostgresIdentifier {
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The inside of a quoted name: what postgres-nio's `copyFrom` wraps in quotes itself.
    static func quotedInside(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "\"\"")
    }
}
