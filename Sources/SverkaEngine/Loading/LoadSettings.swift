import SverkaSyntax

/// Connection settings for the duration of a load, put back afterwards.
struct LoadSettings {
    /// `PRAGMA name` → the value it had before the load.
    private var saved: [(String, Int64)] = []

    /// - cache_size: a 64 MB page cache while the table is built; SQLite spills to disk beyond it.
    /// - secure_delete FAST: the table being replaced is freed without zeroing every page
    ///   (Debian builds default to ON, which doubled the cost of a reload); `drop` keeps the default.
    static let during: [(String, String)] = [("cache_size", "-65536"), ("secure_delete", "FAST")]

    static func apply(to database: SQLiteDatabase) throws(Diagnostic) -> LoadSettings {
        var settings = LoadSettings()
        for (name, value) in during {
            if case .integer(let previous)? = try database.scalar("PRAGMA \(name)") {
                settings.saved.append((name, previous))
            }
            try database.execute("PRAGMA \(name) = \(value)")
        }
        return settings
    }

    func restore(on database: SQLiteDatabase) {
        for (name, value) in saved {
            try? database.execute("PRAGMA \(name) = \(value)")
        }
    }
}
