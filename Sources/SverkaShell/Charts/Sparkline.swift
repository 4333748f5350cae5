/// A series drawn as one line of lower blocks, one character per value: `▁▂▄▇█▆`. The lowest
/// value is `▁` and the highest `█`, so the shape shows, not the scale; a missing value is a
/// space, and a flat series sits at `▄` (or `▁` when it is all zeros).
struct Sparkline: Sendable, Hashable {
    var values: [Double?]

    init(_ values: [Double?]) {
        self.values = values
    }

    var text: String {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else {
            return String(repeating: " ", count: values.count)
        }
        let glyphs = BlockGlyphs.lowerEighths
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            guard high > low else { return value == 0 ? glyphs[0] : glyphs[3] }
            let level = ((value - low) / (high - low) * Double(glyphs.count - 1)).rounded()
            return glyphs[min(glyphs.count - 1, max(0, Int(level)))]
        })
    }
}
