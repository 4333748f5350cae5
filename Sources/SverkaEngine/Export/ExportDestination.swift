import Foundation
import SverkaSyntax

/// Where an export goes: temporary files beside the target, the finished one renamed over it.
///
/// The rename is atomic on one file system, which is why the temporary file sits in the
/// target's own folder rather than in /tmp. Until `commit`, the target is untouched; `discard`
/// removes every temporary file. Files are made with mode 0666 less the umask (0644 usually),
/// like any file a user saves: exports are meant to be shared, unlike the workspace (0600).
final class ExportDestination {
    /// The target as the user wrote it, for messages.
    let displayPath: String
    let targetPath: String
    let temporaryPath: String
    private var companions: [String] = []
    private var committed = false

    /// Checks the target can be written (its folder exists; it is not itself a folder) and
    /// picks a fresh temporary name. Nothing is created yet.
    init(path: String, displayPath: String) throws(Diagnostic) {
        guard !path.isEmpty else { throw Diagnostic("the file name is empty").hint("write: export deals to \"deals.csv\"") }
        self.displayPath = displayPath
        targetPath = path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var isFolder: ObjCBool = false
        let folderShown = folder.isEmpty ? "." : folder
        if !folder.isEmpty {
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
                throw Diagnostic("folder '\(folderShown)' does not exist")
                    .hint("export does not create folders: create it first, or export to an existing folder")
            }
            guard isFolder.boolValue else { throw Diagnostic("'\(folderShown)' is a file, not a folder") }
        }
        if name.isEmpty || path.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw Diagnostic("'\(displayPath)' is a folder").hint("export to a file in it: \"\(displayPath)/result.csv\"")
        }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let hidden = "\(Self.temporaryPrefix(name))\(getpid())-\(random)"
        temporaryPath = folder.isEmpty ? hidden : (folder as NSString).appendingPathComponent(hidden)
    }

    /// `.deals.csv.sverka-`: every temporary name for this target starts so, followed by the
    /// process id that made it.
    static func temporaryPrefix(_ name: String) -> String { ".\(name).sverka-" }

    deinit {
        if !committed { discard() }
    }

    /// Creates the temporary file for writing; it must not exist yet.
    func createTemporary() throws(Diagnostic) -> Int32 {
        removeAbandoned()
        return try create(temporaryPath)
    }

    /// Temporary files of earlier exports to this target whose process is gone: a process killed
    /// (SIGKILL) mid-export cannot discard its own, and a nightly job killed now and then would
    /// otherwise gather partial copies of its data beside the report.
    private func removeAbandoned() {
        let folder = (temporaryPath as NSString).deletingLastPathComponent
        let prefix = Self.temporaryPrefix((targetPath as NSString).lastPathComponent)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let owner = Int32(entry.dropFirst(prefix.count).prefix { $0.isNumber }), owner != getpid(),
                  kill(owner, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.isEmpty ? entry : (folder as NSString).appendingPathComponent(entry))
        }
    }

    /// Creates another temporary file beside the target (xlsx writes its sheet to one first).
    func createCompanion(suffix: String) throws(Diagnostic) -> (path: String, descriptor: Int32) {
        let path = temporaryPath + suffix
        companions.append(path)
        return (path, try create(path))
    }

    private func create(_ path: String) throws(Diagnostic) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot write '\(displayPath)'") }
        return descriptor
    }

    /// Makes the finished temporary file durable, then puts it in the target's place.
    func commit() throws(Diagnostic) {
        let descriptor = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let error = failure("cannot write '\(displayPath)'")
            if descriptor >= 0 { close(descriptor) }
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, targetPath) == 0 else { throw failure("cannot replace '\(displayPath)'") }
        committed = true
        removeCompanions()
    }

    /// Removes what was written; the target stays as it was.
    func discard() {
        unlink(temporaryPath)
        removeCompanions()
    }

    func removeCompanions() {
        for path in companions { unlink(path) }
        companions = []
    }

    /// An error with the system's reason (`Permission denied`, `No space left on device`).
    func failure(_ message: String) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return Diagnostic("\(message): \(reason)")
    }
}
