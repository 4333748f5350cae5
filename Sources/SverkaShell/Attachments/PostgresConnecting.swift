import Foundation
import SverkaEngine
import SverkaPostgres
import SverkaSyntax

/// Opens a connection for `attach`, `load postgres` and `export … to postgres`: the address as
/// written, the password from PGPASSWORD or ~/.pgpass (never the script), and errors pointing at
/// the address in the statement.
enum PostgresConnecting {
    static func open(_ text: String, at span: Span, session: Session) throws(Diagnostic) -> PostgresServer {
        try located(span) { () throws(Diagnostic) -> PostgresServer in
            let environment = ProcessInfo.processInfo.environment
            let address = try PostgresAddress(parsing: text, environment: environment)
            let home = environment["HOME"] ?? NSHomeDirectory()
            let password = try PostgresPassword.find(for: address, environment: environment, homeDirectory: home)
            if let password {
                // Blanked wherever it could be shown, like a `secret`.
                session.privacy.store(.found(password, in: .environment("PGPASSWORD")), as: "postgres \(address)")
            }
            let server = try PostgresServer.connect(to: address, password: password)
            session.serverInterrupts.register(server)
            return server
        }
    }
}
