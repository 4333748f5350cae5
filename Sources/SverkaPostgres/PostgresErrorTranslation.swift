import PostgresNIO
import SverkaSyntax

/// Turns what postgres-nio throws during a statement into what sverka shows.
///
/// postgres-nio's own descriptions are deliberately generic ("PSQLError – Generic description"),
/// and its debug descriptions include the query and its parameters, so neither is shown: the
/// messages are built from the server's fields and the error codes.
enum PostgresErrorTranslation {
    static func failure(_ error: any Error, address: PostgresAddress) -> PostgresQueryFailure {
        if let failure = error as? PostgresQueryFailure { return failure }
        if let diagnostic = error as? Diagnostic { return PostgresQueryFailure(diagnostic: diagnostic) }
        if error is CancellationError { return PostgresQueryFailure(diagnostic: cancelled(address)) }
        guard let error = error as? PSQLError else {
            return PostgresQueryFailure(diagnostic: Diagnostic("postgres: \(error) (on \(address))",
                                                               hints: ["run the statement again; if it keeps failing, connect again"]))
        }
        if let server = error.serverInfo, let message = server[.message] {
            return serverFailure(message: message, server: server)
        }
        switch error.code {
        case .queryCancelled:
            return PostgresQueryFailure(diagnostic: cancelled(address))
        case .tooManyParameters:
            return PostgresQueryFailure(diagnostic: Diagnostic("a statement has more than 65535 parameters",
                                                               hints: ["send the values in smaller parts"]))
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return PostgresQueryFailure(diagnostic: connectionLost(address))
        default:
            return PostgresQueryFailure(diagnostic: Diagnostic("postgres: \(error.code) (on \(address))",
                                                               hints: ["run the statement again; if it keeps failing, connect again"]))
        }
    }

    static func serverFailure(message: String, server: PSQLError.ServerInfo) -> PostgresQueryFailure {
        let sqlState = server[.sqlState]
        var text = "postgres: " + message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        var hints: [String] = []
        if let detail = server[.detail] { hints.append(detail) }
        if let hint = server[.hint] { hints.append(hint) }
        // `COPY deals, line 3, column amount: "12,5"`: which row of a copy was refused.
        if let context = server[.locationContext] { hints.append(context) }
        if sqlState == "42601", message.contains("multiple commands") { hints.append("send one statement at a time") }
        return PostgresQueryFailure(diagnostic: Diagnostic(text, hints: hints), serverMessage: message,
                                    sqlState: sqlState, position: server[.position].flatMap { Int($0) })
    }

    static func connectionLost(_ address: PostgresAddress) -> Diagnostic {
        Diagnostic("the connection to \(address) was lost",
                   hints: ["connect again; the server may have restarted, or closed the session"])
    }

    static func cancelled(_ address: PostgresAddress) -> Diagnostic {
        Diagnostic("the statement on \(address) was cancelled", hints: ["run it again to get its result"])
    }
}
