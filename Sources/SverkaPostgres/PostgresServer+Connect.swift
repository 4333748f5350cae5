import PostgresNIO
import SverkaSyntax

extension PostgresServer {
    /// Connects and authenticates, then sets the session up so that the text of values reads
    /// the same on every server: ISO dates, ISO 8601 intervals, floats that read back exactly,
    /// UTF-8.
    public static func connect(to address: PostgresAddress, password: String?,
                               connectTimeout seconds: Double = 10) throws(Diagnostic) -> PostgresServer {
        guard seconds > 0, seconds <= 86_400 else {
            throw Diagnostic("the connect timeout must be more than 0 and at most 86400 seconds, not \(seconds)",
                             hints: ["use 10 seconds, the default, unless the network is slow"])
        }
        let configuration = try configuration(for: address, password: password, timeout: seconds)
        let opened = BlockingWait.run {
            try await PostgresConnection.connect(configuration: configuration, id: 1, logger: PostgresServer.logger)
        }
        let connection: PostgresConnection
        switch opened {
        case .success(let value): connection = value
        case .failure(let error):
            throw ConnectFailure.diagnostic(error, address: address)
        }
        let server = PostgresServer(address: address, connection: connection, password: password)
        do {
            server.backendProcessID = try server.scalarText("""
                SELECT pg_backend_pid()::text,
                       set_config('DateStyle', 'ISO, YMD', false),
                       set_config('IntervalStyle', 'iso_8601', false),
                       set_config('extra_float_digits', '1', false),
                       set_config('client_encoding', 'UTF8', false)
                """)
        } catch {
            server.close()
            throw error
        }
        return server
    }

    static func configuration(for address: PostgresAddress, password: String?,
                              timeout seconds: Double) throws(Diagnostic) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if address.isUnixSocket {
            configuration = .init(unixSocketPath: address.unixSocketPath, username: address.user,
                                  password: password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user,
                                  password: password, database: address.database, tls: try tls(address.tls))
        }
        configuration.options.connectTimeout = .nanoseconds(Int64(seconds * 1e9))
        return configuration
    }

    private static func tls(_ mode: PostgresTLSMode) throws(Diagnostic) -> PostgresConnection.Configuration.TLS {
        guard mode != .disable else { return .disable }
        let context: NIOSSLContext
        do {
            // The default client configuration verifies the certificate chain and the host name.
            context = try NIOSSLContext(configuration: .makeClientConfiguration())
        } catch {
            throw Diagnostic("cannot set up TLS: \(error)",
                             hints: ["check the system's certificate store; sslmode=disable only on a network you trust"])
        }
        return mode == .require ? .require(context) : .prefer(context)
    }
}
