/// The type of a column as sverka means it, whatever SQLite stores underneath.
///
/// | logical type   | stored in SQLite as                         |
/// |----------------|---------------------------------------------|
/// | integer        | INTEGER                                     |
/// | decimal(scale) | INTEGER minor units (`12.50` → 1250, scale 2) |
/// | number         | REAL (ratios, percentages: not money)       |
/// | text           | TEXT                                        |
/// | date           | TEXT `yyyy-MM-dd`                           |
/// | datetime       | TEXT `yyyy-MM-dd HH:mm:ss`                  |
/// | bool           | INTEGER 0 or 1                              |
public enum LogicalType: Sendable, Hashable, CustomStringConvertible {
    case integer
    case decimal(scale: Int)
    case number
    case text
    case date
    case datetime
    case bool
    /// The type of a bare `null`: fits anywhere.
    case null

    /// The largest scale a decimal keeps: 18 digits fit in 64 bits with room for sums.
    public static let maximumScale = 9

    public var description: String {
        switch self {
        case .integer: return "integer"
        case .decimal(let scale): return "decimal(\(scale))"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        case .datetime: return "datetime"
        case .bool: return "bool"
        case .null: return "null"
        }
    }

    /// Parses the catalog's spelling (`decimal(2)`), and the names users write in options
    /// (`money` is a decimal with two places; `int`, `real`, `string` are accepted too).
    public init?(catalogName: String) {
        let name = catalogName.lowercased().trimmingCharacters(in: .whitespaces)
        switch name {
        case "integer", "int", "bigint": self = .integer
        case "money": self = .decimal(scale: 2)
        case "decimal": self = .decimal(scale: 2)
        case "number", "real", "float", "double": self = .number
        case "text", "string": self = .text
        case "date": self = .date
        case "datetime", "timestamp": self = .datetime
        case "bool", "boolean": self = .bool
        case "null": self = .null
        default:
            guard name.hasPrefix("decimal("), name.hasSuffix(")"),
                  let scale = Int(name.dropFirst(8).dropLast()),
                  (0...LogicalType.maximumScale).contains(scale) else { return nil }
            self = .decimal(scale: scale)
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .number: return true
        default: return false
        }
    }

    public var isTemporal: Bool { self == .date || self == .datetime }

    /// The SQL column type used when creating a table of this type (for SQLite's affinity).
    public var storageDeclaration: String {
        switch self {
        case .integer, .decimal, .bool: return "INTEGER"
        case .number: return "REAL"
        case .text, .date, .datetime, .null: return "TEXT"
        }
    }
}

import Foundation
