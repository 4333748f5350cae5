/// How far an API load has come, for a progress line: pages and records so far, and what it is
/// waiting for when it waits.
public struct RESTProgress: Sendable {
    public var pages: Int
    public var records: Int
    /// Seconds since the load started.
    public var elapsed: Double
    /// While pausing before asking again: "page 3: HTTP 429, asked again after 1.0 s (Retry-After)".
    public var waiting: String?

    public init(pages: Int, records: Int, elapsed: Double, waiting: String? = nil) {
        self.pages = pages
        self.records = records
        self.elapsed = elapsed
        self.waiting = waiting
    }
}

/// What an API load did: the table's load report, and the pages and requests it took.
public struct RESTLoadReport: Sendable {
    public var load: LoadReport
    public var pages: Int
    /// Requests sent: one per page, plus each retry.
    public var requests: Int
}
