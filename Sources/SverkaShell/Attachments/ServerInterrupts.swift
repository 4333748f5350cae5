import Foundation
import SverkaPostgres

/// The PostgreSQL connections a session has open, so that Ctrl-C, SIGINT and SIGTERM — which
/// arrive on another thread while the shell's thread waits on the server — can ask the server
/// to cancel the statement, as they interrupt SQLite.
final class ServerInterrupts: @unchecked Sendable {
    // Safe to share: `servers` is only touched with `lock` held.
    private let lock = NSLock()
    private var servers: [ObjectIdentifier: Weak] = [:]

    private struct Weak {
        weak var server: PostgresServer?
    }

    func register(_ server: PostgresServer) {
        lock.lock()
        defer { lock.unlock() }
        servers = servers.filter { $0.value.server != nil }
        servers[ObjectIdentifier(server)] = Weak(server: server)
    }

    /// Asks every open connection's server to cancel what it is running (nothing, for most).
    func cancelAll() {
        lock.lock()
        let open = servers.values.compactMap(\.server)
        lock.unlock()
        for server in open { server.cancel() }
    }
}
