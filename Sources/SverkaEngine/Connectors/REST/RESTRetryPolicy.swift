import Foundation

/// When to ask for a page again, and how long to wait first.
///
/// Connection errors, time-outs, answers cut short and 5xx answers are asked again after an
/// exponential back-off with jitter (0.5 s, 1 s, 2 s … each between half and all of that), so
/// that many clients failing together do not come back in step. A 429 or 503 with `Retry-After`
/// waits what the server asks, up to `longestWait`.
struct RESTRetryPolicy: Sendable {
    /// How many times one page is asked again; 0 asks once.
    var retries: Int
    var firstDelay = 0.5
    var longestDelay = 30.0
    /// A server asking for a longer pause than this is not waited for: the load fails and says so.
    var longestWait = 300.0

    /// The back-off before retry number `attempt` (1 for the first retry); `random` gives a
    /// number in 0…1 (injected so that tests can pin it).
    func backOff(attempt: Int, random: Double) -> Double {
        let full = min(longestDelay, firstDelay * pow(2, Double(max(0, attempt - 1))))
        return full / 2 + full / 2 * min(1, max(0, random))
    }

    /// Whether an answer with this status is worth asking for again. 501 (not implemented) and
    /// 505 (version not supported) will not change by waiting.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || ((500...599).contains(status) && status != 501 && status != 505)
    }
}

/// `Retry-After`: seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, and the two
/// obsolete forms RFC 9110 still asks clients to read).
enum RESTRetryAfter {
    /// Seconds to wait from `now`; nil when the header is absent or unreadable. A date in the
    /// past means no wait.
    static func seconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return seconds >= 0 ? Double(seconds) : nil }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
