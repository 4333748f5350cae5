import Foundation
import SverkaSyntax

/// Makes a new workspace file under a hidden name beside the one asked for (`.w.db.new-PID`),
/// with its system tables in and its WAL folded back, and only then links it to its name. So a
/// process killed while creating a workspace never leaves an empty or half-made file under that
/// name, which the next open would have to refuse (an empty file is not a workspace); at worst
/// it leaves the hidden file, which the next creation of the same name removes.
enum WorkspaceCreation {
    static func create(at path: String) throws(Diagnostic) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).new-"
        removeAbandoned(in: folder, prefix: prefix)
        let staging = folder.appendingPathComponent(prefix + String(getpid())).path
        removeStaging(staging)
        let descriptor = open(staging, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw cannotCreate(path, code: errno) }
        close(descriptor)
        defer { removeStaging(staging) }
        do {
            // Closed at the end of this block: SQLite checkpoints the WAL into the file and removes it.
            let database = try SQLiteDatabase(path: staging)
            try WorkspaceSchema.migrate(database)
        } catch {
            throw Diagnostic("cannot create the workspace '\(path)': \(error.message)", hints: error.hints)
        }
        // link, unlike rename, never replaces: a workspace that another sverka made meanwhile wins.
        if link(staging, path) != 0, errno != EEXIST { throw cannotCreate(path, code: errno) }
    }

    private static func cannotCreate(_ path: String, code: Int32) -> Diagnostic {
        Diagnostic("cannot create '\(path)': \(String(cString: strerror(code)))")
    }

    private static func removeStaging(_ staging: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(staging + suffix) }
    }

    /// Hidden files of creations whose process is gone (killed half-way).
    private static func removeAbandoned(in folder: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            removeStaging(folder.appendingPathComponent(name).path)
        }
    }
}
