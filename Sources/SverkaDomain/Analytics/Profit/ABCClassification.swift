/// The Pareto class of a row by its revenue.
public enum ABCClass: String, Sendable, Hashable {
    case a = "A", b = "B", c = "C"
}

/// ABC analysis: rank the rows by revenue, largest first; a row is A while the revenue of the
/// rows ranked before it is under 80% of the total, B while it is under 95%, and C after that.
/// So the first row is always A, the row that carries the total past 80% is still A (A is the
/// smallest set of top rows that makes at least 80%), and likewise for B at 95%. Rows with no
/// positive revenue make none of it and are C. The comparisons are exact (integer kopecks).
public enum ABCClassification {
    /// The cumulative shares, in percent, that close classes A and B.
    public static let aLimit: Int64 = 80
    public static let bLimit: Int64 = 95

    /// The class of each revenue, in the order given. Equal revenues rank in the order given, so
    /// callers pass rows already in their tie-break order.
    public static func classify(_ revenues: [Int64]) -> [ABCClass] {
        let ranked = revenues.indices.sorted { revenues[$0] > revenues[$1] || (revenues[$0] == revenues[$1] && $0 < $1) }
        let total = revenues.reduce(Int64(0)) { $0 + max($1, 0) }
        var classes = [ABCClass](repeating: .c, count: revenues.count)
        var before: Int64 = 0
        for index in ranked {
            let revenue = revenues[index]
            guard revenue > 0 else { break }
            if below(before, percent: aLimit, of: total) {
                classes[index] = .a
            } else if below(before, percent: bLimit, of: total) {
                classes[index] = .b
            }
            before += revenue
        }
        return classes
    }

    /// `part / total < percent / 100`, compared on 128-bit products.
    private static func below(_ part: Int64, percent: Int64, of total: Int64) -> Bool {
        let left = part.multipliedFullWidth(by: 100)
        let right = total.multipliedFullWidth(by: percent)
        return (left.high, left.low) < (right.high, right.low)
    }
}
