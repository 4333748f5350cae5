import SverkaEngine

/// What `reconcile` found: one line per kind, in the order of `MismatchKind`, and what else
/// the run noticed. The table itself is `mismatches` in the workspace.
public struct ReconcileReport: Sendable {
    public struct Line: Sendable, Hashable {
        public var kind: MismatchKind
        public var count: Int
        /// The sum of the kind's `diff` column; nil when no row has one.
        public var diff: ExactDecimal?
        /// Why a kind was not checked, when it was not.
        public var skipped: String?
    }

    public var lines: [Line]
    public var asOf: CalendarDate?
    /// Journal entries whose invoice has now arrived in accounting, marked delivered by this run.
    public var delivered: Int
    public var seconds: Double

    public var total: Int { lines.reduce(0) { $0 + $1.count } }

    public func count(of kind: MismatchKind) -> Int {
        lines.first { $0.kind == kind }?.count ?? 0
    }

    /// The summary as a result: kind, count, diff, note; the last row the total.
    public static let columns = [
        ResultColumn(name: "kind", type: .text), ResultColumn(name: "count", type: .integer),
        ResultColumn(name: "diff", type: .decimal(scale: 2)), ResultColumn(name: "note", type: .text),
    ]

    public var rows: [[Value]] {
        var rows = lines.map { line -> [Value] in
            [.text(line.kind.rawValue), .integer(Int64(line.count)), line.diff.map(Value.decimal) ?? .null,
             line.skipped.map(Value.text) ?? .null]
        }
        rows.append([.text("total"), .integer(Int64(total)), .null, .null])
        return rows
    }

    /// One line for stderr: how many, where, as of when.
    public var message: String {
        var text = total == 0 ? "reconcile: no mismatches" : "reconcile: \(total) mismatch\(total == 1 ? "" : "es") in table mismatches"
        if let asOf { text += " (as of \(asOf.iso))" }
        if delivered > 0 {
            text += "; \(delivered) invoice\(delivered == 1 ? "" : "s") sent by sync now in accounting (journal: delivered)"
        }
        return text
    }
}
