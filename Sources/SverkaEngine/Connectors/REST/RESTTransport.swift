import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP answer, whatever its status.
struct RESTResponse: Sendable {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]
    /// The URL that answered, after any redirects.
    var url: URL

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP answer to read.
enum RESTTransportFailure: Sendable, Equatable {
    /// Nothing arrived for the time-out's length.
    case timedOut
    /// The connection could not be made or broke (refused, no such host, reset).
    case connection(String)
    /// The connection closed before the whole answer arrived.
    case truncated(String)
    /// The server's certificate was not trusted, or the TLS handshake failed.
    case tls(String)
    /// Redirects went round: each URL in order, the last one repeating an earlier one.
    case redirectLoop([URL])
    case tooManyRedirects([URL])
    /// A redirect from https to plain http, refused.
    case insecureRedirect(URL)
    /// The server asked for credentials (401 with `WWW-Authenticate`); URLSession does not hand over such answers.
    case authenticationChallenge(status: Int)
    /// The user interrupted (Ctrl-C).
    case interrupted
    case other(String)

    /// Worth asking again: the network or the server may be better in a moment.
    var isRetryable: Bool {
        switch self {
        case .timedOut, .connection, .truncated: return true
        default: return false
        }
    }
}

/// What became of one request.
enum RESTExchange: Sendable {
    case answered(RESTResponse)
    case failed(RESTTransportFailure)
}

/// Sends one request and waits for its answer. `URLSessionTransport` is the real one; tests
/// script answers with a transport of their own.
protocol RESTTransport: AnyObject {
    func send(_ request: URLRequest) -> RESTExchange
}
