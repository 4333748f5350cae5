import SverkaSyntax

extension Catalog {
    /// Forgets the file hash of loaded tables that raw SQL changed: a `load` of the same file
    /// then reloads them instead of reporting the file unchanged.
    func forgetContentHashes(of tables: [String]) throws(Diagnostic) {
        for table in tables {
            guard let entry = resolve(table), !entry.unregistered, storedSource(named: entry.name) != nil else { continue }
            try database.run("UPDATE _sverka_sources SET content_hash = '' WHERE table_name = ?", [.text(entry.name)])
        }
    }
}
