import SverkaEngine
import SverkaSyntax

/// The rows of a result gathered into one total per key, in the order the keys first appear:
/// `chart bar amount by region from deals` draws each region's sum. Money is added exactly, in
/// minor units; a key whose values are all null has a null total (a gap, not a zero).
struct ChartSeries {
    let valueType: LogicalType
    private(set) var keys: [Value] = []
    private var totals: [Value: Total] = [:]

    init(valueType: LogicalType) {
        self.valueType = valueType
    }

    private enum Total {
        case none
        case integer(Int64)
        case units(Int64, scale: Int)
        case number(Double)
    }

    /// Adds one row's value to its key's total; throws when a sum of money would overflow.
    mutating func add(key: Value, value: Value) throws(Diagnostic) {
        if totals[key] == nil {
            keys.append(key)
            totals[key] = Total.none
        }
        guard let total = totals[key] else { return }
        totals[key] = try Self.adding(value, to: total)
    }

    /// Every key with its total, typed like the column.
    var entries: [(key: Value, total: Value)] {
        keys.map { key in (key, Self.value(of: totals[key] ?? Total.none)) }
    }

    private static func adding(_ value: Value, to total: Total) throws(Diagnostic) -> Total {
        switch (value, total) {
        case (.null, _): return total
        case (.integer(let integer), .none): return .integer(integer)
        case (.integer(let integer), .integer(let sum)):
            let (result, overflow) = sum.addingReportingOverflow(integer)
            if overflow { throw overflowError }
            return .integer(result)
        case (.decimal(let decimal), .none): return .units(decimal.units, scale: decimal.scale)
        case (.decimal(let decimal), .units(let sum, let scale)):
            guard let rescaled = decimal.rescaled(to: scale) else { throw overflowError }
            let (result, overflow) = sum.addingReportingOverflow(rescaled.units)
            if overflow { throw overflowError }
            return .units(result, scale: scale)
        default:
            // Mixed storage (raw SQL results) falls back to floating point: it is a picture.
            return .number((magnitude(of: total) ?? 0) + (ChartText.magnitude(value) ?? 0))
        }
    }

    private static func magnitude(of total: Total) -> Double? {
        switch total {
        case .none: return nil
        case .integer(let integer): return Double(integer)
        case .units(let units, let scale): return ExactDecimal(units: units, scale: scale).doubleValue
        case .number(let number): return number
        }
    }

    private static func value(of total: Total) -> Value {
        switch total {
        case .none: return .null
        case .integer(let integer): return .integer(integer)
        case .units(let units, let scale): return .decimal(ExactDecimal(units: units, scale: scale))
        case .number(let number): return .number(number)
        }
    }

    private static let overflowError = Diagnostic("the values add up to more than a 64-bit sum holds")
        .hint("chart a grouped query with smaller totals, or fewer rows")
}
