import Foundation
import SverkaSyntax

/// What the pager needs to know about a page it asked for, to ask for the next one.
struct RESTPageFacts {
    var url: URL
    var records: Int
    /// The text at the paging path in the body (a next link or a cursor), nil when absent or null.
    var pointer: String?
    /// The body as received: a server that ignores the paging parameter sends the same page again.
    var body: [UInt8]
}

/// Walks an API's pages: the first URL, then each next one from what the last page held. Knows
/// when paging has ended and refuses to go round in circles (a next link or cursor seen before,
/// a page identical to the one before, a link to another server).
struct RESTPager {
    let paging: RESTPaging
    /// The URL of page 1, with the user's query parameters and the first page's paging ones.
    let firstURL: URL
    private let base: URL
    private var pageNumber: Int
    private var offset = 0
    /// The most records an earlier page held: a shorter page after it is the last.
    private var largestPage = 0
    private var visited: [String: Int] = [:]
    private var cursors: [String: Int] = [:]
    private var previousBody: [UInt8]?
    private(set) var pagesSeen = 0

    /// `url` is the address as the user wrote it, `query` the parameters to add to every
    /// request (to the first only, for next links, which carry their own).
    init(paging: RESTPaging, url: URL, query: [RESTQueryItem]) {
        self.paging = paging
        base = RESTURL.adding(query, to: url)
        if case .pageNumber(_, let first, _, _) = paging { pageNumber = first } else { pageNumber = 1 }
        firstURL = RESTURL.adding(Self.pagingItems(paging, page: pageNumber, offset: 0), to: base)
    }

    /// The paging parameters of one request.
    private static func pagingItems(_ paging: RESTPaging, page: Int, offset: Int) -> [RESTQueryItem] {
        switch paging {
        case .single, .nextLink, .cursor:
            return []
        case .pageNumber(let parameter, _, let sizeParameter, let size):
            return [RESTQueryItem(parameter, String(page))] + sizeItem(sizeParameter, size)
        case .offset(let parameter, let sizeParameter, let size):
            return [RESTQueryItem(parameter, String(offset))] + sizeItem(sizeParameter, size)
        }
    }

    private static func sizeItem(_ parameter: String?, _ size: Int?) -> [RESTQueryItem] {
        guard let parameter, let size else { return [] }
        return [RESTQueryItem(parameter, String(size))]
    }

    /// The URL of the page after `page` (the `number`th fetched), or nil when it was the last.
    mutating func next(after page: RESTPageFacts, number: Int) throws(Diagnostic) -> URL? {
        pagesSeen = number
        visited[page.url.absoluteString] = visited[page.url.absoluteString] ?? number
        defer {
            largestPage = max(largestPage, page.records)
            previousBody = page.body
        }
        switch paging {
        case .single:
            return nil
        case .nextLink(let path):
            return try link(page, path: path, number: number)
        case .cursor(let path, let parameter):
            guard let cursor = page.pointer, !cursor.isEmpty else { return nil }
            if let earlier = cursors[cursor] {
                throw Diagnostic("the cursor '\(cursor)' at '\(path)' of page \(number) was already given by page \(earlier); paging stopped",
                                 hints: ["the API repeats itself; the workspace is unchanged"])
            }
            cursors[cursor] = number
            return RESTURL.adding([RESTQueryItem(parameter, cursor)], to: base)
        case .pageNumber(let parameter, _, _, _), .offset(let parameter, _, _):
            guard page.records > 0, page.records >= largestPage else { return nil }
            if page.body == previousBody {
                throw Diagnostic("page \(number) is the same as page \(number - 1): the API seems to ignore the parameter '\(parameter)'",
                                 hints: ["check the paging option's parameter name in the API's documentation; the workspace is unchanged"])
            }
            pageNumber += 1
            offset += page.records
            return RESTURL.adding(Self.pagingItems(paging, page: pageNumber, offset: offset), to: base)
        }
    }

    /// The next link of a page: on the same server, and not one already followed.
    private func link(_ page: RESTPageFacts, path: String, number: Int) throws(Diagnostic) -> URL? {
        guard let written = page.pointer, !written.isEmpty else { return nil }
        guard let url = RESTURL.resolve(written, against: page.url) else {
            throw Diagnostic("the next link '\(written)' at '\(path)' of page \(number) is not a URL")
        }
        guard RESTURL.origin(of: url) == RESTURL.origin(of: firstURL) else {
            throw Diagnostic("the next link of page \(number) leads to another server: \(RESTURL.display(url))",
                             hints: ["sverka sends the credentials only to the server of the URL it was given (\(RESTURL.origin(of: firstURL)))"])
        }
        if let earlier = visited[url.absoluteString] {
            throw Diagnostic("the next link of page \(number) leads back to page \(earlier) (\(RESTURL.display(url))); paging stopped",
                             hints: ["the API's links go round in a circle; the workspace is unchanged"])
        }
        return url
    }
}
