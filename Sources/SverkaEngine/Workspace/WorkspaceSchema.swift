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
        // Role mappings (`map TABLE as ROLE`): which table plays each canonical role, and where
        // each field comes from. `origin` is column|expression|name|synonym|missing; `source`
        // is the column or the expression as written, null when missing.
        SchemaMigration(version: 2, sql: """
            CREATE TABLE _sverka_roles(
                role TEXT PRIMARY KEY COLLATE NOCASE,
                table_name TEXT NOT NULL,
                options TEXT NOT NULL,
                mapped_at TEXT NOT NULL);
            CREATE TABLE _sverka_role_fields(
                role TEXT NOT NULL COLLATE NOCASE,
                position INTEGER NOT NULL,
                field TEXT NOT NULL,
                source TEXT,
                origin TEXT NOT NULL,
                source_type TEXT,
                PRIMARY KEY (role, field));
            """),
        // Manual match decisions (`link client A to counterparty X`, `unlink …`), which override
        // `match clients` on every later run. counterparty_id is null for "unlink from everything".
        SchemaMigration(version: 3, sql: """
            CREATE TABLE _sverka_links(
                client_id TEXT NOT NULL,
                counterparty_id TEXT,
                decision TEXT NOT NULL CHECK (decision IN ('link', 'unlink')),
                at TEXT NOT NULL);
            CREATE INDEX _sverka_links_client ON _sverka_links(client_id);
            """),
        // The sync journal: every item written to an outbox under its idempotency key (kind and
        // deal id), with the file and its SHA-256. `pending` rows exist only while an apply runs
        // (or after one was killed: `staging_file` then tells recovery which way to settle them).
        // An invoice is sent once per deal, which the partial unique index enforces; statuses are
        // sent again when they change. And the leading system declared per field (`master`).
        SchemaMigration(version: 4, sql: """
            CREATE TABLE _sverka_journal(
                seq INTEGER PRIMARY KEY,
                idempotency_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                deal_id TEXT NOT NULL,
                payload TEXT NOT NULL,
                payload_hash TEXT NOT NULL,
                file TEXT NOT NULL,
                file_path TEXT NOT NULL,
                file_sha256 TEXT NOT NULL,
                apply_id TEXT NOT NULL,
                staging_file TEXT,
                pid INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'delivered')),
                at TEXT NOT NULL,
                os_user TEXT NOT NULL,
                delivered_at TEXT,
                delivered_ref TEXT);
            CREATE UNIQUE INDEX _sverka_journal_once ON _sverka_journal(idempotency_key) WHERE kind = 'invoice';
            CREATE INDEX _sverka_journal_key ON _sverka_journal(idempotency_key, seq);
            CREATE INDEX _sverka_journal_apply ON _sverka_journal(apply_id);
            CREATE TABLE _sverka_masters(
                field TEXT PRIMARY KEY COLLATE NOCASE,
                system TEXT NOT NULL CHECK (system IN ('crm', 'accounting')),
                declared_at TEXT NOT NULL,
                declared_by TEXT NOT NULL);
            """),
        // ROI models (`model NAME … end`) and their scenarios, kept as the text they were written
        // in and parsed again when used. A scenario's `overrides` is its list as written, e.g.
        // `(cost.project = 1.2M)`, empty for the model as it is; `position` keeps the order they
        // were first defined in, which is the order `roi MODEL scenarios` shows them.
        SchemaMigration(version: 5, sql: """
            CREATE TABLE _sverka_models(
                name TEXT PRIMARY KEY COLLATE NOCASE,
                definition TEXT NOT NULL,
                defined_at TEXT NOT NULL);
            CREATE TABLE _sverka_scenarios(
                model TEXT NOT NULL COLLATE NOCASE,
                name TEXT NOT NULL COLLATE NOCASE,
                position INTEGER NOT NULL,
                overrides TEXT NOT NULL,
                defined_at TEXT NOT NULL,
                PRIMARY KEY (model, name));
            """),
        // Unattended runs (issue 8): one row per `sverka run`/-c/stdin run and one per statement it
        // ran; the script library; and the audit trail of every statement that changed the
        // workspace or wrote a file. A run killed outright stays `running` until the next open of
        // the workspace finds its process gone and marks it `killed`.
        SchemaMigration(version: 6, sql: """
            CREATE TABLE _sverka_runs(
                id INTEGER PRIMARY KEY,
                script TEXT NOT NULL,
                parameters TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                status TEXT NOT NULL,
                statements INTEGER NOT NULL DEFAULT 0,
                rows_loaded INTEGER NOT NULL DEFAULT 0,
                items_synced INTEGER NOT NULL DEFAULT 0,
                error TEXT,
                dry_run INTEGER NOT NULL DEFAULT 0,
                pid INTEGER NOT NULL,
                os_user TEXT NOT NULL);
            CREATE TABLE _sverka_run_statements(
                run_id INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                source TEXT NOT NULL,
                line INTEGER NOT NULL,
                statement TEXT NOT NULL,
                status TEXT NOT NULL,
                seconds REAL NOT NULL,
                error TEXT,
                PRIMARY KEY (run_id, seq));
            CREATE TABLE _sverka_scripts(
                name TEXT PRIMARY KEY COLLATE NOCASE,
                text TEXT NOT NULL,
                origin TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                saved_by TEXT NOT NULL);
            CREATE TABLE _sverka_audit(
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                os_user TEXT NOT NULL,
                run_id INTEGER,
                statement TEXT NOT NULL,
                tables TEXT NOT NULL,
                rows INTEGER NOT NULL,
                file TEXT,
                file_sha256 TEXT);
            """),
    ]

    static var currentVersion: Int { migrations.map(\.version).max() ?? 0 }

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
            for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > found {
                try database.execute(migration.sql)
                try database.run("INSERT OR REPLACE INTO _sverka_meta(key, value) VALUES ('schema_version', ?)",
                                  [.text(String(migration.version))])
            }
        }
    }
}
