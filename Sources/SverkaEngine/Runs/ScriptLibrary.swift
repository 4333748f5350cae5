import SverkaSyntax

/// Named scripts kept inside the workspace (`script save`, `run NAME`), so a nightly job needs
/// only the workspace file and its name.
public struct ScriptLibrary {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var text: String
        /// Where the text came from: a file path, or `history`.
        public var origin: String
        public var savedAt: String
        public var savedBy: String
    }

    let database: SQLiteDatabase

    public init(workspace: Workspace) {
        self.database = workspace.database
    }

    /// Saves or replaces a script; returns whether one by that name existed.
    @discardableResult
    public func save(name: String, text: String, origin: String, at moment: String, by user: String) throws(Diagnostic) -> Bool {
        let existed = try entry(named: name) != nil
        try database.run("INSERT OR REPLACE INTO _sverka_scripts(name, text, origin, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)",
                         [.text(name), .text(text), .text(origin), .text(moment), .text(user)])
        return existed
    }

    public func entry(named name: String) throws(Diagnostic) -> Entry? {
        try database.query("SELECT name, text, origin, saved_at, saved_by FROM _sverka_scripts WHERE name = ?",
                           [.text(name)], row: Self.entry).first
    }

    public func all() throws(Diagnostic) -> [Entry] {
        try database.query("SELECT name, text, origin, saved_at, saved_by FROM _sverka_scripts ORDER BY name", row: Self.entry)
    }

    /// Removes a script; returns whether there was one.
    public func remove(name: String) throws(Diagnostic) -> Bool {
        try database.run("DELETE FROM _sverka_scripts WHERE name = ?", [.text(name)])
        return database.changes > 0
    }

    private static func entry(_ row: PreparedStatement) -> Entry {
        Entry(name: row.text(at: 0), text: row.text(at: 1), origin: row.text(at: 2), savedAt: row.text(at: 3), savedBy: row.text(at: 4))
    }
}
