import Foundation
import Logging
import PostgresNIO
import SverkaSyntax

/// A connection to a PostgreSQL database, used synchronously from the shell's thread.
///
/// Each call blocks until postgres-nio, which is asynchronous, has finished it. Results stream:
/// `query` hands rows to its callback as they arrive, and `copy` sends rows as they are
/// produced, so neither holds a large table in memory.
///
/// `@unchecked Sendable` because `cancel()` may come from another thread and `deinit` from
/// any: the only mutable state (`isClosed`, `isBusy`, `processID`) is guarded by `lock`, and the
/// postgres-nio connection is itself thread-safe.
public final class PostgresServer: @unchecked Sendable {
    public let address: PostgresAddress
    let connection: PostgresConnection
    /// Kept only to open the second connection `cancel()` needs.
    let password: HiddenPassword?
    /// The server process serving this session, which `cancel()` asks the server to interrupt.
    var backendProcessID: String? {
        get { lock.withLock { processID } }
        set { lock.withLock { processID = newValue } }
    }

    private let lock = NSLock()
    private var isClosed = false
    private var isBusy = false
    private var processID: String?

    /// postgres-nio must print nothing: sverka's output is its results and its own messages.
    static let logger: Logger = {
        var logger = Logger(label: "sverka.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()

    init(address: PostgresAddress, connection: PostgresConnection, password: String?) {
        self.address = address
        self.connection = connection
        self.password = password.map(HiddenPassword.init)
    }

    deinit {
        // postgres-nio asserts that a connection is closed before it goes: the closure keeps it
        // until then, without blocking whatever thread lets go of the server.
        let connection = self.connection
        if !connection.isClosed {
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    /// Ends the session. Calling it again does nothing.
    public func close() {
        lock.lock()
        let wasClosed = isClosed
        isClosed = true
        lock.unlock()
        guard !wasClosed, !connection.isClosed else { return }
        _ = BlockingWait.run { [connection] in try await connection.close() }
    }

    /// Marks the connection busy for one statement. A callback of `query` that starts another
    /// statement on the same connection would wait forever for the first to finish: refused.
    func begin() throws(PostgresQueryFailure) -> PostgresConnection {
        lock.lock()
        defer { lock.unlock() }
        if isClosed {
            throw PostgresQueryFailure(diagnostic: Diagnostic("the connection to \(address) is closed",
                                                              hints: ["connect again"]))
        }
        if connection.isClosed {
            isClosed = true
            throw PostgresQueryFailure(diagnostic: PostgresErrorTranslation.connectionLost(address))
        }
        if isBusy {
            throw PostgresQueryFailure(diagnostic: Diagnostic(
                "the connection to \(address) is still reading a result; a statement cannot start before it ends",
                hints: ["finish reading the result first, or open a second connection for the other statement"]))
        }
        isBusy = true
        return connection
    }

    func end() {
        lock.lock()
        isBusy = false
        lock.unlock()
    }
}
