import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with URLSession — on Linux FoundationNetworking, which drives libcurl — one
/// at a time, waiting for each answer while watching for Ctrl-C. Redirects are followed by
/// URLSession and checked by `URLSessionWatcher`; TLS certificates are verified, always.
final class URLSessionTransport: RESTTransport {
    /// However steadily a server trickles bytes, one answer may take no longer than this.
    static let longestAnswer = 600.0

    private let session: URLSession
    private let watcher: URLSessionWatcher
    private let isInterrupted: @Sendable () -> Bool

    /// `timeout`: seconds without a byte before a request is given up. `anchors`: certificates
    /// (DER) trusted besides the system's, where the platform lets URLSession add them.
    init(timeout: Double, anchors: [Data] = [], isInterrupted: @escaping @Sendable () -> Bool) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout, Self.longestAnswer)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        // Credentials go into each request explicitly; none are looked up or remembered.
        configuration.urlCredentialStorage = nil
        watcher = URLSessionWatcher(anchors: anchors)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: watcher, delegateQueue: queue)
        self.isInterrupted = isInterrupted
    }

    deinit {
        session.invalidateAndCancel()
    }

    func send(_ request: URLRequest) -> RESTExchange {
        guard let url = request.url else { return .failed(.other("the request has no URL")) }
        watcher.begin(at: url)
        let outcome = URLSessionOutcome()
        let task = session.dataTask(with: request) { data, response, error in
            outcome.finish(data: data, response: response, error: error)
        }
        task.resume()
        var interrupted = false
        while !outcome.wait(seconds: 0.1) {
            if !interrupted, isInterrupted() {
                interrupted = true
                task.cancel()
            }
        }
        if interrupted { return .failed(.interrupted) }
        if let refused = watcher.refusal() { return .failed(refused) }
        let (data, response, error) = outcome.result
        if let error { return .failed(Self.failure(error)) }
        guard let http = response as? HTTPURLResponse else { return .failed(.other("the answer is not HTTP")) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .answered(RESTResponse(status: http.statusCode, headers: headers, body: [UInt8](data ?? Data()),
                                      url: http.url ?? url))
    }

    /// What an URLSession error means for the load.
    static func failure(_ error: Error) -> RESTTransportFailure {
        let error = error as NSError
        let said = (error.userInfo[NSLocalizedDescriptionKey] as? String).flatMap { $0 == "(null)" || $0.isEmpty ? nil : $0 }
        func told(_ words: String) -> String { said.map { "\(words) (\($0))" } ?? words }
        switch error.code {
        case NSURLErrorTimedOut:
            return .timedOut
        case NSURLErrorCannotConnectToHost:
            return .connection(told("the connection was refused"))
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            return .connection(told("the server's name was not found"))
        case NSURLErrorNetworkConnectionLost:
            return .connection(told("the connection was lost"))
        case NSURLErrorNotConnectedToInternet:
            return .connection(told("this machine is not connected to a network"))
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateUntrusted,
             NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid:
            return .tls(told("the server's certificate is not trusted, or the TLS handshake failed"))
        case NSURLErrorClientCertificateRejected, NSURLErrorClientCertificateRequired:
            return .tls(told("the server asks for a client certificate"))
        case NSURLErrorHTTPTooManyRedirects:
            return .tooManyRedirects([])
        default:
            // libcurl's own words reach FoundationNetworking as code -1 (unknown).
            let lowered = (said ?? "").lowercased()
            if lowered.contains("bytes remaining") || lowered.contains("transfer closed") || lowered.contains("partial file") {
                return .truncated(said ?? "the connection closed early")
            }
            if lowered.contains("ssl") || lowered.contains("certificate") || lowered.contains("tls") {
                return .tls(said ?? "the TLS handshake failed")
            }
            if lowered.contains("connect") || lowered.contains("reset") || lowered.contains("empty reply") {
                return .connection(said ?? "the connection failed")
            }
            return .other(said ?? "URLSession error \(error.code)")
        }
    }
}

/// One request's completion, handed from URLSession's queue to the waiting thread.
private final class URLSessionOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func finish(data: Data?, response: URLResponse?, error: Error?) {
        lock.lock()
        (self.data, self.response, self.error) = (data, response, error)
        lock.unlock()
        done.signal()
    }

    /// True once the request has finished; false when `seconds` passed first.
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    var result: (Data?, URLResponse?, Error?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
