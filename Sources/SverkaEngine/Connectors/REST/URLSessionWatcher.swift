import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Security)
import Security
#endif

/// URLSession's delegate for one request at a time: follows redirects only while they make
/// sense, keeps credentials from other servers, and answers authentication challenges.
///
/// URLSession follows redirects by itself; left alone it would go round a loop until its own
/// limit and report only "too many redirects". Here every hop is seen: a URL already visited
/// stops at once with the whole circle to show, more than `longestChain` hops stop too, and a
/// hop from https to http is refused. The `Authorization` header goes only to the origin the
/// request was meant for.
final class URLSessionWatcher: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    static let longestChain = 10

    private let lock = NSLock()
    /// DER certificates trusted besides the system's (only where URLSession can be told so).
    private let anchors: [Data]
    private var chain: [URL] = []
    private var refused: RESTTransportFailure?

    init(anchors: [Data]) {
        self.anchors = anchors
    }

    /// Starts watching a new request.
    func begin(at url: URL) {
        lock.lock()
        chain = [url]
        refused = nil
        lock.unlock()
    }

    /// Why the request was stopped here, if it was: a redirect loop, or credentials asked for.
    func refusal() -> RESTTransportFailure? {
        lock.lock()
        defer { lock.unlock() }
        return refused
    }

    private func refuse(_ failure: RESTTransportFailure) {
        lock.lock()
        refused = refused ?? failure
        lock.unlock()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        guard let target = request.url else {
            completionHandler(nil)
            return
        }
        lock.lock()
        let before = chain
        chain.append(target)
        lock.unlock()
        let first = before.first ?? target
        if before.contains(where: { $0.absoluteString == target.absoluteString }) {
            refuse(.redirectLoop(before + [target]))
            completionHandler(nil)
        } else if before.count > Self.longestChain {
            refuse(.tooManyRedirects(before + [target]))
            completionHandler(nil)
        } else if before.last?.scheme?.lowercased() == "https", target.scheme?.lowercased() != "https" {
            refuse(.insecureRedirect(target))
            completionHandler(nil)
        } else if RESTURL.origin(of: target) != RESTURL.origin(of: first) {
            var stripped = request
            stripped.setValue(nil, forHTTPHeaderField: "Authorization")
            completionHandler(stripped)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        #if canImport(Security)
        if challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust {
            trust(challenge, completionHandler: completionHandler)
            return
        }
        #endif
        // A 401 with WWW-Authenticate: the credentials sent (or none) were refused. Sending
        // others, or asking, is not for a connector; the answer itself never reaches the
        // completion handler on Linux, so the status is kept here.
        let status = (challenge.failureResponse as? HTTPURLResponse)?.statusCode ?? 401
        refuse(.authenticationChallenge(status: status))
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    #if canImport(Security)
    /// Server trust on Apple's platforms: the system's verification, plus the `ca_file`
    /// certificates as extra anchors. Never switched off. (On Linux, libcurl verifies against
    /// the system's store and URLSession sends no such challenge.)
    private func trust(_ challenge: URLAuthenticationChallenge,
                       completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        guard !anchors.isEmpty, let trust = challenge.protectionSpace.serverTrust else {
            completionHandler(.performDefaultHandling, nil)
            return
        }
        let certificates = anchors.compactMap { SecCertificateCreateWithData(nil, $0 as CFData) }
        SecTrustSetAnchorCertificates(trust, certificates as CFArray)
        SecTrustSetAnchorCertificatesOnly(trust, false)
        var error: CFError?
        if SecTrustEvaluateWithError(trust, &error) {
            completionHandler(.useCredential, URLCredential(trust: trust))
        } else {
            refuse(.tls("the server's certificate is not trusted, even with the ca_file's certificates"))
            completionHandler(.cancelAuthenticationChallenge, nil)
        }
    }
    #endif
}
