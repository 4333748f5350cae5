import SverkaEngine

/// One bar of a bar chart or one column of a line chart: what it is called, how long it is,
/// and how its value is printed.
struct ChartPoint: Sendable, Hashable {
    var label: String
    /// The value the chart is scaled by; nil when the rows gave none (a gap, not a zero).
    var value: Double?
    /// The value as printed beside the bar or on the axis: money with its separators.
    var text: String

    init(label: String, value: Double?, text: String) {
        self.label = label
        self.value = value
        self.text = text
    }

    /// A point from a key and a total as the result typed them.
    init(key: Value, total: Value) {
        label = ChartText.label(key)
        value = ChartText.magnitude(total)
        text = ChartText.value(total)
    }
}
