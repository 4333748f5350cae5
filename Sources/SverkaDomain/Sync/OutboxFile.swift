import Foundation
import SverkaEngine
import SverkaSyntax

/// One outbox file on its way: written in full under a hidden staging name beside the target,
/// then published under the target's name without ever replacing a file there. The staging
/// name carries the process id, so a second sverka can tell another's work in flight from a
/// crash's leftovers.
final class OutboxFile {
    let target: OutboxTarget
    let folder: String
    let name: String
    let applyID: String
    let stagingPath: String

    init(_ target: OutboxTarget) throws(Diagnostic) {
        // Absolute, so that recovery finds the files from whatever folder it later runs in.
        var resolved = target
        if !resolved.filePath.hasPrefix("/") {
            resolved.filePath = (FileManager.default.currentDirectoryPath as NSString)
                .appendingPathComponent(resolved.filePath)
        }
        self.target = resolved
        let path = resolved.filePath
        folder = (path as NSString).deletingLastPathComponent
        name = (path as NSString).lastPathComponent
        guard !name.isEmpty, !path.hasSuffix("/") else {
            throw Diagnostic("'\(target.path)' is not a file name").hint("write: apply to \"outbox/invoices.csv\"")
        }
        var isFolder: ObjCBool = false
        // Messages name the folder as the command wrote it, not the resolved path.
        let written = (target.path as NSString).deletingLastPathComponent
        let shownFolder = written.isEmpty ? "." : written
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw Diagnostic("folder '\(shownFolder)' does not exist").hint("create the outbox folder first")
        }
        guard isFolder.boolValue else { throw Diagnostic("'\(shownFolder)' is a file, not a folder") }
        applyID = "\(ProcessIdentity.processID)-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let staging = "\(Self.stagingPrefix(name))\(applyID)"
        stagingPath = folder.isEmpty ? staging : (folder as NSString).appendingPathComponent(staging)
    }

    /// `.invoices.csv.sverka-outbox-`: the start of every staging name for this target.
    static func stagingPrefix(_ name: String) -> String { ".\(name).sverka-outbox-" }

    /// Refuses a target that exists: it holds items sent earlier that the other system has not
    /// taken yet (or someone else's file), and overwriting it would lose them.
    func ensureTargetFree() throws(Diagnostic) {
        var info = stat()
        guard lstat(target.filePath, &info) != 0 else {
            throw Diagnostic("'\(target.path)' already exists; an outbox file is never overwritten")
                .hint("the other system has not taken the last one yet: move it away, or apply to another file")
        }
    }

    /// Writes the rows under the staging name, private to the user (0600) before it can appear
    /// in the outbox; returns the number of rows.
    func write(_ query: CompiledQuery, from database: SQLiteDatabase) throws(Diagnostic) -> Int {
        let request = ExportRequest(path: target.path, filePath: stagingPath, options: target.options, sheetName: "outbox")
        let report = try Exporter().export(query, request, from: database)
        guard chmod(stagingPath, 0o600) == 0 else { throw failure("cannot write '\(target.path)'") }
        return report.rows
    }

    /// SHA-256 of the staged file, lowercase hex.
    func sha256() throws(Diagnostic) -> String {
        guard let hash = SHA256.ofFile(atPath: stagingPath) else { throw failure("cannot read '\(target.path)'") }
        return hash
    }

    /// Puts the staged file in the outbox under the target's name, unless a file appeared there
    /// meanwhile: a hard link cannot replace anything, and the staging name goes only once the
    /// link exists. A file system without hard links gets a rename after one more look.
    func publish() throws(Diagnostic) {
        if link(stagingPath, target.filePath) == 0 {
            unlink(stagingPath)
        } else {
            let code = errno
            if code == EEXIST { try ensureTargetFree() }
            guard code == EPERM || code == ENOTSUP || code == EXDEV || code == EOPNOTSUPP || code == EMLINK else {
                errno = code
                throw failure("cannot write '\(target.path)'")
            }
            try ensureTargetFree()
            guard rename(stagingPath, target.filePath) == 0 else { throw failure("cannot write '\(target.path)'") }
        }
        // The folder's entry must reach the disk too, or a power cut could lose the file after
        // the journal said it was sent.
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Removes the staged file: the apply did not happen.
    func discard() {
        unlink(stagingPath)
    }

    /// Removes staging files an earlier, killed apply left in the folder (ones whose process is
    /// gone; recovery has already settled any the journal names).
    func removeLeftovers() {
        let prefix = Self.stagingPrefix(name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for entry in entries {
            // The exporter's own temporary file is the staging name behind one more dot.
            let bare = entry.hasPrefix(".\(prefix)") ? String(entry.dropFirst()) : entry
            guard bare.hasPrefix(prefix) else { continue }
            let owner = Int32(bare.dropFirst(prefix.count).prefix { $0.isNumber }) ?? 0
            if owner != ProcessIdentity.processID, ProcessIdentity.isAlive(owner) { continue }
            unlink(folder.isEmpty ? entry : (folder as NSString).appendingPathComponent(entry))
        }
    }

    private func failure(_ message: String) -> Diagnostic {
        Diagnostic("\(message): \(String(cString: strerror(errno)))")
    }
}
