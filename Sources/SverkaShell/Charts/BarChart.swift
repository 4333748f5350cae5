import SverkaSyntax

/// A horizontal bar chart in text: a label, a bar of block characters scaled to the widest
/// value, and the value, one line per point, in the given width.
///
///     Москва       ████████████████████████████▍ 1,250,000.00
///     Уфа          ████████████▊                   456,300.00
///
/// With negative values the bars grow both ways from a zero axis `│`, on one scale; bars to
/// the left are drawn in half cells (text has no right-aligned eighths). A value that is not
/// zero always shows at least its smallest block, so that it is never taken for nothing.
struct BarChart: Sendable {
    var title: String
    var points: [ChartPoint]
    /// The whole line's width in terminal columns.
    var width: Int

    /// A label never takes more than this share of the line, nor more than `maximumLabelWidth`.
    static let maximumLabelWidth = 30
    /// The bars get at least this many columns, however narrow the terminal.
    static let minimumBarWidth = 8

    /// The chart's lines, title first, each ending in a newline.
    func render() -> String {
        let valueWidth = points.map { DisplayWidth.of($0.text) }.max() ?? 1
        // Labels give way first on a narrow line: the bars keep their minimum, the values stay whole.
        let room = width - valueWidth - 2 - Self.minimumBarWidth
        let labelWidth = max(1, min(Self.maximumLabelWidth, width / 3, room, points.map { DisplayWidth.of($0.label) }.max() ?? 1))
        let barWidth = max(Self.minimumBarWidth, width - labelWidth - valueWidth - 2)
        let layout = Layout(values: points.compactMap(\.value), cells: barWidth)
        var out = title + "\n"
        for point in points {
            let bar = layout.bar(point.value)
            out += ChartText.fitted(point.label, width: labelWidth) + " " + bar + " "
                + ChartText.rightAligned(point.text, width: valueWidth) + "\n"
        }
        return out
    }

    /// How the bar area is split around zero, and how many cells a unit takes.
    struct Layout: Sendable {
        /// Cells left of the axis (0 when no value is negative).
        let negativeCells: Int
        let positiveCells: Int
        /// Cells per unit of value, the same on both sides.
        let scale: Double

        init(values: [Double], cells: Int) {
            let largest = max(0, values.max() ?? 0)
            let smallest = min(0, values.min() ?? 0)
            guard smallest < 0 else {
                negativeCells = 0
                positiveCells = cells
                scale = largest > 0 ? Double(cells) / largest : 0
                return
            }
            // One cell is the axis; the rest is shared in proportion to the two extremes.
            let available = cells - 1
            let span = largest - smallest
            var left = Int((Double(available) * -smallest / span).rounded())
            left = largest > 0 ? min(max(1, left), available - 1) : available
            negativeCells = left
            positiveCells = available - left
            scale = min(Double(left) / -smallest, largest > 0 ? Double(available - left) / largest : .infinity)
        }

        /// The bar area for one value, exactly `negativeCells + axis + positiveCells` wide.
        func bar(_ value: Double?) -> String {
            var left = String(repeating: " ", count: negativeCells)
            var right = String(repeating: " ", count: positiveCells)
            if let value, value > 0 {
                let eighths = min(positiveCells * 8, max(1, Int((value * scale * 8).rounded())))
                right = Self.padded(BlockGlyphs.bar(eighths: eighths), to: positiveCells)
            } else if let value, value < 0 {
                let halves = min(negativeCells * 2, max(1, Int((-value * scale * 2).rounded())))
                let bar = BlockGlyphs.leftwardBar(halves: halves)
                left = String(repeating: " ", count: negativeCells - bar.count) + bar
            }
            return negativeCells > 0 ? left + "│" + right : right
        }

        private static func padded(_ bar: String, to cells: Int) -> String {
            bar + String(repeating: " ", count: max(0, cells - bar.count))
        }
    }
}
