import SverkaPostgres

/// A server attached with `attach postgres "…" as NAME`: its connection, and its tables as
/// pipelines see them (`NAME.table`). Lives as long as the session, or until `detach`.
final class Attachment {
    let name: String
    let server: PostgresServer
    let catalog: PostgresCatalog

    init(name: String, server: PostgresServer, catalog: PostgresCatalog) {
        self.name = name
        self.server = server
        self.catalog = catalog
    }

    /// `postgres sverka@127.0.0.1:5432/db`, for explain and messages: never a password.
    var serverDescription: String { "postgres \(server.address)" }
}
