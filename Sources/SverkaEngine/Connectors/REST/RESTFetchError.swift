import Foundation
import SverkaSyntax

/// The messages of a page that could not be fetched: what happened, to which page, and what
/// to check — never the credentials themselves.
enum RESTFetchError {
    /// "page 3 (https://…/leads?page=3)": the page and its URL, a token parameter hidden.
    /// A token the server echoed into a link is blanked too.
    static func page(_ number: Int, _ url: URL, _ credentials: RESTCredentials) -> String {
        "page \(number) (\(credentials.redacted(RESTURL.display(url, hiding: credentials.hiddenParameter))))"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.0f s", value) : String(format: "%.1f s", value)
    }

    private static func attemptsText(_ attempts: Int) -> String {
        attempts == 1 ? "" : ", \(attempts) attempts"
    }

    /// An HTTP answer that ends the load.
    static func status(_ response: RESTResponse, page number: Int, url: URL, credentials: RESTCredentials,
                       attempts: Int) -> Diagnostic {
        let status = response.status
        let reason = HTTPStatusText.reason(status)
        let here = page(number, url, credentials)
        var error: Diagnostic
        switch status {
        case 401:
            error = refused(status: status, page: here, credentials: credentials)
        case 403:
            error = Diagnostic("the API refused access (HTTP 403 \(reason)) for \(here)")
            if let kept = credentials.whereKept {
                error = error.hint("the credentials were accepted but may not be allowed to read this; check \(kept) (it is never shown)")
            } else {
                error = error.hint("no credentials were sent; give token_env: \"VARIABLE\", or user_env: and password_env:")
            }
        case 404:
            error = Diagnostic("the API has nothing at this address: HTTP 404 \(reason) for \(here)")
                .hint("check the URL's path against the API's documentation")
        case 429:
            error = Diagnostic("the API still limits the rate (HTTP 429 \(reason)) for \(here)\(attemptsText(attempts))")
                .hint("raise retries: (each waits as long as the API asks), or run the load later")
        case 500...599:
            error = Diagnostic("the API failed: HTTP \(status) \(reason) for \(here)\(attemptsText(attempts))")
            if RESTRetryPolicy.isRetryable(status: status) {
                error = error.hint("the server's trouble; try again later, or raise retries:")
            }
        case 300...399:
            error = Diagnostic("the API answered HTTP \(status) \(reason) for \(here), with no redirect to follow")
        default:
            error = Diagnostic("the API refused the request: HTTP \(status) \(reason) for \(here)")
                .hint("check the URL and the query parameters against the API's documentation")
        }
        if let said = RESTServerMessage.text(in: response) {
            error = error.hint("the server said: " + credentials.redacted(said))
        }
        return error
    }

    /// 401: the credentials named by where they are kept, never shown. (No colon follows a
    /// word such as "credentials" or a variable like AMO_TOKEN: output redaction would take the
    /// next word for a secret.)
    static func refused(status: Int, page here: String, credentials: RESTCredentials) -> Diagnostic {
        let error = Diagnostic("the API refused the credentials (HTTP \(status) \(HTTPStatusText.reason(status))) for \(here)")
        guard let kept = credentials.whereKept else {
            return error.hint("no credentials were sent; give token_env: \"VARIABLE\" (a bearer token), or user_env: and password_env: (basic)")
        }
        return error.hint("check \(kept); a wrong or expired one is the usual cause (it is never shown)")
    }

    /// A request that got no HTTP answer to read.
    static func transport(_ failure: RESTTransportFailure, page number: Int, url: URL, credentials: RESTCredentials,
                          attempts: Int, timeout: Double) -> Diagnostic {
        let here = page(number, url, credentials)
        let hidden = credentials.hiddenParameter
        switch failure {
        case .timedOut:
            return Diagnostic("no answer from the API within \(seconds(timeout)) for \(here)\(attemptsText(attempts))")
                .hint("raise timeout: (seconds to wait for an answer) or retries:")
        case .connection(let what):
            return Diagnostic("cannot reach the API: \(what), for \(here)\(attemptsText(attempts))")
                .hint("check the server's address and port, and that it is running")
        case .truncated(let what):
            return Diagnostic("the answer for \(here) was cut short: \(what)\(attemptsText(attempts))")
                .hint("the connection closed before the whole page arrived; try again, or raise retries:")
        case .tls(let what):
            return Diagnostic("the TLS connection for \(here) failed: \(what)")
                .hint("sverka always verifies certificates; a server with a company's own CA needs that CA trusted (see help load)")
        case .redirectLoop(let chain):
            return Diagnostic("redirects go round in a circle for \(here): "
                              + chain.map { RESTURL.display($0, hiding: hidden) }.joined(separator: " → "))
                .hint("check the URL; a login page that redirects to itself often means missing credentials")
        case .tooManyRedirects(let chain):
            let hops = chain.isEmpty ? "" : ": " + chain.map { RESTURL.display($0, hiding: hidden) }.joined(separator: " → ")
            return Diagnostic("more than \(URLSessionWatcher.longestChain) redirects for \(here)\(hops)")
                .hint("give the URL the redirects end at")
        case .insecureRedirect(let target):
            return Diagnostic("the server redirected \(here) from https to plain http (\(RESTURL.display(target, hiding: hidden))); refused")
                .hint("the credentials and the data would travel unencrypted; ask for the https address")
        case .authenticationChallenge(let status):
            return refused(status: status, page: here, credentials: credentials)
        case .interrupted:
            return interrupted()
        case .other(let what):
            return Diagnostic("the request for \(here) failed: \(what)")
        }
    }

    static func interrupted() -> Diagnostic {
        Diagnostic("load interrupted", hints: ["the workspace is unchanged"])
    }

    /// A pause the server asks for that is longer than sverka waits.
    static func waitTooLong(_ asked: Double, status: Int, page number: Int, url: URL, credentials: RESTCredentials,
                            limit: Double) -> Diagnostic {
        Diagnostic("the API asks to wait \(seconds(asked)) before \(page(number, url, credentials)) (HTTP \(status), Retry-After), longer than the \(seconds(limit)) sverka waits")
            .hint("run the load later; the workspace is unchanged")
    }

    /// A failure in words for an event: "the connection was refused".
    static func words(_ failure: RESTTransportFailure) -> String {
        switch failure {
        case .timedOut: return "no answer"
        case .connection(let what), .truncated(let what), .tls(let what), .other(let what): return what
        case .redirectLoop, .tooManyRedirects, .insecureRedirect: return "a redirect refused"
        case .authenticationChallenge(let status): return "HTTP \(status)"
        case .interrupted: return "interrupted"
        }
    }
}
