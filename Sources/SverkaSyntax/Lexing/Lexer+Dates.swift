extension Lexer {
    /// `@2026-11-30`, `@2026-11-30T14:05[:09]` (or a space instead of `T`); a lone `@` is a symbol.
    mutating func scanDateOrAt() {
        let start = position
        guard let next = byte(at: start + 1), ASCII.isDigit(next) else {
            position += 1
            emit(.at, from: start)
            return
        }
        guard let (literal, end) = readDateTime(from: start + 1), !identifierContinues(at: end) else {
            position = start + 1
            while let byte = byte(at: position),
                  ASCII.isWordByte(byte) || byte == ASCII.minus || byte == ASCII.colon || byte == ASCII.dot {
                position += 1
            }
            report(Diagnostic("invalid date '\(text(start, position))'", at: Span(start: start, end: position))
                .hint("write dates as @YYYY-MM-DD, e.g. @2026-11-30, and times as @2026-11-30T14:05"))
            emit(.invalid, from: start)
            return
        }
        position = end
        if let problem = DateValidation.problem(with: literal) {
            report(Diagnostic(problem.message, at: Span(start: start, end: end)).hint(problem.hint))
            emit(.invalid, from: start)
        } else {
            emit(.dateTime(literal), from: start)
        }
    }

    /// Reads the date's fields by shape alone; checking that they name a real day comes after.
    private func readDateTime(from offset: Int) -> (Literal, Int)? {
        guard let year = digits(at: offset, count: 4), byte(at: offset + 4) == ASCII.minus,
              let month = digits(at: offset + 5, count: 2), byte(at: offset + 7) == ASCII.minus,
              let day = digits(at: offset + 8, count: 2) else { return nil }
        var index = offset + 10
        let separator = byte(at: index)
        let timeFollows = separator == UInt8(ascii: "T")
            || (separator == ASCII.space && digits(at: index + 1, count: 2) != nil && byte(at: index + 3) == ASCII.colon)
        guard timeFollows else { return (.date(year: year, month: month, day: day), index) }
        index += 1
        guard let hour = digits(at: index, count: 2), byte(at: index + 2) == ASCII.colon,
              let minute = digits(at: index + 3, count: 2) else { return nil }
        index += 5
        var second = 0
        if byte(at: index) == ASCII.colon {
            guard let value = digits(at: index + 1, count: 2) else { return nil }
            second = value
            index += 3
        }
        return (.datetime(year: year, month: month, day: day, hour: hour, minute: minute, second: second), index)
    }

    private func digits(at offset: Int, count: Int) -> Int? {
        guard offset + count <= bytes.count else { return nil }
        var value = 0
        for index in offset..<(offset + count) {
            let byte = bytes[index]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        return value
    }
}

/// Whether a written date names a real day and time, and if not, what to tell the user.
enum DateValidation {
    static func problem(with literal: Literal) -> (message: String, hint: String)? {
        switch literal {
        case .date(let year, let month, let day):
            return dateProblem(year: year, month: month, day: day)
        case .datetime(let year, let month, let day, let hour, let minute, let second):
            if let problem = dateProblem(year: year, month: month, day: day) { return problem }
            guard hour <= 23, minute <= 59, second <= 59 else {
                return ("no such time", "hours run from 00 to 23, minutes and seconds from 00 to 59")
            }
            return nil
        default:
            return nil
        }
    }

    private static func dateProblem(year: Int, month: Int, day: Int) -> (message: String, hint: String)? {
        guard year >= 1 else { return ("no such date", "years run from 0001 to 9999") }
        guard (1...12).contains(month) else { return ("no such date", "months run from 01 to 12") }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            let monthText = month < 10 ? "0\(month)" : "\(month)"
            return ("no such date", "\(year)-\(monthText) has \(length) days")
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
