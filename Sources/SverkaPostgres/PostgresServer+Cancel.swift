import PostgresNIO
import SverkaSyntax

extension PostgresServer {
    /// Asks the server to stop the statement running on this connection, from any thread
    /// (the shell calls it when Ctrl-C is pressed). The statement then fails with SQLSTATE
    /// 57014; between statements this does nothing.
    ///
    /// postgres-nio does not expose the key of PostgreSQL's cancel request, so this opens a
    /// second, short connection and calls `pg_cancel_backend` for this session's process, which
    /// a user may do for its own sessions. It returns at once; failures are ignored, as with
    /// libpq's cancel: the statement then simply runs to its end.
    public func cancel() {
        Task { [self] in await cancelOnServer() }
    }

    /// Calls `pg_cancel_backend` for this session from a second connection; returns when the
    /// server has answered, or at once when it cannot be reached.
    func cancelOnServer() async {
        guard let backendProcessID, !connection.isClosed,
              let configuration = try? PostgresServer.configuration(for: address, password: password?.text, timeout: 10),
              let side = try? await PostgresConnection.connect(configuration: configuration, id: 2, logger: PostgresServer.logger)
        else { return }
        var bindings = PostgresBindings()
        bindings.append(backendProcessID)
        let statement = PostgresQuery(unsafeSQL: "SELECT pg_cancel_backend($1::int)::text", binds: bindings)
        if let rows = try? await side.query(statement, logger: PostgresServer.logger) {
            _ = try? await rows.collect()
        }
        try? await side.close()
    }
}
