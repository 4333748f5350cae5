import Foundation

/// Who and what is running: the operating-system user for the journal's "by whom", and the
/// process id that marks work in flight (so a second sverka does not mistake it for a crash).
public enum ProcessIdentity {
    /// The login name of the effective user; the uid when the system has no name for it.
    public static var userName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "uid \(geteuid())"
    }

    public static var processID: Int32 { getpid() }

    /// Whether a process with this id is running on this machine. EPERM means it exists but
    /// belongs to someone else: still alive.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// `2026-11-30T12:34:56Z`: moments in the journal, readable in raw SQL and sortable as text.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
