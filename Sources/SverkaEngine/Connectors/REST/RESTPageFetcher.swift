import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SverkaSyntax

/// Something that happened on the way to a page, for the notes and the progress line:
/// "page 3: HTTP 429, waited 1 s (Retry-After)".
struct RESTEvent: Sendable, Equatable {
    var page: Int
    /// What went wrong: "HTTP 500", "no answer within 30 s".
    var problem: String
    /// Seconds waited before asking again.
    var waited: Double
    /// True when the server said how long (Retry-After).
    var asked: Bool

    var text: String {
        "page \(page): \(problem), asked again after \(seconds)" + (asked ? " (Retry-After)" : "")
    }

    /// For the progress line while the pause lasts.
    var waitingText: String {
        "page \(page): \(problem), waiting \(seconds)" + (asked ? " (Retry-After)" : "")
    }

    private var seconds: String {
        waited < 10 ? String(format: "%.1f s", waited) : String(format: "%.0f s", waited)
    }
}

/// Fetches one page: the request with its headers and credentials, retries with back-off on
/// connection errors and 5xx, the server's `Retry-After` on 429, and a clear error for what
/// cannot be retried (401, 403, 404, a redirect loop, an untrusted certificate).
struct RESTPageFetcher {
    let transport: RESTTransport
    let credentials: RESTCredentials
    let policy: RESTRetryPolicy
    let timeout: Double
    /// Waits between attempts; throws when interrupted. Injected so that tests need not sleep.
    let wait: (Double) throws(Diagnostic) -> Void
    /// 0…1 for the back-off's jitter.
    let random: () -> Double
    /// Called before each wait, for the progress line.
    var onEvent: (RESTEvent) -> Void = { _ in }

    static let userAgent = "sverka"

    /// The page's body (empty for 204 No Content) and the URL that answered.
    func fetch(_ url: URL, page: Int) throws(Diagnostic) -> RESTResponse {
        var attempt = 0
        while true {
            attempt += 1
            let exchange = transport.send(request(for: url))
            let problem: String
            var asked: Double?
            switch exchange {
            case .answered(let response) where (200...299).contains(response.status):
                return response
            case .answered(let response):
                guard RESTRetryPolicy.isRetryable(status: response.status), attempt <= policy.retries else {
                    throw RESTFetchError.status(response, page: page, url: url, credentials: credentials, attempts: attempt)
                }
                problem = "HTTP \(response.status)"
                asked = RESTRetryAfter.seconds(response.header("Retry-After"))
                if let asked, asked > policy.longestWait {
                    throw RESTFetchError.waitTooLong(asked, status: response.status, page: page, url: url,
                                                     credentials: credentials, limit: policy.longestWait)
                }
            case .failed(let failure):
                guard failure.isRetryable, attempt <= policy.retries else {
                    throw RESTFetchError.transport(failure, page: page, url: url, credentials: credentials,
                                                   attempts: attempt, timeout: timeout)
                }
                problem = failure == .timedOut ? "no answer within \(RESTFetchError.seconds(timeout))" : RESTFetchError.words(failure)
            }
            let delay = asked ?? policy.backOff(attempt: attempt, random: random())
            onEvent(RESTEvent(page: page, problem: problem, waited: delay, asked: asked != nil))
            try wait(delay)
        }
    }

    /// The request for `url`: JSON asked for, sverka named, credentials added.
    func request(for url: URL) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        credentials.apply(to: &request)
        return request
    }
}
