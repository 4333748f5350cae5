import Foundation
import PostgresNIO
import SverkaSyntax

/// Turns what postgres-nio throws while connecting into a message that says which server,
/// what went wrong and what to check — never the password.
enum ConnectFailure {
    static let reachHint = "is the server running and reachable? check the address"

    static func diagnostic(_ error: any Error, address: PostgresAddress) -> Diagnostic {
        let endpoint = address.isUnixSocket ? address.unixSocketPath : address.endpoint
        if let error = error as? PSQLError {
            if let server = error.serverInfo, let message = server[.message] {
                return serverRefusal(message: message, sqlState: server[.sqlState], address: address)
            }
            switch error.code {
            case .authMechanismRequiresPassword:
                return Diagnostic("the server \(endpoint) asks for a password for user \(address.user), and none is set",
                                  hints: [PostgresAddress.passwordHint])
            case .sslUnsupported:
                return Diagnostic("the server \(endpoint) does not offer TLS, and the address requires it (sslmode=require)",
                                  hints: ["ask for TLS on the server, or use sslmode=prefer only on a network you trust"])
            case .unsupportedAuthMechanism:
                return Diagnostic("the server \(endpoint) asks for an authentication method sverka does not support",
                                  hints: ["sverka authenticates with scram-sha-256, md5 or a plain password; check pg_hba.conf"])
            case .saslError:
                return Diagnostic("password authentication failed for user \(address.user) on \(address.endpoint)/\(address.database)",
                                  hints: [PostgresAddress.passwordHint])
            default:
                break
            }
        }
        if error is CancellationError {
            return Diagnostic("connecting to \(endpoint) was cancelled", hints: [reachHint])
        }
        return Diagnostic("cannot connect to \(endpoint): \(reason(error))", hints: [reachHint])
    }

    private static func serverRefusal(message: String, sqlState: String?, address: PostgresAddress) -> Diagnostic {
        let code = sqlState.map { " (SQLSTATE \($0))" } ?? ""
        switch sqlState {
        case "28P01":
            return Diagnostic("password authentication failed for user \(address.user) on \(address.endpoint)/\(address.database)",
                              hints: [PostgresAddress.passwordHint])
        case "28000":
            // No pg_hba.conf line for this host or user, or no such role: the server says which.
            return Diagnostic("the server \(address.endpoint) refused user \(address.user) for database \(address.database): \(message)\(code)",
                              hints: [PostgresAddress.passwordHint, "if the password is right, the server's pg_hba.conf may not let this user in from here"])
        case "3D000":
            return Diagnostic("there is no database \(address.database) on \(address.endpoint)",
                              hints: ["check the database name in the address, or create it: createdb \(address.database)"])
        default:
            return Diagnostic("cannot connect to \(address.endpoint): postgres: \(message)\(code)", hints: [reachHint])
        }
    }

    /// The root cause in a few words: `connection refused`, `unknown host`, `no answer within 10 s`.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let underlying = error.underlying { return reason(underlying) }
            switch error.code {
            case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
            default: return "\(error.code)"
            }
        case ChannelError.connectTimeout(let amount):
            return "no answer within \(seconds(amount))"
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return reason(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "unknown host" }
            return "no address found for \(error.host)"
        case let error as IOError:
            // strerror's words, not NIO's description, which names the system call and errno.
            var text = String(cString: strerror(error.errnoCode))
            if let first = text.first { text.replaceSubrange(...text.startIndex, with: first.lowercased()) }
            return text
        case NIOSSLError.handshakeFailed(let cause):
            return "the TLS handshake failed (\(cause)); the server's certificate may not be trusted here"
        case let error as NIOSSLError:
            return "TLS failed (\(error))"
        default:
            return "\(error)"
        }
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let value = Double(amount.nanoseconds) / 1e9
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
