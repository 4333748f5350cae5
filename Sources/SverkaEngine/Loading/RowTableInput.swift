import Foundation
import SverkaSyntax

/// A whole input file in memory, hashed alongside by `FileDigest`.
///
/// JSON, Excel and 1C files are parsed as whole documents, so the bytes are read once into
/// memory; the digest reads the same open file on a thread of its own.
final class RowTableInput {
    let displayPath: String
    /// The absolute path, recorded with the source.
    let absolutePath: String
    /// The file's bytes; valid while this object lives.
    let bytes: UnsafeBufferPointer<UInt8>
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let descriptor: Int32
    private let digest: FileDigest
    private let size: Int
    private let modified: timespec

    /// Opens and reads the file. `emptyHint` says what a file of this format needs to hold.
    init(path: String, emptyHint: String) throws(Diagnostic) {
        displayPath = path
        absolutePath = RowTableInput.absolute(path)
        var info = stat()
        guard stat(path, &info) == 0 else { throw RowTableInput.openError(path, code: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic("cannot load '\(path)': it is a directory, not a file", location: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Diagnostic("cannot load '\(path)': it is not a regular file", location: path,
                             hints: ["save a pipe's output to a file first"])
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RowTableInput.openError(path, code: errno) }
        // Size and time of the file actually opened, in case the path was replaced meanwhile.
        guard fstat(fd, &info) == 0, info.st_size > 0 else {
            close(fd)
            throw Diagnostic("cannot load '\(path)': the file is empty", location: path, hints: [emptyHint])
        }
        size = Int(info.st_size)
        modified = RowTableInput.modificationTime(info)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        var filled = 0
        while filled < size {
            let got = read(fd, buffer.baseAddress.map { $0 + filled }, size - filled)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        guard filled == size else {
            let reason = filled < size ? "it became shorter while being read" : String(cString: strerror(errno))
            buffer.deallocate()
            close(fd)
            throw Diagnostic("cannot read '\(path)': \(reason)", location: path)
        }
        storage = buffer
        bytes = UnsafeBufferPointer(buffer)
        descriptor = fd
        digest = FileDigest.start(descriptor: fd)
    }

    deinit {
        digest.cancel()
        close(descriptor)
        storage.deallocate()
    }

    /// The SHA-256 of the file, once it is known not to have changed since it was read.
    func contentHash() throws(Diagnostic) -> String {
        var info = stat()
        let unchanged = fstat(descriptor, &info) == 0 && Int(info.st_size) == size
            && RowTableInput.modificationTime(info).tv_sec == modified.tv_sec
            && RowTableInput.modificationTime(info).tv_nsec == modified.tv_nsec
        guard unchanged, let hash = digest.wait() else {
            throw Diagnostic("'\(displayPath)' changed while it was being loaded", location: displayPath,
                             hints: ["load it again once it is complete; the workspace is unchanged"])
        }
        return hash
    }

    private static func openError(_ path: String, code: Int32) -> Diagnostic {
        if code == ENOENT {
            return Diagnostic("cannot load '\(path)': no such file", location: path,
                              hints: ["relative paths start in \(FileManager.default.currentDirectoryPath)"])
        }
        return Diagnostic("cannot load '\(path)': \(String(cString: strerror(code)))", location: path)
    }

    private static func modificationTime(_ info: stat) -> timespec {
        #if canImport(Darwin)
        return info.st_mtimespec
        #else
        return info.st_mtim
        #endif
    }

    private static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
