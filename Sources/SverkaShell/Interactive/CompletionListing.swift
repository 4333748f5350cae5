import SverkaSyntax

/// Lays out completion candidates in columns, as a shell lists them on a second Tab.
enum CompletionListing {
    /// More than this many are cut short; a list that scrolls off the screen helps nobody.
    static let maximumShown = 200

    /// The candidates in columns down then across, each line ending in a newline.
    static func layout(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(maximumShown))
        guard !shown.isEmpty else { return "" }
        let cell = (shown.map(DisplayWidth.of).max() ?? 0) + 2
        let columns = max(1, min(shown.count, width / max(1, cell)))
        let rows = (shown.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let item = shown[index]
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? item : item + String(repeating: " ", count: cell - DisplayWidth.of(item))
            }
            text += line + "\n"
        }
        if items.count > shown.count { text += "… and \(items.count - shown.count) more\n" }
        return text
    }
}
