import SverkaSyntax

/// What a command derived from tables whose content the workspace can vouch for, remembered with
/// a fingerprint of those inputs, so that the command run again on the same inputs reuses it
/// instead of doing the work again — as `load` skips a file it already holds (`map` on an
/// unchanged table, `match clients` on unchanged roles).
///
/// A loaded table's content is vouched for by its load: the file's SHA-256, the options, the row
/// count and the load time in `_sverka_sources`, with the column types. Whatever changes a loaded
/// table without loading it (`sql write`) clears that hash, and a table with no hash — changed
/// by hand, or never loaded from a file (a result table, a named query) — has no fingerprint, so
/// nothing derived from it is reused. Entries live in `_sverka_meta` under `derived:NAME`.
public struct DerivedResults {
    let catalog: Catalog

    public init(workspace: Workspace) {
        self.catalog = workspace.catalog
    }

    /// A fingerprint of a loaded table's content; nil when the workspace cannot vouch for it.
    public func contentFingerprint(of table: String) -> String? {
        guard let entry = catalog.resolve(table), entry.kind == .table, !entry.unregistered,
              let source = try? catalog.database.query(
                  "SELECT content_hash, options, rows, loaded_at FROM _sverka_sources WHERE table_name = ?", [.text(entry.name)],
                  row: { row in [row.text(at: 0), row.text(at: 1), String(row.int64(at: 2)), row.text(at: 3)] }).first,
              !source[0].isEmpty,
              let columns = try? catalog.database.query(
                  "SELECT name || ' ' || type FROM _sverka_columns WHERE table_name = ? ORDER BY position", [.text(entry.name)],
                  row: { row in row.text(at: 0) })
        else { return nil }
        return Self.fingerprint([entry.name] + source + columns)
    }

    /// The payload remembered under `name`, when it was remembered with this very fingerprint.
    public func reusable(_ name: String, fingerprint: String) -> String? {
        guard case .text(let value)? = try? catalog.database.scalar(
            "SELECT value FROM _sverka_meta WHERE key = ?", [.text(Self.key(name))]) else { return nil }
        let parts = value.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == fingerprint else { return nil }
        return String(parts[1])
    }

    public func remember(_ name: String, fingerprint: String, payload: String) throws(Diagnostic) {
        try catalog.database.run("INSERT OR REPLACE INTO _sverka_meta(key, value) VALUES (?, ?)",
                                 [.text(Self.key(name)), .text(fingerprint + "\n" + payload)])
    }

    public func forget(_ name: String) throws(Diagnostic) {
        try catalog.database.run("DELETE FROM _sverka_meta WHERE key = ?", [.text(Self.key(name))])
    }

    /// The SHA-256 of the parts, each preceded by its length, so that no two lists of parts
    /// share a fingerprint by where one ends and the next begins.
    public static func fingerprint(_ parts: [String]) -> String {
        var hash = SHA256()
        for part in parts {
            hash.update(Array("\(part.utf8.count):".utf8))
            hash.update(Array(part.utf8))
        }
        return hash.finalize()
    }

    private static func key(_ name: String) -> String { "derived:" + name }
}
