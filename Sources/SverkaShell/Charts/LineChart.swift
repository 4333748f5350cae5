import SverkaSyntax

/// A series over time drawn as columns of block characters, `height` rows high, exact to an
/// eighth of a row, with the scale on the left, the keys underneath and a closing line naming
/// the last, highest and lowest points.
///
///     1,300,000.00 ┤          ▆█
///                  │       ▃▅███
///             0.00 ┤▁▃█████████
///                  └────────────
///                   2026-01    2026-12
///
/// Values below zero hang from the zero line in half rows (text has no upper eighths). A gap
/// (a key with no value) is an empty column. When there are more points than columns, the
/// last ones that fit are drawn and the chart says so.
struct LineChart: Sendable {
    var title: String
    /// In key order, oldest first.
    var points: [ChartPoint]
    /// The whole line's width in terminal columns.
    var width: Int
    var height: Int
    /// Zero, printed like the values (`0.00` for money), for the axis.
    var zeroText: String

    static let defaultHeight = 8
    /// A point never takes more columns than this, however few points there are.
    static let maximumColumnWidth = 6

    func render() -> String {
        let plotWidth = max(1, width - 2 - axisWidth(of: points))
        let shown = Array(points.suffix(plotWidth))
        let valued = shown.compactMap { point in point.value.map { (point: point, value: $0) } }
        let highest = valued.max { $0.value < $1.value }
        let lowest = valued.min { $0.value < $1.value }
        let topText = highest.map { $0.value > 0 ? $0.point.text : zeroText } ?? zeroText
        let bottomText = lowest.map { $0.value < 0 ? $0.point.text : zeroText } ?? zeroText
        let axisWidth = max(DisplayWidth.of(topText), DisplayWidth.of(bottomText), DisplayWidth.of(zeroText))
        let columnWidth = min(Self.maximumColumnWidth, max(1, plotWidth / max(1, shown.count)))
        let scale = Scale(values: valued.map(\.value), rows: height)

        var out = title + "\n"
        if shown.count < points.count {
            out += "(the last \(shown.count) of \(points.count) points: the terminal is \(width) columns wide)\n"
        }
        for row in stride(from: height - 1, through: 0, by: -1) {
            var label = ""
            if row == height - 1 { label = topText }
            if row == 0 { label = bottomText }
            if scale.zeroRow > 0, scale.zeroRow < height, row == scale.zeroRow { label = zeroText }
            let tick = label.isEmpty ? "│" : "┤"
            var line = ChartText.rightAligned(label, width: axisWidth) + " " + tick
            for point in shown {
                line += String(repeating: scale.glyph(point.value, row: row), count: columnWidth)
            }
            out += line + "\n"
        }
        out += String(repeating: " ", count: axisWidth) + " └" + String(repeating: "─", count: shown.count * columnWidth) + "\n"
        out += String(repeating: " ", count: axisWidth + 2) + Self.keyLine(shown.map(\.label), columnWidth: columnWidth) + "\n"
        if let last = valued.last, let highest, let lowest {
            let parts = [("last", last.point), ("highest", highest.point), ("lowest", lowest.point)]
            out += parts.map { "\($0.0) \($0.1.label): \($0.1.text)" }.joined(separator: " · ") + "\n"
        }
        return out
    }

    /// The widest text the scale may print: the values' and zero's.
    private func axisWidth(of points: [ChartPoint]) -> Int {
        (points.map { DisplayWidth.of($0.text) } + [DisplayWidth.of(zeroText)]).max() ?? 1
    }

    /// The keys under their columns, left to right, each where it starts, skipping any that
    /// would run into the one before.
    static func keyLine(_ labels: [String], columnWidth: Int) -> String {
        var line = ""
        var used = 0
        for (index, label) in labels.enumerated() {
            let start = index * columnWidth
            guard start >= used + (used > 0 ? 1 : 0) else { continue }
            line += String(repeating: " ", count: start - used) + label
            used = start + DisplayWidth.of(label)
        }
        return line
    }

    /// Where zero is and how many eighths of a row a unit takes.
    struct Scale: Sendable {
        let rows: Int
        /// The row just above zero: columns for positive values start at its bottom.
        let zeroRow: Int
        /// Eighths of a row per unit of value, the same above and below zero.
        let eighthsPerUnit: Double

        init(values: [Double], rows: Int) {
            self.rows = rows
            let high = max(0, values.max() ?? 0)
            let low = min(0, values.min() ?? 0)
            guard high > low else {
                zeroRow = 0
                eighthsPerUnit = 0
                return
            }
            var zero = Int((Double(rows) * -low / (high - low)).rounded())
            if low < 0 && high > 0 { zero = min(max(1, zero), rows - 1) }
            zeroRow = zero
            let up = high > 0 ? Double((rows - zero) * 8) / high : .infinity
            let down = low < 0 ? Double(zero * 8) / -low : .infinity
            eighthsPerUnit = min(up, down)
        }

        /// What a column of `value` shows in `row` (0 is the bottom row).
        func glyph(_ value: Double?, row: Int) -> Character {
            guard let value, value != 0, eighthsPerUnit > 0 else { return " " }
            if value > 0 {
                guard row >= zeroRow else { return " " }
                let eighths = min((rows - zeroRow) * 8, max(1, Int((value * eighthsPerUnit).rounded())))
                let filled = eighths - (row - zeroRow) * 8
                guard filled > 0 else { return " " }
                return BlockGlyphs.lowerEighths[min(8, filled) - 1]
            }
            guard row < zeroRow else { return " " }
            let halves = min(zeroRow * 2, max(1, Int((-value * eighthsPerUnit / 4).rounded())))
            let depth = zeroRow - 1 - row
            if depth < halves / 2 { return BlockGlyphs.full }
            return depth == halves / 2 && halves % 2 == 1 ? BlockGlyphs.upperHalf : " "
        }
    }
}
