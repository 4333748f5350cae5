import SverkaSyntax

/// When a test's failures make it warn or fail. With neither threshold a test fails on any
/// failure (dbt's default: severity error, `!= 0`); with `warn if` alone it never fails; with
/// `fail if` alone, failures that stay within the limit warn.
public struct DataTestThresholds: Sendable, Hashable {
    public var warn: DataTestThreshold?
    public var fail: DataTestThreshold?

    public init(warn: DataTestThreshold? = nil, fail: DataTestThreshold? = nil) {
        self.warn = warn
        self.fail = fail
    }

    public func status(forFailures failures: Int) -> DataTestStatus {
        switch (warn, fail) {
        case (nil, nil):
            return failures > 0 ? .fail : .pass
        case (let warn?, nil):
            return warn.holds(for: failures) ? .warn : .pass
        case (let warn, let fail?):
            if fail.holds(for: failures) { return .fail }
            return (warn?.holds(for: failures) ?? (failures > 0)) ? .warn : .pass
        }
    }

    /// The rule a failing test broke, as it would be written: `fail if > 10`, or the default.
    public var failRule: String { "fail if \(fail?.description ?? "> 0")" }
}

/// `> 10`: the failing-row count compared with a limit.
public struct DataTestThreshold: Sendable, Hashable, CustomStringConvertible {
    public var comparison: BinaryOperator
    public var limit: Int64

    public init(_ comparison: BinaryOperator, _ limit: Int64) {
        self.comparison = comparison
        self.limit = limit
    }

    public func holds(for failures: Int) -> Bool {
        let count = Int64(failures)
        switch comparison {
        case .greater: return count > limit
        case .greaterOrEqual: return count >= limit
        case .less: return count < limit
        case .lessOrEqual: return count <= limit
        case .equal: return count == limit
        case .notEqual: return count != limit
        default: return false
        }
    }

    public var description: String { "\(comparison.rawValue) \(limit)" }
}
