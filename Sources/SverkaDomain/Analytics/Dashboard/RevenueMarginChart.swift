/// The dashboard's chart: gross margin in percent as a line in a band across the top, revenue
/// per month as bars underneath, on one time axis — two panels rather than two value axes on one,
/// so that no bar is read against the wrong scale and no label sits on another. Each bar and
/// point carries its figure. Inline SVG: the page needs nothing from the network.
struct RevenueMarginChart {
    struct Month {
        var label: String
        var revenue: Double
        var revenueText: String
        var margin: Double?
        var marginText: String?
    }

    var months: [Month]

    static let width = 1160.0
    static let height = 380.0
    private static let left = 96.0, right = 24.0
    /// The margin band, then the revenue panel, then the month labels and the legend.
    private static let marginTop = 30.0, marginBottom = 104.0
    /// About how wide a digit of the 11-pixel figures is, to tell whether a figure fits its bar.
    private static let characterWidth = 6.4
    private static let revenueTop = 142.0, revenueBottom = 324.0

    var svg: String {
        let plotLeft = Self.left, plotRight = Self.width - Self.right
        let money = ChartScale(covering: months.map(\.revenue))
        let margins = months.compactMap(\.margin)
        let percent = ChartScale(covering: margins + [0, 100], ticks: 2)
        let slot = (plotRight - plotLeft) / Double(max(1, months.count))
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
            + "aria-label=\"Revenue and gross margin by month\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += gridlines(money, top: Self.revenueTop, bottom: Self.revenueBottom, suffix: "")
        if !margins.isEmpty {
            svg += gridlines(percent, top: Self.marginTop, bottom: Self.marginBottom, suffix: "%", className: "axis margin-axis")
        }
        let zero = money.position(0, bottom: Self.revenueBottom, top: Self.revenueTop)
        for (index, month) in months.enumerated() {
            let x = plotLeft + slot * Double(index)
            let y = money.position(month.revenue, bottom: Self.revenueBottom, top: Self.revenueTop)
            let barTop = min(y, zero), barHeight = abs(zero - y)
            svg += "<rect class=\"bar\" x=\"\(c(x + slot * 0.15))\" y=\"\(c(barTop))\" width=\"\(c(slot * 0.7))\" height=\"\(c(barHeight))\">"
                + "<title>\(HTMLText.escape(month.label)): \(HTMLText.escape(month.revenueText))</title></rect>\n"
            // The exact figure when it fits over its bar; else a short one (the bar's title keeps it whole).
            let fits = Double(month.revenueText.count) * Self.characterWidth <= slot * 0.96
            svg += "<text class=\"value\" x=\"\(c(x + slot / 2))\" y=\"\(c(barTop - 6))\" text-anchor=\"middle\">"
                + HTMLText.escape(fits ? month.revenueText : Self.compact(month.revenue)) + "</text>\n"
            svg += "<text class=\"axis\" x=\"\(c(x + slot / 2))\" y=\"\(c(Self.revenueBottom + 20))\" text-anchor=\"middle\">"
                + HTMLText.escape(month.label) + "</text>\n"
        }
        svg += "<line class=\"baseline\" x1=\"\(c(plotLeft))\" y1=\"\(c(zero))\" x2=\"\(c(plotRight))\" y2=\"\(c(zero))\"/>\n"
        svg += marginLine(percent, slot: slot, left: plotLeft, bottom: Self.marginBottom, top: Self.marginTop)
        svg += legend(hasMargin: !margins.isEmpty, y: Self.height - 10)
        return svg + "</svg>"
    }

    /// A panel's horizontal lines with their values at the left.
    private func gridlines(_ scale: ChartScale, top: Double, bottom: Double, suffix: String, className: String = "axis") -> String {
        var svg = ""
        for tick in scale.ticks {
            let y = c(scale.position(tick, bottom: bottom, top: top))
            svg += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(y)\" x2=\"\(c(Self.width - Self.right))\" y2=\"\(y)\"/>"
            svg += "<text class=\"\(className)\" x=\"\(c(Self.left - 8))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + HTMLText.escape(Self.compact(tick)) + suffix + "</text>\n"
        }
        return svg
    }

    /// The margin as a line broken where a month has none, with a dot and a label per point.
    /// The margin as a line broken where a month has none, with a dot and a label per point.
    private func marginLine(_ scale: ChartScale, slot: Double, left: Double, bottom: Double, top: Double) -> String {
        var svg = ""
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg += "<polyline class=\"margin\" points=\"\(run.joined(separator: " "))\"/>\n" }
            run = []
        }
        for (index, month) in months.enumerated() {
            guard let margin = month.margin else {
                flush()
                continue
            }
            let x = c(left + slot * (Double(index) + 0.5)), y = scale.position(margin, bottom: bottom, top: top)
            run.append("\(x),\(c(y))")
            svg += "<circle class=\"margin-dot\" cx=\"\(x)\" cy=\"\(c(y))\" r=\"4\"/>"
            svg += "<text class=\"margin-value\" x=\"\(x)\" y=\"\(c(y - 10))\" text-anchor=\"middle\">"
                + HTMLText.escape(month.marginText ?? "") + "</text>\n"
        }
        flush()
        return svg
    }

    private func legend(hasMargin: Bool, y: Double) -> String {
        var svg = "<rect class=\"bar\" x=\"\(c(Self.left))\" y=\"\(c(y - 9))\" width=\"14\" height=\"10\"/>"
            + "<text class=\"axis\" x=\"\(c(Self.left + 20))\" y=\"\(c(y))\">revenue</text>"
        if hasMargin {
            svg += "<line class=\"margin\" x1=\"\(c(Self.left + 110))\" y1=\"\(c(y - 4))\" x2=\"\(c(Self.left + 130))\" y2=\"\(c(y - 4))\"/>"
                + "<text class=\"axis\" x=\"\(c(Self.left + 136))\" y=\"\(c(y))\">gross margin, % (top band)</text>"
        }
        return svg + "\n"
    }

    private func c(_ value: Double) -> String { HTMLText.coordinate(value) }

    /// An axis label: `1.5M`, `250k`, `40`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        func trimmed(_ number: Double) -> String {
            let tenths = (number * 10).rounded() / 10
            return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
        }
        if magnitude >= 1_000_000_000 { return trimmed(value / 1_000_000_000) + "B" }
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 1_000 { return trimmed(value / 1_000) + "k" }
        return trimmed(value)
    }
}

/// A sparkline as a small SVG polyline, broken where a value is missing, ending in a dot.
struct SVGSparkline {
    var values: [Double?]

    static let width = 132.0
    static let height = 30.0

    var svg: String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return "" }
        let span = high > low ? high - low : 1
        let step = Self.width / Double(max(1, values.count - 1))
        func point(_ index: Int, _ value: Double) -> String {
            let y = high > low ? Self.height - 3 - (value - low) / span * (Self.height - 6) : Self.height / 2
            return "\(HTMLText.coordinate(Double(index) * step)),\(HTMLText.coordinate(y))"
        }
        var svg = "<svg class=\"spark\" viewBox=\"-4 0 \(Int(Self.width) + 8) \(Int(Self.height))\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\">"
        var run: [String] = []
        for (index, value) in values.enumerated() {
            if let value { run.append(point(index, value)) } else {
                if run.count > 1 { svg += "<polyline points=\"\(run.joined(separator: " "))\"/>" }
                run = []
            }
        }
        if run.count > 1 { svg += "<polyline points=\"\(run.joined(separator: " "))\"/>" }
        if let last = values.indices.last, let value = values[last] {
            let coordinates = point(last, value).split(separator: ",")
            svg += "<circle cx=\"\(coordinates[0])\" cy=\"\(coordinates[1])\" r=\"2.5\"/>"
        }
        return svg + "</svg>"
    }
}
