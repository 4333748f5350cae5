/// Whether the connection is encrypted, as `?sslmode=` says it.
///
/// Unlike libpq's `prefer` and `require`, which encrypt without checking whom they talk to,
/// both modes here verify the server's certificate against the system's trust roots (what libpq
/// calls `verify-full`): a reconciliation reads money, and an encrypted line to an impostor
/// protects nothing.
public enum PostgresTLSMode: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP: only on a network you trust (or a local socket, which never uses TLS).
    case disable
    /// TLS when the server offers it, plain otherwise.
    case prefer
    /// TLS or no connection.
    case require
}
