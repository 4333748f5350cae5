/// Where a PostgreSQL database is and who connects to it: everything of a
/// `postgres://user@host:port/db` address except a password, which never goes in a script.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    /// A host name or IP address, or the directory of the server's unix socket when it starts with `/`.
    public var host: String
    public var port: Int
    public var database: String
    public var tls: PostgresTLSMode

    public init(user: String, host: String, port: Int = 5432, database: String? = nil, tls: PostgresTLSMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database ?? user
        self.tls = tls
    }

    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq would use: the directory, then `.s.PGSQL.PORT`.
    var unixSocketPath: String {
        (host.hasSuffix("/") ? host : host + "/") + ".s.PGSQL.\(port)"
    }

    /// `host:port`, with an IPv6 address in brackets.
    public var endpoint: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// `user@host:port/db`: what messages show. It never holds a password.
    public var description: String { "\(user)@\(endpoint)/\(database)" }

    /// The address written back as a URL that `init(parsing:environment:)` reads to the same
    /// value whatever the environment: every part spelled out, names percent-encoded.
    public var url: String {
        let tail = "?sslmode=" + tls.rawValue
        if isUnixSocket {
            return "postgres://\(PercentEncoding.encode(user))@:\(port)/\(PercentEncoding.encode(database))\(tail)&host=\(PercentEncoding.encode(host))"
        }
        let hostText = host.contains(":") ? "[\(host)]" : PercentEncoding.encode(host)
        return "postgres://\(PercentEncoding.encode(user))@\(hostText):\(port)/\(PercentEncoding.encode(database))\(tail)"
    }
}
