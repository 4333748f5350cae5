import Foundation

/// How to read a JSON API into a table: where, how its pages go, who asks, and how patiently.
public struct RESTOptions: Sendable {
    /// The first page's address as the user wrote it (checked by `RESTURL.parse`).
    public var url: URL
    /// Keys down to the array of records in each page (`_embedded.leads`); nil: the top-level
    /// array, or the only array of records in page 1.
    public var recordsPath: String?
    public var paging: RESTPaging = .single
    /// Added to every request (to the first only, with next links, which carry their own).
    public var query: [RESTQueryItem] = []
    public var credentials: RESTCredentials = .none
    /// Seconds without an answer before a request is given up (and asked again).
    public var timeout: Double = 30
    /// How many times one page is asked again after a connection error, a 5xx or a 429.
    public var retries: Int = 3
    /// Pages to read at most; nil: all of them.
    public var maxPages: Int?
    /// PEM certificates to trust besides the system's (`ca_file`), as DER.
    public var anchors: [Data] = []
    /// The preset the options started from, for the notes and the stored options.
    public var preset: String?

    public init(url: URL) {
        self.url = url
    }

    /// The stored options text: a later `describe` shows how the table was read. Where the
    /// credentials are kept is recorded, never what they are.
    func canonicalText(columnTypes: [String: LogicalType]) -> String {
        var parts = ["format: api"]
        if let preset { parts.append("preset: \(preset)") }
        if let recordsPath { parts.append("path: \(recordsPath)") }
        parts.append("paging: \(paging.description)")
        if !query.isEmpty { parts.append("query: \(query.text)") }
        parts.append("auth: \(credentials.summary)")
        if let maxPages { parts.append("max_pages: \(maxPages)") }
        if !anchors.isEmpty { parts.append("ca_file: \(anchors.count) certificate\(anchors.count == 1 ? "" : "s")") }
        if !columnTypes.isEmpty {
            parts.append("types: " + columnTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}
