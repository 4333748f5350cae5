import Foundation
import SverkaSyntax

extension PostgresAddress {
    /// The query parameters an address may carry; libpq knows many more, which mean nothing here.
    public static let acceptedParameters = ["sslmode", "host", "port", "user", "dbname"]

    static let example = "postgres://user@host:5432/db"

    /// Where the password goes instead of the script.
    static let passwordHint = "set PGPASSWORD or add a line to ~/.pgpass (host:port:database:user:password, mode 0600); passwords never go in the script"

    /// Reads `postgres://user@host:port/db?sslmode=…` (or `postgresql://`). What the address
    /// leaves out comes from the environment as libpq takes it: PGUSER (then USER), PGHOST
    /// (then `localhost`), PGPORT (then 5432), PGDATABASE (then the user), PGSSLMODE (then `prefer`).
    /// A host starting with `/` — also given as `?host=/var/run/postgresql` — is the directory of
    /// the server's unix socket.
    public init(parsing text: String, environment: [String: String]) throws(Diagnostic) {
        let parts = try AddressParts(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let user = Self.nonEmpty(parts.user) ?? Self.nonEmpty(environment["PGUSER"]) ?? Self.nonEmpty(environment["USER"]) else {
            throw Diagnostic("the address names no user, and neither PGUSER nor USER is set",
                             hints: ["write the user in the address, like \(Self.example)"])
        }
        var host = Self.nonEmpty(parts.host)
        if host == nil { host = try Self.environmentHost(environment) }
        var port = parts.port
        if port == nil { port = try Self.environmentPort(environment) }
        let database = Self.nonEmpty(parts.database) ?? Self.nonEmpty(environment["PGDATABASE"]) ?? user
        var tls = parts.tls
        if tls == nil { tls = try Self.environmentTLS(environment) }
        self.init(user: user, host: host ?? "localhost", port: port ?? 5432, database: database, tls: tls ?? .prefer)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func environmentHost(_ environment: [String: String]) throws(Diagnostic) -> String? {
        guard let host = nonEmpty(environment["PGHOST"]) else { return nil }
        if host.contains(",") {
            throw Diagnostic("PGHOST names several hosts (\(host)); sverka connects to one",
                             location: "PGHOST", hints: ["give one host in the address, like \(example)"])
        }
        return host
    }

    private static func environmentPort(_ environment: [String: String]) throws(Diagnostic) -> Int? {
        guard let text = nonEmpty(environment["PGPORT"]) else { return nil }
        guard let port = AddressParts.port(Substring(text)) else {
            throw Diagnostic("PGPORT is '\(text)', not a port number", location: "PGPORT",
                             hints: ["set it to a number from 1 to 65535, or unset it for 5432"])
        }
        return port
    }

    private static func environmentTLS(_ environment: [String: String]) throws(Diagnostic) -> PostgresTLSMode? {
        guard let text = nonEmpty(environment["PGSSLMODE"]) else { return nil }
        return try AddressParts.tlsMode(text, location: "PGSSLMODE")
    }
}

/// The parts a `postgres://` address spells out, before defaults; nil where it says nothing.
struct AddressParts {
    var user: String?
    var host: String?
    var port: Int?
    var database: String?
    var tls: PostgresTLSMode?

    init(parsing text: String) throws(Diagnostic) {
        guard let schemeEnd = text.range(of: "://"),
              ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
            throw Diagnostic("\"postgres://\" address expected, like \(PostgresAddress.example)",
                             hints: ["a unix socket is given as postgres://user@/db?host=/var/run/postgresql"])
        }
        let scheme = text[..<schemeEnd.upperBound]
        let rest = text[schemeEnd.upperBound...]
        let beforeQuery = rest.prefix { $0 != "?" }
        let query = rest.dropFirst(beforeQuery.count).dropFirst()
        let authority = beforeQuery.prefix { $0 != "/" }
        let path = beforeQuery.dropFirst(authority.count).dropFirst()

        var hostAndPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostAndPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                let withoutPassword = String(scheme) + userInfo[..<colon] + "@" + rest.dropFirst(userInfo.count + 1)
                throw Diagnostic("the address holds a password; passwords never go in a script",
                                 hints: [PostgresAddress.passwordHint, "write the address without it: \(withoutPassword)"])
            }
            user = try Self.decoded(userInfo, part: "user name")
        }
        try readHostAndPort(hostAndPort)
        if path.contains("/") {
            throw Diagnostic("the database name '\(path)' in the address has a '/'",
                             hints: ["an address is \(PostgresAddress.example); a '/' in a name is written %2F"])
        }
        database = try Self.decoded(path, part: "database name")
        if !query.isEmpty { try readParameters(query) }
    }

    private mutating func readHostAndPort(_ text: Substring) throws(Diagnostic) {
        if text.contains(",") {
            throw Diagnostic("the address names several hosts (\(text)); sverka connects to one",
                             hints: ["give one host, like \(PostgresAddress.example)"])
        }
        var hostText = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw Diagnostic("the IPv6 address in the address has no closing ']'",
                                 hints: ["write it like postgres://user@[::1]:5432/db"])
            }
            hostText = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw Diagnostic("unexpected '\(after)' after the IPv6 address", hints: ["write it like postgres://user@[::1]:5432/db"])
                }
                portText = after.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
            if portText?.contains(":") == true {
                throw Diagnostic("the host '\(text)' has several ':'", hints: ["an IPv6 address goes in brackets: postgres://user@[::1]:5432/db"])
            }
        }
        host = try Self.decoded(hostText, part: "host")
        if let portText {
            guard let port = Self.port(portText) else {
                throw Diagnostic("the port '\(portText)' in the address is not a port number",
                                 hints: ["a port is a number from 1 to 65535, like \(PostgresAddress.example)"])
            }
            self.port = port
        }
    }

    private mutating func readParameters(_ query: Substring) throws(Diagnostic) {
        var seen: Set<String> = []
        for pair in query.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else {
                throw Diagnostic("the parameter '\(pair)' in the address has no value",
                                 hints: ["write it as name=value, like ?sslmode=require"])
            }
            let key = try Self.decoded(pair[..<equals], part: "parameter name")
            let value = try Self.decoded(pair[pair.index(after: equals)...], part: "value of \(key)")
            if key == "password" {
                throw Diagnostic("the address holds a password; passwords never go in a script",
                                 hints: [PostgresAddress.passwordHint])
            }
            guard PostgresAddress.acceptedParameters.contains(key) else {
                throw Diagnostic("unknown parameter '\(key)' in the address",
                                 hints: ["the accepted parameters are " + PostgresAddress.acceptedParameters.joined(separator: ", ")])
            }
            guard seen.insert(key).inserted else {
                throw Diagnostic("the parameter '\(key)' is given twice in the address", hints: ["keep one"])
            }
            switch key {
            case "sslmode": tls = try Self.tlsMode(value, location: nil)
            case "host":
                if value.contains(",") {
                    throw Diagnostic("the address names several hosts (\(value)); sverka connects to one",
                                     hints: ["give one host, like \(PostgresAddress.example)"])
                }
                host = value
            case "port":
                guard let port = Self.port(Substring(value)) else {
                    throw Diagnostic("the port '\(value)' in the address is not a port number",
                                     hints: ["a port is a number from 1 to 65535"])
                }
                self.port = port
            case "user": user = value
            default: database = value
            }
        }
    }

    static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(text), (1...65535).contains(port) else { return nil }
        return port
    }

    static func tlsMode(_ text: String, location: String?) throws(Diagnostic) -> PostgresTLSMode {
        if let mode = PostgresTLSMode(rawValue: text.lowercased()) { return mode }
        let accepted = PostgresTLSMode.allCases.map(\.rawValue).joined(separator: ", ")
        var hints = ["sslmode is one of \(accepted)"]
        if ["verify-ca", "verify-full", "allow"].contains(text.lowercased()) {
            hints.append("prefer and require already verify the server's certificate, as libpq's verify-full does")
        }
        throw Diagnostic("unknown sslmode '\(text)'", location: location, hints: hints)
    }

    private static func decoded(_ text: Substring, part: String) throws(Diagnostic) -> String {
        guard let value = PercentEncoding.decode(text) else {
            throw Diagnostic("the \(part) '\(text)' in the address has a broken %-escape",
                             hints: ["a '%' starts an escape of two hex digits (%20 is a space); write a '%' itself as %25"])
        }
        return value
    }
}
