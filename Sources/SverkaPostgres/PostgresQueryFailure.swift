import SverkaSyntax

/// Why a statement failed, with what the server said about it when it was the server: the
/// SQLSTATE and where in the SQL, so that a caller who generated the SQL can point a caret.
///
/// `query` and `execute` throw only `diagnostic`; `queryReportingFailure` and
/// `executeReportingFailure` throw all of it.
public struct PostgresQueryFailure: Error, Sendable {
    /// What to show: `postgres: MESSAGE (SQLSTATE xxxxx)` with the server's detail and hint.
    public var diagnostic: Diagnostic
    /// The server's message alone; nil when the server did not report the failure (the
    /// connection was lost, a callback threw).
    public var serverMessage: String?
    public var sqlState: String?
    /// The server's POSITION: a 1-based offset into the SQL, in characters. `index(in:)` turns
    /// it into an index of the SQL text.
    public var position: Int?

    public init(diagnostic: Diagnostic, serverMessage: String? = nil, sqlState: String? = nil, position: Int? = nil) {
        self.diagnostic = diagnostic
        self.serverMessage = serverMessage
        self.sqlState = sqlState
        self.position = position
    }

    /// Where `position` points in `sql`, the text that was sent. PostgreSQL counts characters
    /// of the database encoding, which for UTF-8 are Unicode scalars, not Swift's characters.
    public func index(in sql: String) -> String.Index? {
        guard let position, position >= 1 else { return nil }
        let scalars = sql.unicodeScalars
        return scalars.index(scalars.startIndex, offsetBy: position - 1, limitedBy: scalars.endIndex)
    }
}
