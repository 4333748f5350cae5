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

    /// `wh.deals` → the attachment `wh` (its name in any case) and `deals`; nil for a name no
    /// attachment begins.
    static func owning(_ name: String, in attachments: [String: Attachment]) -> (attachment: Attachment, table: String)? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let prefix = name[..<dot]
        guard let attachment = attachments[String(prefix)]
                ?? attachments.first(where: { $0.key.lowercased() == prefix.lowercased() })?.value else { return nil }
        return (attachment, String(name[name.index(after: dot)...]))
    }
}
