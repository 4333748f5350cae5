import Foundation
import SverkaSyntax

/// An open input file: checked to be a readable, non-empty regular file, read in chunks.
final class CSVInputFile {
    let descriptor: Int32
    let displayPath: String
    /// The absolute path, recorded with the source.
    let absolutePath: String
    let size: Int
    let modified: timespec

    init(path: String) throws(Diagnostic) {
        displayPath = path
        absolutePath = CSVInputFile.absolute(path)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CSVLoadError.cannotOpen(path, reason: String(cString: strerror(errno)), code: errno)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw CSVLoadError.isDirectory(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw CSVLoadError.notRegular(path) }
        guard info.st_size > 0 else { throw CSVLoadError.emptyFile(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CSVLoadError.cannotOpen(path, reason: String(cString: strerror(errno)), code: errno) }
        // Size and time of the file actually opened, in case the path was replaced meanwhile.
        if fstat(fd, &info) != 0 || info.st_size == 0 {
            close(fd)
            throw CSVLoadError.emptyFile(path)
        }
        descriptor = fd
        size = Int(info.st_size)
        modified = CSVInputFile.modificationTime(info)
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes; 0 at the end of the file.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(Diagnostic) -> Int {
        while true {
            let got = Foundation.read(descriptor, destination, count)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw Diagnostic("cannot read '\(displayPath)': \(String(cString: strerror(errno)))")
        }
    }

    /// Starts the file again from its first byte, for the second pass.
    func rewind() throws(Diagnostic) {
        try seek(to: 0)
    }

    /// Continues reading at `offset`, e.g. after a byte order mark.
    func seek(to offset: Int) throws(Diagnostic) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw Diagnostic("cannot read '\(displayPath)' again: \(String(cString: strerror(errno)))")
        }
    }

    /// Up to `count` bytes from `offset`, read without moving the offset that `read` uses:
    /// for sniffing the encoding and separator, and for locating an error after the fact.
    func bytes(at offset: Int, count: Int) throws(Diagnostic) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = result.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw Diagnostic("cannot read '\(displayPath)': \(String(cString: strerror(errno)))") }
            if got == 0 { break }
            filled += got
        }
        result.removeSubrange(filled...)
        return result
    }

    /// True when size or modification time differ from when the file was opened.
    func changedSinceOpened() -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return true }
        let now = CSVInputFile.modificationTime(info)
        return Int(info.st_size) != size || now.tv_sec != modified.tv_sec || now.tv_nsec != modified.tv_nsec
    }

    static func modificationTime(_ info: stat) -> timespec {
        #if canImport(Darwin)
        return info.st_mtimespec
        #else
        return info.st_mtim
        #endif
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
