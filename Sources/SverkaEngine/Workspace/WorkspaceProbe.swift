import Foundation
import SverkaSyntax

/// Looks at a file before the workspace opens it for writing, so that a file that is not a
/// workspace is refused without a single byte changed (opening read-write would switch it to WAL).
enum WorkspaceProbe {
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    static func check(_ path: String) throws(Diagnostic) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return }  // a new workspace
            throw Diagnostic("cannot open workspace '\(path)': \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic("cannot open workspace '\(path)': it is a directory",
                             hints: ["give a file name, e.g. '\(path)/work.sverka'"])
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Diagnostic("cannot open workspace '\(path)': it is not a regular file")
        }
        if info.st_size == 0 { return }  // an empty file is an empty database: make it a workspace
        guard try readPrefix(path, count: sqliteMagic.count) == sqliteMagic else {
            throw notAWorkspace(path, because: "it is not a SQLite database")
        }
        let database: SQLiteDatabase
        let tables: [String]
        let version: Int?
        do {
            database = try SQLiteDatabase(path: path, mode: .readOnly)
            tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(at: 0) }
            version = try WorkspaceSchema.recordedVersion(in: database)
        } catch {
            throw notAWorkspace(path, because: "it is a damaged SQLite database or cannot be read (\(error.message))")
        }
        if !tables.isEmpty, !tables.contains("_sverka_meta") {
            let shown = tables.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = tables.count > 3 ? ", …" : ""
            throw notAWorkspace(path, because: "it is a SQLite database of another program (tables \(shown)\(more))")
        }
        if let version, version > WorkspaceSchema.currentVersion {
            throw WorkspaceSchema.tooNew(version, what: "workspace '\(path)'")
        }
    }

    static func notAWorkspace(_ path: String, because reason: String) -> Diagnostic {
        Diagnostic("'\(path)' is not a sverka workspace: \(reason)",
                   hints: ["the file was not changed",
                           "to read a CSV file, open a new workspace and use: load \"\(path)\" as NAME"])
    }

    static func readPrefix(_ path: String, count: Int) throws(Diagnostic) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic("cannot open workspace '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return got == count ? bytes : []
    }
}
