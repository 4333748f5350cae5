/// What one field of a CSV column is, as far as the column's type is concerned. A column's
/// type and format are decided from how many values of each kind it holds.
enum ValueKind: UInt8, CaseIterable, Sendable {
    case empty
    /// Text that makes the whole column text: leading zeros, too many digits, a formula guard.
    case identifier
    /// Anything else that is no number, date or bool.
    case other
    /// A number that reads the same with either decimal separator: `1234`, `-5`, `1 234`.
    case number
    /// A number only with a decimal point (`12.5`, `1,234.50`) or only with a decimal comma (`12,5`, `1 234,50`).
    case pointNumber, commaNumber
    /// A number both ways, differently: `1,234` (1234, or 1.234 with a decimal comma) and
    /// `1.500` (1.5, or 1500 with dot thousands).
    case eitherComma, eitherDot
    case isoDate, isoDateTime, dottedDate, dottedDateTime
    /// `05/06/2026`: a real date read day first and month first.
    case slashedDate, slashedDateTime
    /// `13/01/2026`: only day first. `01/13/2026`: only month first.
    case dayFirstDate, dayFirstDateTime, monthFirstDate, monthFirstDateTime
    case bool

    static let count = ValueKind.allCases.count

    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// The kinds that are numbers under at least one reading.
    static let numbers: [ValueKind] = [.number, .pointNumber, .commaNumber, .eitherComma, .eitherDot]
    static let dates: [ValueKind] = [.isoDate, .isoDateTime, .dottedDate, .dottedDateTime, .slashedDate, .slashedDateTime,
                                     .dayFirstDate, .dayFirstDateTime, .monthFirstDate, .monthFirstDateTime]

    var hasTime: Bool {
        switch self {
        case .isoDateTime, .dottedDateTime, .slashedDateTime, .dayFirstDateTime, .monthFirstDateTime: return true
        default: return false
        }
    }
}

/// How many values of each kind a column holds: a fixed block of counters, updated in place.
struct KindCounts {
    private var storage: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    subscript(kind: ValueKind) -> Int {
        get {
            withUnsafeBytes(of: storage) { $0.load(fromByteOffset: Int(kind.rawValue) * MemoryLayout<Int>.stride, as: Int.self) }
        }
        set {
            withUnsafeMutableBytes(of: &storage) {
                $0.storeBytes(of: newValue, toByteOffset: Int(kind.rawValue) * MemoryLayout<Int>.stride, as: Int.self)
            }
        }
    }

    func sum(_ kinds: [ValueKind]) -> Int { kinds.reduce(0) { $0 + self[$1] } }
}
