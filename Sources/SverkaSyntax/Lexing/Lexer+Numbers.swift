extension Lexer {
    /// The largest scale (digits after the point) an exact decimal may carry.
    static let maximumScale = 9

    /// `1_000_000`, `12.50`, `1.5k`, `2M`, `20%`: reduced to an exact integer or decimal.
    mutating func scanNumber() {
        let start = position
        var units: Int64 = 0
        var overflow = false
        var scale = 0
        scanDigits(into: &units, overflow: &overflow)
        if byte(at: position) == ASCII.dot, let next = byte(at: position + 1), ASCII.isDigit(next) {
            position += 1
            scale = scanDigits(into: &units, overflow: &overflow)
        }
        let shift = scanMultiplier()
        let isPercent = shift == 0 && scanPercent()
        if identifierContinues(at: position) {
            position = identifierEnd(from: position)
            report(Diagnostic("invalid number '\(text(start, position))'", at: Span(start: start, end: position))
                .hint("a number may end in k (thousands), M (millions) or %; a name cannot start with a digit"))
            emit(.invalid, from: start)
            return
        }
        if shift > 0 {
            if scale >= shift {
                scale -= shift
            } else {
                multiply(&units, byPowerOfTen: shift - scale, overflow: &overflow)
                scale = 0
            }
        }
        if isPercent { scale += 2 }
        finishNumber(from: start, units: units, scale: scale, overflow: overflow)
    }

    private mutating func finishNumber(from start: Int, units: Int64, scale: Int, overflow: Bool) {
        let span = Span(start: start, end: position)
        let written = text(start, position)
        if scale > Self.maximumScale {
            report(Diagnostic("number \(written) has too many decimal places", at: span)
                .hint("at most \(Self.maximumScale) digits after the decimal point"))
            emit(.invalid, from: start)
        } else if overflow {
            report(Diagnostic("number \(written) is too large", at: span)
                .hint("numbers must lie within ±9,223,372,036,854,775,807"))
            emit(.invalid, from: start)
        } else if scale == 0 {
            emit(.integer(units), from: start)
        } else {
            emit(.decimal(units: units, scale: scale), from: start)
        }
    }

    /// Reads digits, skipping `_` between them; returns how many digits it read.
    @discardableResult
    private mutating func scanDigits(into units: inout Int64, overflow: inout Bool) -> Int {
        var count = 0
        while position < bytes.count {
            let byte = bytes[position]
            if ASCII.isDigit(byte) {
                let (times, timesOverflow) = units.multipliedReportingOverflow(by: 10)
                let (sum, sumOverflow) = times.addingReportingOverflow(Int64(byte - ASCII.zero))
                overflow = overflow || timesOverflow || sumOverflow
                units = sum
                count += 1
                position += 1
            } else if byte == ASCII.underscore, let next = self.byte(at: position + 1), ASCII.isDigit(next) {
                position += 1
            } else {
                break
            }
        }
        return count
    }

    /// `k`/`K` (3) or `M` (6) directly after the digits and not starting a longer word.
    private mutating func scanMultiplier() -> Int {
        guard let byte = byte(at: position) else { return 0 }
        let shift: Int
        switch byte {
        case UInt8(ascii: "k"), UInt8(ascii: "K"): shift = 3
        case UInt8(ascii: "M"): shift = 6
        default: return 0
        }
        guard !identifierContinues(at: position + 1) else { return 0 }
        position += 1
        return shift
    }

    /// `%` directly after a number is a percentage unless an operand follows it at once
    /// (`10%3`, `n%x`), which reads as the modulo operator.
    private mutating func scanPercent() -> Bool {
        guard byte(at: position) == ASCII.percent else { return false }
        if let next = byte(at: position + 1) {
            let operandStart = ASCII.isWordByte(next) || next >= 0x80 || next == ASCII.leftParen
                || next == ASCII.dollar || next == ASCII.dot || next == ASCII.backQuote || next == ASCII.at
                || next == ASCII.doubleQuote || next == ASCII.singleQuote
            if operandStart { return false }
        }
        position += 1
        return true
    }

    private func multiply(_ units: inout Int64, byPowerOfTen exponent: Int, overflow: inout Bool) {
        for _ in 0..<exponent {
            let (product, didOverflow) = units.multipliedReportingOverflow(by: 10)
            overflow = overflow || didOverflow
            units = product
        }
    }
}
