/// How a JSON API hands out its records a page at a time.
public enum RESTPaging: Sendable, Hashable {
    /// One request, one page.
    case single
    /// Each page links to the next at a path in its body (`_links.next.href`); no link, no more pages.
    case nextLink(path: String)
    /// Pages numbered from `first` in the query parameter `parameter` (`page=1`, `page=2`, …),
    /// optionally asking for `size` records per page in `sizeParameter`.
    case pageNumber(parameter: String, first: Int, sizeParameter: String?, size: Int?)
    /// Records skipped in `parameter` (`$skip=0`, `$skip=100`, …), advanced by the records each
    /// page held, optionally asking for `size` records per page in `sizeParameter` (`$top`).
    case offset(parameter: String, sizeParameter: String?, size: Int?)
    /// Each page's body holds a cursor at `path` (`next_cursor`, Bitrix24's `next`), sent back in
    /// the query parameter `parameter`; no cursor, no more pages.
    case cursor(path: String, parameter: String)

    /// For the notes and the stored options: `next link at '_links.next.href'`.
    public var description: String {
        switch self {
        case .single:
            return "one page"
        case .nextLink(let path):
            return "next link at '\(path)'"
        case .pageNumber(let parameter, let first, let sizeParameter, let size):
            return "page numbers in '\(parameter)' from \(first)" + Self.sizeText(sizeParameter, size)
        case .offset(let parameter, let sizeParameter, let size):
            return "offsets in '\(parameter)'" + Self.sizeText(sizeParameter, size)
        case .cursor(let path, let parameter):
            return "cursor at '\(path)' sent as '\(parameter)'"
        }
    }

    private static func sizeText(_ parameter: String?, _ size: Int?) -> String {
        switch (parameter, size) {
        case (let parameter?, let size?): return ", \(size) records a page in '\(parameter)'"
        case (nil, let size?): return ", \(size) records a page"
        default: return ""
        }
    }
}
