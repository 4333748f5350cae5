/// Which decimal readings a load may try, and which grouping characters each allows.
struct NumberReadings: Sendable {
    var pointAllowed = true
    var commaAllowed = true
    var pointThousands = ThousandsRule.allowed(decimal: UInt8(ascii: "."), option: nil)
    var commaThousands = ThousandsRule.allowed(decimal: UInt8(ascii: ","), option: nil)

    init(options: LoadOptions) {
        if let decimal = options.decimal {
            pointAllowed = decimal == UInt8(ascii: ".")
            commaAllowed = decimal == UInt8(ascii: ",")
        }
        pointThousands = ThousandsRule.allowed(decimal: UInt8(ascii: "."), option: options.thousands)
        commaThousands = ThousandsRule.allowed(decimal: UInt8(ascii: ","), option: options.thousands)
    }
}

/// What the numbers of a column look like under one decimal separator.
struct NumberStats: Sendable {
    var sawWhole = false
    var sawFraction = false
    var maxScale = 0
    /// The largest magnitude before the decimal separator, to check that rescaling fits 64 bits.
    var maxIntegerPart: UInt64 = 0
    var features: NumberFeatures = []

    @inline(__always)
    mutating func add(integerPart: UInt64, scale: Int) {
        if scale == 0 {
            sawWhole = true
        } else {
            sawFraction = true
            if scale > maxScale { maxScale = scale }
        }
        if integerPart > maxIntegerPart { maxIntegerPart = integerPart }
    }

    mutating func add(_ number: LocaleNumber) {
        add(integerPart: number.integerPart, scale: number.writtenScale)
        features.formUnion(number.features)
    }

    /// True when every value, rescaled to `scale` places, fits 64-bit minor units.
    func fits(scale: Int) -> Bool {
        let factor = UInt64(ExactDecimal.powerOfTen(scale))
        let (scaled, overflow) = maxIntegerPart.multipliedReportingOverflow(by: factor)
        let (withFraction, overflow2) = scaled.addingReportingOverflow(factor - 1)
        return !overflow && !overflow2 && withFraction <= UInt64(Int64.max)
    }
}

/// Why a value makes its column text.
enum IdentifierReason: Sendable {
    case leadingZeros, tooLarge, tooManyDecimals, formulaGuard
}

/// What one CSV column's values have shown in the first pass: how many of each kind, and the
/// shapes of its numbers, dates and bools. Nothing is decided until every value has been seen.
struct CSVColumnInference {
    var counts = KindCounts()
    /// Non-empty values.
    var values = 0
    /// Kinds seen at least once (bit per kind), so the first of each can be kept as an example.
    var seen: UInt32 = 0
    /// Text whatever follows: later values are only counted.
    var settled = false
    var identifierReason: IdentifierReason?
    var point = NumberStats()
    var comma = NumberStats()
    var currency: CurrencyMark?
    var currencyLine = 0
    /// A second currency (another code): the column cannot be one amount.
    var otherCurrency: CurrencyMark?
    var otherCurrencyLine = 0
    var shortYears = false
    var longYears = false
    var boolKinds: BoolWords.Kinds = []
    /// Values exactly `0` or `1`, which a column asked to be bool accepts.
    var zeroOne = 0

    /// More values of other kinds than this and the column is text for sure.
    static let outlierLimit = 1000

    var nulls: Int { counts[.empty] }

    /// Counts one field; returns its kind.
    @inline(__always)
    mutating func observe(_ field: UnsafeBufferPointer<UInt8>, line: Int, readings: NumberReadings) -> ValueKind {
        if field.isEmpty {
            counts[.empty] += 1
            return .empty
        }
        values += 1
        if settled { return .other }
        let kind = classify(field, line: line, readings: readings)
        counts[kind] += 1
        if kind == .identifier || kind == .other && counts[.other] > Self.outlierLimit { settled = true }
        return kind
    }

    /// True the first time a kind is seen.
    @inline(__always)
    mutating func firstOf(_ kind: ValueKind) -> Bool {
        guard seen & kind.bit == 0 else { return false }
        seen |= kind.bit
        return true
    }

    private mutating func classify(_ field: UnsafeBufferPointer<UInt8>, line: Int, readings: NumberReadings) -> ValueKind {
        let first = field[0]
        if first == UInt8(ascii: "'"), FormulaGuardText.isGuarded(field) { return identifier(.formulaGuard) }
        if FieldSyntax.isDigit(first) || first == UInt8(ascii: "-") {
            // ISO numbers, the common case, take the strict byte scan of the foundation.
            switch FieldSyntax.numberShape(field) {
            case .integer(let magnitude):
                point.add(integerPart: magnitude, scale: 0)
                comma.add(integerPart: magnitude, scale: 0)
                if field.count == 1, first <= UInt8(ascii: "1") { zeroOne += 1 }
                return .number
            case .decimal(let integerPart, let scale):
                point.add(integerPart: integerPart, scale: scale)
                // `1.500` with a decimal comma is 1500 in dot thousands; rarely meant, but possible.
                if readings.commaAllowed, readings.commaThousands.contains(.dot), scale == 3, integerPart >= 1, integerPart <= 999 {
                    if case .number(let grouped) = LocaleNumberParser.parse(field, decimal: UInt8(ascii: ","),
                                                                            thousands: readings.commaThousands) {
                        comma.add(grouped)
                        return .eitherDot
                    }
                }
                return .pointNumber
            case .leadingZero: return identifier(.leadingZeros)
            case .tooLarge: return identifier(.tooLarge)
            case .tooManyDecimals: return identifier(.tooManyDecimals)
            case .notNumber: break
            }
        }
        if FieldSyntax.isDigit(first), field.count >= 6, let date = LocaleDate.parse(field) { return dateKind(date) }
        if field.count <= 6, let (_, kind) = BoolWords.value(field) {
            boolKinds.insert(kind)
            return .bool
        }
        guard Self.mayStartNumber(first) else { return .other }
        return localeNumber(field, line: line, readings: readings)
    }

    private mutating func identifier(_ reason: IdentifierReason) -> ValueKind {
        if identifierReason == nil { identifierReason = reason }
        return .identifier
    }

    /// A number with locale marks: tried with a decimal point and with a decimal comma.
    private mutating func localeNumber(_ field: UnsafeBufferPointer<UInt8>, line: Int, readings: NumberReadings) -> ValueKind {
        let hasPoint = field.contains(UInt8(ascii: "."))
        let hasComma = field.contains(UInt8(ascii: ","))
        let pointReading: LocaleNumber.Outcome = readings.pointAllowed
            ? LocaleNumberParser.parse(field, decimal: UInt8(ascii: "."), thousands: readings.pointThousands) : .notNumber
        // Without a dot or a comma both readings are the same number.
        let commaReading: LocaleNumber.Outcome = !readings.commaAllowed ? .notNumber
            : readings.pointAllowed && !hasPoint && !hasComma ? pointReading
            : LocaleNumberParser.parse(field, decimal: UInt8(ascii: ","), thousands: readings.commaThousands)
        switch (pointReading, commaReading) {
        case (.number(let byPoint), .number(let byComma)):
            point.add(byPoint)
            comma.add(byComma)
            note(currency: byPoint.currency, line: line)
            // `1 000 руб.` has a dot, but reads the same either way.
            if !hasPoint && !hasComma || byPoint.same(as: byComma) { return .number }
            return hasComma ? .eitherComma : .eitherDot
        case (.number(let byPoint), _):
            point.add(byPoint)
            note(currency: byPoint.currency, line: line)
            return .pointNumber
        case (_, .number(let byComma)):
            comma.add(byComma)
            note(currency: byComma.currency, line: line)
            return .commaNumber
        case (.leadingZero, _), (_, .leadingZero): return identifier(.leadingZeros)
        case (.tooLarge, _), (_, .tooLarge): return identifier(.tooLarge)
        case (.tooManyDecimals, _), (_, .tooManyDecimals): return identifier(.tooManyDecimals)
        default: return .other
        }
    }

    private mutating func note(currency mark: CurrencyMark?, line: Int) {
        guard let mark else { return }
        guard let known = currency else {
            currency = mark
            currencyLine = line
            return
        }
        if known.code != mark.code, otherCurrency == nil {
            otherCurrency = mark
            otherCurrencyLine = line
        }
    }

    private mutating func dateKind(_ date: LocaleDate) -> ValueKind {
        let timed = date.time != nil
        switch date.family {
        case .iso:
            return timed ? .isoDateTime : .isoDate
        case .dotted:
            if date.shortYear { shortYears = true } else { longYears = true }
            return timed ? .dottedDateTime : .dottedDate
        case .slashed:
            if date.shortYear { shortYears = true } else { longYears = true }
            if date.dayFirstValid && date.monthFirstValid { return timed ? .slashedDateTime : .slashedDate }
            if date.dayFirstValid { return timed ? .dayFirstDateTime : .dayFirstDate }
            return timed ? .monthFirstDateTime : .monthFirstDate
        }
    }

    /// Bytes a locale number can start with: a digit, a sign, a bracket, a space, a currency.
    @inline(__always)
    static func mayStartNumber(_ byte: UInt8) -> Bool {
        FieldSyntax.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "$") || byte == 0xE2 || byte == 0xC2 || byte == UInt8(ascii: "R")
            || byte == UInt8(ascii: "U") || byte == UInt8(ascii: "E")
    }
}
