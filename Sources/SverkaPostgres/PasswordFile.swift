import Foundation
import SverkaSyntax

/// A libpq password file: lines of `hostname:port:database:username:password`, where `*`
/// matches anything, `\:` and `\\` are a colon and a backslash, and `#` starts a comment line.
struct PasswordFile {
    struct Entry {
        /// The four fields a connection is matched against; `*` matches anything.
        var keys: [String]
        var password: String
    }

    var entries: [Entry]

    init(text: String) {
        entries = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).compactMap(Self.entry)
    }

    /// The file at `path`; nil when there is none. Throws when it exists but must not be used.
    init?(readingIfPresent path: String) throws(Diagnostic) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic("the password file \(path) is not a regular file", location: path,
                             hints: ["point PGPASSFILE at a file of host:port:database:user:password lines, or unset it"])
        }
        if status.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            throw Diagnostic("the password file \(path) can be read by other users, so it is not used", location: path,
                             hints: ["make it private: chmod 600 \(path)"])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("cannot read the password file \(path)", location: path,
                             hints: ["check that it belongs to you: ls -l \(path)"])
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// The password of the first line that matches, as libpq takes it.
    func password(host: String, port: String, database: String, user: String) -> String? {
        let wanted = [host, port, database, user]
        let entry = entries.first { entry in
            zip(entry.keys, wanted).allSatisfy { key, value in key == "*" || key == value }
        }
        guard let password = entry?.password, !password.isEmpty else { return nil }
        return password
    }

    private static func entry(_ line: Substring) -> Entry? {
        guard !line.hasPrefix("#") else { return nil }
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        // Like libpq, the password is the rest of the line: a colon in it needs no escape.
        guard fields.count == 4 else { return nil }
        return Entry(keys: fields, password: current)
    }
}
