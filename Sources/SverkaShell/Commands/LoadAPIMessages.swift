import SverkaEngine

/// The lines `load api` prints on stderr, like a file load's: one summary with the pages, the
/// records and the time, then the notes worth reading (retries and waits, a page limit reached).
enum LoadAPIMessages {
    static func summary(_ report: RESTLoadReport, url: String) -> String {
        let load = report.load
        let columns = load.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        let rows = load.rows == 1 ? "1 row" : "\(load.rows) rows"
        let pages = report.pages == 1 ? "1 page" : "\(report.pages) pages"
        let time = String(format: "%.2f s", load.seconds)
        return "loaded \(rows) into \(load.table) (\(columns)) from \(pages) of \(url) in \(time)\n"
            + load.highlights.map { "  \($0)\n" }.joined()
    }
}
