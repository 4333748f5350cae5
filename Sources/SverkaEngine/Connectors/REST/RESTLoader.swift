import Foundation
import SverkaSyntax

/// Loads the records of a JSON API into a workspace table: every page fetched first (with
/// retries, back-off and the server's rate limits), then all records through the JSON loader's
/// flattening and the file loads' type inference, into the table in one transaction. A failure
/// on page 4 leaves the old table as it was.
public struct RESTLoader {
    public init() {}

    /// Loads over the network with URLSession; Ctrl-C (the workspace's interrupt) stops it.
    public func load(_ options: RESTOptions, table: String, columnTypes: [String: LogicalType] = [:],
                     into workspace: Workspace,
                     progress: (@Sendable (RESTProgress) -> Void)? = nil) throws(Diagnostic) -> RESTLoadReport {
        let interrupt = workspace.database.interruptHandle.target
        let transport = URLSessionTransport(timeout: options.timeout, anchors: options.anchors,
                                            isInterrupted: { interrupt.isRequested })
        return try load(options, table: table, columnTypes: columnTypes, into: workspace, transport: transport,
                        wait: { seconds throws(Diagnostic) in try Self.pause(seconds, interrupt: interrupt) },
                        random: { Double.random(in: 0...1) }, progress: progress)
    }

    /// The load with its transport, pauses and jitter given, for tests.
    func load(_ options: RESTOptions, table: String, columnTypes: [String: LogicalType], into workspace: Workspace,
              transport: RESTTransport, wait: @escaping (Double) throws(Diagnostic) -> Void, random: @escaping () -> Double,
              progress: (@Sendable (RESTProgress) -> Void)?) throws(Diagnostic) -> RESTLoadReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let elapsed = { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        let display = RESTURL.display(options.url, hiding: options.credentials.hiddenParameter)
        let load = try RowTableLoad(LoadRequest(path: display, table: table, options: LoadOptions(columnTypes: columnTypes)),
                                    into: workspace)
        var pager = RESTPager(paging: options.paging, url: options.url, query: options.query)
        var reader = RESTPageReader(recordsPath: options.recordsPath, pointerPath: Self.pointerPath(options.paging))
        var events: [RESTEvent] = []
        var fetcher = RESTPageFetcher(transport: transport, credentials: options.credentials,
                                      policy: RESTRetryPolicy(retries: options.retries), timeout: options.timeout,
                                      wait: wait, random: random)
        fetcher.onEvent = { event in
            events.append(event)
            progress?(RESTProgress(pages: event.page - 1, records: reader.flattener.rows.count, elapsed: elapsed(),
                                   waiting: event.waitingText))
        }
        var hasher = SHA256()
        var next: URL? = pager.firstURL
        var pages = 0
        var stoppedAt: Int?
        while let url = next {
            if let limit = options.maxPages, pages >= limit {
                stoppedAt = limit
                break
            }
            pages += 1
            let response = try fetcher.fetch(url, page: pages)
            hasher.update(response.body)
            let name = RESTFetchError.page(pages, url, options.credentials)
            let (records, pointer) = try reader.read(response.body, contentType: response.header("Content-Type"), name: name)
            progress?(RESTProgress(pages: pages, records: reader.flattener.rows.count, elapsed: elapsed()))
            next = try pager.next(after: RESTPageFacts(url: url, records: records, pointer: pointer, body: response.body),
                                  number: pages)
            if workspace.database.isInterruptRequested { throw RESTFetchError.interrupted() }
        }
        let table = try rowTable(reader, pages: pages, table: table, display: display)
        let hash = hasher.finalize()
        var report = try load.run(table, origin: display, contentHash: { () throws(Diagnostic) in hash },
                                  formatNotes: notes(options, reader: reader, pages: pages, events: events),
                                  options: options.canonicalText(columnTypes: columnTypes))
        report.highlights = highlights(options, events: events, stoppedAt: stoppedAt)
        return RESTLoadReport(load: report, pages: pages, requests: pages + events.count)
    }

    /// The body path that paging reads on every page, if any.
    static func pointerPath(_ paging: RESTPaging) -> String? {
        switch paging {
        case .nextLink(let path), .cursor(let path, _): return path
        default: return nil
        }
    }

    /// The flattened records as rows, each able to say where its values came from.
    private func rowTable(_ reader: RESTPageReader, pages count: Int, table: String, display: String) throws(Diagnostic) -> RowTable {
        let flattener = reader.flattener
        guard !flattener.names.isEmpty else {
            let pages = count == 1 ? "its one page" : "its \(count) pages"
            throw Diagnostic("the API sent no records with keys on \(pages), so there are no columns to make \(table) of",
                             hints: ["\(table) is left as it was; check the URL, the query parameters and the path option"])
        }
        let pages = reader.pages
        let offsets = flattener.offsets
        let columns = flattener.names.enumerated().map { index, name in
            RowTableColumn(name: name, detail: flattener.arrayColumns.contains(index) ? "arrays kept as JSON text" : nil)
        }
        return RowTable(columns: columns, rows: flattener.rows) { row, column in
            // The page holding the row: the last whose first row is not after it.
            guard let page = pages.last(where: { $0.firstRow <= row }) else { return display }
            return page.bytes.withUnsafeBufferPointer { bytes in
                JSONFieldLocator.location(of: flattener.names[column], inRecordAt: offsets[row], bytes: bytes, path: page.name)
            }
        }
    }

    private func notes(_ options: RESTOptions, reader: RESTPageReader, pages: Int, events: [RESTEvent]) -> [String] {
        let records = reader.flattener.rows.count
        let path = reader.recordsPath.map { $0.isEmpty ? "the top-level array" : "the array at '\($0.joined(separator: "."))'" }
            ?? "no array (every page was empty)"
        let found = reader.foundPath ? ", found as the only array of records in page 1" : ""
        var notes = ["format: JSON from an API, \(pages) page\(pages == 1 ? "" : "s"), \(path) (\(records) record\(records == 1 ? "" : "s")\(found))",
                     "paging: \(options.paging.description)"]
        if let preset = options.preset { notes.append("preset: \(preset)") }
        notes.append("authentication: \(options.credentials.summary)")
        notes.append("requests: \(pages + events.count)" + (events.isEmpty ? "" : ", \(events.count) of them asked again"))
        notes += events.map(\.text)
        if !reader.flattener.nested.isEmpty {
            notes.append("nested objects flattened into parent.child columns: \(JSONRecordReader.list(reader.flattener.nested))")
        }
        return notes
    }

    /// What the summary line is followed by: retries and waits, a page limit reached, and
    /// credentials that went over plain http to another machine.
    private func highlights(_ options: RESTOptions, events: [RESTEvent], stoppedAt: Int?) -> [String] {
        var lines = events.prefix(5).map(\.text)
        if events.count > 5 { lines.append("… and \(events.count - 5) more retries (describe shows them all)") }
        if let stoppedAt {
            lines.append("stopped after max_pages: \(stoppedAt); the API has more pages")
        }
        if options.credentials.whereKept != nil, options.url.scheme == "http", !RESTURL.isLoopback(options.url) {
            lines.append("the credentials went over plain http to \(options.url.host ?? "the server"): anyone on the network can read them; use https")
        }
        return lines
    }

    /// Waits `seconds`, a tenth of a second at a time, stopping early for Ctrl-C.
    static func pause(_ seconds: Double, interrupt: InterruptTarget) throws(Diagnostic) {
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        while true {
            if interrupt.isRequested { throw RESTFetchError.interrupted() }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < end else { return }
            usleep(UInt32(min(100_000, (end - now) / 1000)))
        }
    }
}
