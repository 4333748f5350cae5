import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SverkaSyntax

/// Where a secret is kept: an environment variable, or a file only its owner can read — never
/// the script, whose text goes to the history, the audit trail and the run log.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    case environment(String)
    /// The path as written; `~` is the home folder.
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): return "the environment variable \(name)"
        case .file(let path): return "the file \(path)"
        }
    }

    /// Reads the secret. Errors say what is wrong and how to fix it, and never quote the secret.
    public func read(environment: [String: String] = ProcessInfo.processInfo.environment,
                     at span: Span? = nil) throws(Diagnostic) -> Secret {
        switch self {
        case .environment(let name): return try Self.readVariable(name, environment: environment, at: span)
        case .file(let path): return try Self.readFile(path, at: span)
        }
    }

    private static func readVariable(_ name: String, environment: [String: String], at span: Span?) throws(Diagnostic) -> Secret {
        let isName = name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard isName else {
            throw Diagnostic("'\(name)' is not an environment variable's name", at: span)
                .hint("names are letters, digits and _, e.g. AMO_TOKEN")
        }
        guard let value = environment[name] else {
            throw Diagnostic("the environment variable \(name) is not set", at: span)
                .hint("set it where sverka runs (export \(name)=… in the shell, Environment= or EnvironmentFile= in a systemd unit); never in the script")
        }
        guard !value.isEmpty else {
            throw Diagnostic("the environment variable \(name) is empty", at: span)
        }
        return Secret(value: value, source: .environment(name))
    }

    private static func readFile(_ path: String, at span: Span?) throws(Diagnostic) -> Secret {
        let resolved = (path as NSString).expandingTildeInPath
        var status = stat()
        guard stat(resolved, &status) == 0 else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be read: " + String(cString: strerror(errno))
            throw Diagnostic("the secret file \(path) \(reason)", at: span)
                .hint("put the secret alone in the file, then: chmod 600 \(path)")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic("the secret file \(path) is not a regular file", at: span)
        }
        guard status.st_uid == geteuid() else {
            throw Diagnostic("the secret file \(path) belongs to another user", at: span)
                .hint("a secret file must be the own file of the user sverka runs as, readable by that user only")
        }
        let openBits = status.st_mode & 0o077
        guard openBits == 0 else {
            let mode = String(status.st_mode & 0o777, radix: 8)
            throw Diagnostic("the secret file \(path) can be \(openBits & 0o044 != 0 ? "read" : "changed") by others (mode 0\(mode))", at: span)
                .hint("chmod 600 \(path) — a secret file must be readable by its owner only")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw Diagnostic("the secret file \(path) cannot be read", at: span)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw Diagnostic("the secret file \(path) is not UTF-8 text", at: span)
        }
        // Editors end a file with a line break; it is not part of the secret.
        while let last = text.last, last.isNewline { text.removeLast() }
        guard !text.isEmpty else { throw Diagnostic("the secret file \(path) is empty", at: span) }
        return Secret(value: text, source: .file(path))
    }
}
