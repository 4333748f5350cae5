import Foundation
/// Quoting for SQL text that SQLite reads: names may hold quotes, spaces or Cyrillic.
public enum SQLiteQuoting {
    /// `my "name"` → `"my ""name"""`.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal; values go through bound parameters, this is for DDL only.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
