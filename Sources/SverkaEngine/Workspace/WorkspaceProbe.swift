import Foundation
import SverkaSyntax

/// Looks at a file before the workspace opens it for writing, so that a file that is not a
/// workspace is refused without a single byte changed (opening read-write would switch it to WAL).
enum WorkspaceProbe {
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// Checks that `path` is a workspace this sverka can open and write; false when there is no
    /// file yet (a new workspace).
    static func check(_ path: String) throws(Diagnostic) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw Diagnostic("cannot open workspace '\(path)': \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic("cannot open workspace '\(path)': it is a directory",
                             hints: ["give a file name, e.g. '\(path)/work.sverka'"])
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Diagnostic("cannot open workspace '\(path)': it is not a regular file")
        }
        // sverka never leaves an empty file under a workspace's name (see WorkspaceCreation), so an
        // empty file is someone else's: a typo for another name, or a placeholder.
        if info.st_size == 0 {
            throw notAWorkspace(path, because: "it is empty",
                                hint: "give the name of a file that does not exist yet, and sverka creates the workspace; or remove the empty file first")
        }
        let prefix = try readPrefix(path, count: 512)
        guard prefix.starts(with: sqliteMagic) else {
            throw notAWorkspace(path, because: "it is not a SQLite database", hint: looksLikeText(prefix)
                ? "to read it as data, open a new workspace and use: load \"\(path)\" as NAME"
                : "a workspace is a file sverka made; give a new file name to create one")
        }
        let contents: SchemaContents
        do {
            contents = try SchemaContents(path: path)
        } catch {
            throw notAWorkspace(path, because: "it is a damaged SQLite database or cannot be read (\(error.message))")
        }
        if let foreign = contents.foreignDescription {
            throw notAWorkspace(path, because: "it is a SQLite database of another program (\(foreign))",
                                hint: "a workspace is a file sverka made; give a new file name to create one")
        }
        if access(path, W_OK) != 0 || info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 {
            throw Diagnostic("cannot open workspace '\(path)': the file is read-only",
                             hints: ["the file was not changed",
                                     "sverka opens its workspace for writing: make it writable (chmod u+w '\(path)'), or work on a copy"])
        }
        if let version = contents.version, version > WorkspaceSchema.currentVersion {
            throw WorkspaceSchema.tooNew(version, what: "workspace '\(path)'")
        }
        return true
    }

    static func notAWorkspace(_ path: String, because reason: String, hint: String? = nil) -> Diagnostic {
        Diagnostic("'\(path)' is not a sverka workspace: \(reason)",
                   hints: ["the file was not changed"] + (hint.map { [$0] } ?? []))
    }

    static func readPrefix(_ path: String, count: Int) throws(Diagnostic) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic("cannot open workspace '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return Array(bytes.prefix(max(0, got)))
    }

    /// Text, as far as the first bytes tell (a CSV export in any single-byte code page or UTF-8
    /// has no NUL; images, archives and other binaries nearly always do), so that only a text
    /// file is offered a `load`.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0)
    }
}

/// What a SQLite file holds, read without changing anything beside it: the schema's entries,
/// the application id and user version other programs mark their files with, and sverka's
/// schema version.
private struct SchemaContents {
    var entries: [(type: String, name: String)]
    var applicationID: Int64
    var userVersion: Int64
    var version: Int?

    init(path: String) throws(Diagnostic) {
        // Without a -wal or -journal beside it the file is complete on its own: read it as
        // immutable, so that SQLite makes no -shm or -wal next to another program's database.
        // With one, the file may need it (a killed sverka's last commits live in its -wal).
        let alone = !["-wal", "-journal"].contains { FileManager.default.fileExists(atPath: path + $0) }
        let database = try SQLiteDatabase(path: path, mode: alone ? .immutable : .readOnly)
        entries = try database.query("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") {
            (type: $0.text(at: 0), name: $0.text(at: 1))
        }
        applicationID = try database.scalar("PRAGMA application_id").map(Self.integer) ?? 0
        userVersion = try database.scalar("PRAGMA user_version").map(Self.integer) ?? 0
        version = try WorkspaceSchema.recordedVersion(in: database)
    }

    private static func integer(_ value: StoredValue) -> Int64 {
        if case .integer(let number) = value { return number }
        return 0
    }

    /// Why this is another program's database; nil for a workspace, or an empty database (what a
    /// sverka killed before its first commit leaves).
    var foreignDescription: String? {
        if entries.contains(where: { $0.type == "table" && $0.name == "_sverka_meta" }) { return nil }
        if !entries.isEmpty {
            // Tables say most about whose file it is; a database of views only is named by those.
            let tables = entries.filter { $0.type == "table" }
            let listed = tables.isEmpty ? entries : tables
            let shown = listed.prefix(3).map { "'\($0.name)'" }.joined(separator: ", ") + (listed.count > 3 ? ", …" : "")
            return tables.isEmpty ? "\(entries[0].type) \(shown)" : "tables \(shown)"
        }
        if applicationID != 0 { return "application id \(applicationID)" }
        if userVersion != 0 { return "user version \(userVersion)" }
        return nil
    }
}
