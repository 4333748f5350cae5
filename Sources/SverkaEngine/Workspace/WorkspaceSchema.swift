import SverkaSyntax

/// One step in the layout of the `_sverka_` system tables.
struct SchemaMigration: Sendable {
    let version: Int
    let sql: String
}

/// Creates the system tables in a new workspace and upgrades an older one, one version at a time.
enum WorkspaceSchema {
    static let migrations: [SchemaMigration] = [
        SchemaMigration(version: 1, sql: """
            CREATE TABLE _sverka_tables(
                name TEXT PRIMARY KEY COLLATE NOCASE,
                kind TEXT NOT NULL CHECK (kind IN ('table', 'query')),
                definition TEXT,
                created_at TEXT NOT NULL);
            CREATE TABLE _sverka_columns(
                table_name TEXT NOT NULL COLLATE NOCASE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                PRIMARY KEY (table_name, position));
            CREATE TABLE _sverka_sources(
                table_name TEXT PRIMARY KEY COLLATE NOCASE,
                path TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                options TEXT NOT NULL,
                rows INTEGER NOT NULL,
                loaded_at TEXT NOT NULL,
                notes TEXT NOT NULL);
            """),
    ]

    static var currentVersion: Int { migrations.last?.version ?? 0 }

    /// The version recorded in `_sverka_meta`; nil when the table or the key is missing.
    static func recordedVersion(in database: SQLiteDatabase) throws(Diagnostic) -> Int? {
        guard try hasMetaTable(database) else { return nil }
        guard case .text(let text)? = try database.scalar(
            "SELECT value FROM _sverka_meta WHERE key = 'schema_version'") else { return nil }
        return Int(text)
    }

    static func hasMetaTable(_ database: SQLiteDatabase) throws(Diagnostic) -> Bool {
        try database.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sverka_meta'") != nil
    }

    static func tooNew(_ version: Int, what: String) -> Diagnostic {
        Diagnostic("\(what) was written by a newer sverka (schema version \(version); this one knows \(currentVersion))",
                   hints: ["upgrade sverka to open it; the file was not changed"])
    }

    /// Brings the system tables up to `currentVersion`; all steps in one transaction.
    static func migrate(_ database: SQLiteDatabase) throws(Diagnostic) {
        let found = try recordedVersion(in: database) ?? 0
        guard found <= currentVersion else {
            throw tooNew(found, what: "this workspace")
        }
        guard found < currentVersion else { return }
        try database.inTransaction { () throws(Diagnostic) in
            try database.execute("CREATE TABLE IF NOT EXISTS _sverka_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            for migration in migrations where migration.version > found {
                try database.execute(migration.sql)
                try database.run("INSERT OR REPLACE INTO _sverka_meta(key, value) VALUES ('schema_version', ?)",
                                  [.text(String(migration.version))])
            }
        }
    }
}
