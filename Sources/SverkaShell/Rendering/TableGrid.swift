import SverkaSyntax

/// Lays out cells already turned into text as a box-drawn table sized by display width.
struct TableGrid {
    private let columnCount: Int
    var rightAligned: [Bool]
    private var headers: [[String]] = []
    private var rows: [[String]] = []

    init(columnCount: Int) {
        self.columnCount = columnCount
        rightAligned = Array(repeating: false, count: columnCount)
    }

    mutating func addHeader(_ cells: [String]) { headers.append(cells) }

    mutating func addRow(_ cells: [String]) { rows.append(cells) }

    /// The table, each line ending in a newline.
    func render() -> String {
        let measured = (headers + rows).map { line in line.map { ($0, DisplayWidth.of($0)) } }
        var widths = Array(repeating: 1, count: columnCount)
        for line in measured {
            for (index, (_, width)) in line.enumerated() where index < columnCount {
                widths[index] = max(widths[index], width)
            }
        }
        var out = border(widths, left: "┌", middle: "┬", right: "┐")
        for line in measured.prefix(headers.count) {
            out += content(line, widths: widths)
        }
        if !rows.isEmpty {
            out += border(widths, left: "├", middle: "┼", right: "┤")
            for line in measured.dropFirst(headers.count) {
                out += content(line, widths: widths)
            }
        }
        out += border(widths, left: "└", middle: "┴", right: "┘")
        return out
    }

    private func border(_ widths: [Int], left: String, middle: String, right: String) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
    }

    private func content(_ line: [(text: String, width: Int)], widths: [Int]) -> String {
        var out = "│"
        for index in 0..<columnCount {
            let (text, width) = index < line.count ? line[index] : ("", 0)
            let padding = String(repeating: " ", count: max(0, widths[index] - width))
            out += rightAligned[index] ? " \(padding)\(text) │" : " \(text)\(padding) │"
        }
        return out + "\n"
    }
}
