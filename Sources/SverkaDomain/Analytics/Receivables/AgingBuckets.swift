import SverkaEngine
import SverkaSyntax

/// The bands of days overdue that aging sorts debt into: `current` (not yet due), then one band
/// per edge, then one past the last edge. Edges 30, 60, 90 make current, 1-30, 31-60, 61-90, 90+.
public struct AgingBuckets: Sendable, Hashable, CustomStringConvertible {
    /// The last day of each overdue band, increasing: `[30, 60, 90]`.
    public let edges: [Int]

    public static let standard = AgingBuckets(checked: [30, 60, 90])

    /// The largest edge accepted: ten years of days.
    public static let maximumEdge = 3650

    /// Edges must be whole days above 0, increasing, at most `maximumEdge`; at least one.
    public init(edges: [Int]) throws(Diagnostic) {
        guard !edges.isEmpty else {
            throw Diagnostic("aging needs at least one bucket edge").hint("for example: edges: \"30,60,90\"")
        }
        for (offset, edge) in edges.enumerated() {
            guard (1...Self.maximumEdge).contains(edge) else {
                throw Diagnostic("a bucket edge is a number of days from 1 to \(Self.maximumEdge), not \(edge)")
                    .hint("for example: edges: \"30,60,90\"")
            }
            if offset > 0, edge <= edges[offset - 1] {
                throw Diagnostic("bucket edges must increase: \(edges[offset - 1]) is followed by \(edge)")
                    .hint("for example: edges: \"30,60,90\"")
            }
        }
        self.edges = edges
    }

    private init(checked edges: [Int]) {
        self.edges = edges
    }

    /// `current`, then `1-30`, `31-60`, …, then `90+`: the band names in order.
    public var names: [String] {
        var names = ["current"]
        var first = 1
        for edge in edges {
            names.append(first == edge ? "\(edge)" : "\(first)-\(edge)")
            first = edge + 1
        }
        names.append("\(edges[edges.count - 1])+")
        return names
    }

    /// The number of bands, `current` included.
    public var count: Int { edges.count + 2 }

    /// The band (an index into `names`) of a debt overdue by `days` days; 0 or less is current.
    public func index(forDaysOverdue days: Int) -> Int {
        guard days > 0 else { return 0 }
        return (edges.firstIndex { days <= $0 } ?? edges.count) + 1
    }

    /// For each overdue band, the earliest due date that still falls in it on `asOf`: a debt due
    /// on or after `thresholds[k]` (and before the previous threshold) is in band k. The first
    /// is `asOf` itself (current), then `asOf` minus each edge.
    public func thresholds(asOf: CalendarDate) -> [CalendarDate] {
        [asOf] + edges.map { asOf.adding(days: -$0) }
    }

    /// `30, 60, 90`.
    public var description: String { edges.map(String.init).joined(separator: ", ") }
}
