/// What one column's values have shown so far in the first pass: which types every value fits.
struct ColumnInference {
    struct Candidates: OptionSet {
        let rawValue: UInt8
        static let number = Candidates(rawValue: 1)
        static let date = Candidates(rawValue: 2)
        static let dateTime = Candidates(rawValue: 4)
        static let bool = Candidates(rawValue: 8)
        static let all: Candidates = [.number, .date, .dateTime, .bool]
    }

    /// Why a column that looked typed had to become text.
    enum TextReason {
        case leadingZeros
        case tooLarge
        case tooManyDecimals
        /// Some other value that fits none of the types left.
        case other(was: Candidates)
    }

    /// The value that made the column text, for the note.
    struct Disqualifier {
        var line: Int
        var value: String
        var reason: TextReason
        /// Non-empty values seen before it, all of which fitted.
        var typedBefore: Int
    }

    var candidates = Candidates.all
    var nulls = 0
    var values = 0
    var sawWhole = false
    var sawFraction = false
    var maxScale = 0
    /// The largest magnitude before the decimal point, to check that rescaling fits 64 bits.
    var maxIntegerPart: UInt64 = 0
    var sawDateOnly = false
    var disqualifier: Disqualifier?

    /// Folds one field in; `line` is the record's physical line, kept if the field turns the column to text.
    @inline(__always)
    mutating func observe(_ field: UnsafeBufferPointer<UInt8>, line: Int) {
        if field.isEmpty {
            nulls += 1
            return
        }
        values += 1
        if candidates.isEmpty { return }
        var fits: Candidates = []
        var reason: TextReason?
        let first = field[0]
        if candidates.contains(.number), FieldSyntax.isDigit(first) || first == UInt8(ascii: "-") {
            switch FieldSyntax.numberShape(field) {
            case .integer(let magnitude):
                fits.insert(.number)
                sawWhole = true
                maxIntegerPart = max(maxIntegerPart, magnitude)
            case .decimal(let integerPart, let scale):
                fits.insert(.number)
                sawFraction = true
                maxScale = max(maxScale, scale)
                maxIntegerPart = max(maxIntegerPart, integerPart)
            case .leadingZero: reason = .leadingZeros
            case .tooLarge: reason = .tooLarge
            case .tooManyDecimals: reason = .tooManyDecimals
            case .notNumber: break
            }
        }
        if candidates.contains(.dateTime), field.count >= 10, FieldSyntax.isDigit(first) {
            if FieldSyntax.isDate(field) {
                fits.formUnion([.date, .dateTime])
                sawDateOnly = true
            } else if FieldSyntax.dateTime(field) != nil {
                fits.insert(.dateTime)
            }
        }
        if candidates.contains(.bool), field.count <= 5, FieldSyntax.bool(field) != nil {
            fits.insert(.bool)
        }
        let remaining = candidates.intersection(fits)
        if remaining.isEmpty, disqualifier == nil {
            disqualifier = Disqualifier(line: line, value: String(decoding: field, as: UTF8.self),
                                        reason: reason ?? .other(was: candidates), typedBefore: values - 1)
        }
        candidates = remaining
    }

    /// True when every value, rescaled to `scale` places, fits 64-bit minor units.
    func decimalsFit(scale: Int) -> Bool {
        let factor = UInt64(ExactDecimal.powerOfTen(scale))
        let (scaled, overflow) = maxIntegerPart.multipliedReportingOverflow(by: factor)
        let (withFraction, overflow2) = scaled.addingReportingOverflow(factor - 1)
        return !overflow && !overflow2 && withFraction <= UInt64(Int64.max)
    }
}
