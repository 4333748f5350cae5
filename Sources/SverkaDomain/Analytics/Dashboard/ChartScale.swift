/// A value axis with round ticks: 0 to 1,250,000 becomes 0, 500,000, 1,000,000, 1,500,000.
struct ChartScale {
    let low: Double
    let high: Double
    let step: Double

    /// Round ticks covering `values` and zero, about `ticks` intervals of 1, 2, 2.5 or 5 × 10ⁿ.
    init(covering values: [Double], ticks: Int = 4) {
        let top = max(0, values.max() ?? 0)
        let bottom = min(0, values.min() ?? 0)
        let span = top - bottom
        guard span > 0, span.isFinite else {
            low = 0
            high = 1
            step = 0.25
            return
        }
        let raw = span / Double(ticks)
        let power = pow10(raw)
        let normalized = raw / power
        let nice = [1, 2, 2.5, 5, 10].first { $0 >= normalized - 1e-9 } ?? 10
        step = nice * power
        low = (bottom / step).rounded(.down) * step
        high = (top / step).rounded(.up) * step
    }

    var ticks: [Double] {
        var values: [Double] = []
        var value = low
        while value <= high + step / 2 {
            values.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return values
    }

    /// Where `value` falls between `bottom` (low) and `top` (high), in drawing coordinates.
    func position(_ value: Double, bottom: Double, top: Double) -> Double {
        bottom - (value - low) / (high - low) * (bottom - top)
    }
}

/// 10 to the power of the order of magnitude of `value` (positive).
private func pow10(_ value: Double) -> Double {
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    return power
}
