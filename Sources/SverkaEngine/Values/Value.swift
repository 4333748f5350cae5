/// One typed value of a result or a variable.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case decimal(ExactDecimal)
    case number(Double)
    case text(String)
    case date(CalendarDate)
    case datetime(CalendarDateTime)
    case bool(Bool)

    public var type: LogicalType {
        switch self {
        case .null: return .null
        case .integer: return .integer
        case .decimal(let value): return .decimal(scale: value.scale)
        case .number: return .number
        case .text: return .text
        case .date: return .date
        case .datetime: return .datetime
        case .bool: return .bool
        }
    }

    public var isNull: Bool { self == .null }

    /// The plain text form: what csv writes and `print` shows. No grouping separators.
    public var description: String {
        switch self {
        case .null: return ""
        case .integer(let value): return String(value)
        case .decimal(let value): return value.description
        case .number(let value): return Value.format(value)
        case .text(let value): return value
        case .date(let value): return value.iso
        case .datetime(let value): return value.iso
        case .bool(let value): return value ? "true" : "false"
        }
    }

    /// Doubles print without a trailing `.0` when whole, and with up to 10 significant decimals.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.10g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// What the value is stored as in a database column of its logical type.
    public var storage: StoredValue {
        switch self {
        case .null: return .null
        case .integer(let value): return .integer(value)
        case .decimal(let value): return .integer(value.units)
        case .number(let value): return .real(value)
        case .text(let value): return .text(value)
        case .date(let value): return .text(value.iso)
        case .datetime(let value): return .text(value.iso)
        case .bool(let value): return .integer(value ? 1 : 0)
        }
    }

    /// Reads a stored value back as the given logical type.
    public static func decode(_ stored: StoredValue, as type: LogicalType) -> Value {
        switch (stored, type) {
        case (.null, _): return .null
        case (.integer(let value), .integer): return .integer(value)
        case (.integer(let value), .decimal(let scale)): return .decimal(ExactDecimal(units: value, scale: scale))
        case (.real(let value), .decimal(let scale)):
            // A real where a decimal was expected (raw SQL): round to the scale rather than truncate.
            let units = (value * Double(ExactDecimal.powerOfTen(scale))).rounded()
            return units.magnitude < 9.2e18 ? .decimal(ExactDecimal(units: Int64(units), scale: scale)) : .number(value)
        case (.integer(let value), .bool): return .bool(value != 0)
        case (.integer(let value), .number): return .number(Double(value))
        case (.real(let value), .number), (.real(let value), .integer): return .number(value)
        case (.text(let value), .date): return CalendarDate(iso: Substring(value)).map(Value.date) ?? .text(value)
        case (.text(let value), .datetime):
            if let datetime = CalendarDateTime(iso: Substring(value)) { return .datetime(datetime) }
            return CalendarDate(iso: Substring(value)).map(Value.date) ?? .text(value)
        case (.text(let value), _): return .text(value)
        case (.integer(let value), _): return .integer(value)
        case (.real(let value), _): return .number(value)
        case (.blob(let bytes), _): return .text("<\(bytes.count) bytes>")
        }
    }
}

/// A value as SQLite holds it: the storage classes, no logical meaning.
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

import Foundation
